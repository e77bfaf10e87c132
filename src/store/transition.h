/*
 * SQL for the imported 2013 Statement of Applicability (rules in
 * isms/transition.c). Every statement filters by org_id.
 */
#ifndef ISMS_STORE_TRANSITION_H
#define ISMS_STORE_TRANSITION_H

#include "model/transition.h"

struct isms_store;
struct isms_actor;

/* Replaces org `org_id`'s imported decisions with `count` new ones and
 * records the import (the file's SHA-256), journaled "transition.import",
 * all in one transaction. */
int isms_store_transition_replace(struct isms_store *store, int64_t org_id,
                                  const struct isms_transition_decision *decisions, size_t count,
                                  const char *file_sha256, const struct isms_actor *actor);

/* The imported decisions in the order of the file. *out:
 * isms_transition_decisions_free. */
int isms_store_transition_list(struct isms_transition_decision **out, size_t *count,
                               struct isms_store *store, int64_t org_id);

/* The last import; ISMS_ENOTFOUND while there was none. */
int isms_store_transition_info(struct isms_transition_import_info *out, struct isms_store *store,
                               int64_t org_id);

#endif
