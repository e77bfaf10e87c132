/*
 * Evidence of any subject (a control, an incident): the checks a file or a
 * link passes before it is kept with its SHA-256 (store/evidence.h).
 */
#ifndef ISMS_ISMS_EVIDENCE_H
#define ISMS_ISMS_EVIDENCE_H

#include "store/evidence.h"

/* Keeps a file (`data` of `len` bytes, at most ISMS_EVIDENCE_FILE_MAX,
 * named `name`) or a link (`url`, http or https; data NULL) of `subject`
 * in `table`. ISMS_EINVALID / ISMS_ETOOBIG naming what is wrong. */
int isms_evidence_add(struct isms_evidence *out, struct isms_store *store,
                      const struct isms_store_evidence_table *table, int64_t org_id,
                      const char *subject, const char *name, const void *data, size_t len,
                      const char *url, const struct isms_actor *actor);

#endif
