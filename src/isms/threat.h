/*
 * An organization's threat library (ISO/IEC 27005 threat identification):
 * the built-in threats (catalog/threats.h: ENISA 2009, ITU-T X.1601, IPA
 * 10大脅威) plus the org's own threats, which it adds here.
 *
 * Any threat is named by a reference "SOURCE:ID": "enisa:R9", "x1601:CSP-C2",
 * "ipa:3" or "own:12" (12 = the own threat's id).
 */
#ifndef ISMS_ISMS_THREAT_H
#define ISMS_ISMS_THREAT_H

#include "model/threat.h"

struct isms_store;
struct isms_actor;

/* Validates and stores a new own threat of org `org_id` (journaled as
 * "threat.create"). ISMS_EINVALID/ISMS_ETOOBIG naming the field. */
int isms_threat_add(struct isms_own_threat *out, struct isms_store *store,
                    const struct isms_actor *actor, int64_t org_id,
                    const struct isms_threat_input *in);

/* Org `org_id`'s own threats by id. *out is owned by the caller: free() it. */
int isms_threat_list_own(struct isms_own_threat **out, size_t *count, struct isms_store *store,
                         int64_t org_id);

/* Own threat `id` of org `org_id`; ISMS_ENOTFOUND when it has none such
 * (also when the id belongs to another org). */
int isms_threat_get_own(struct isms_own_threat *out, struct isms_store *store, int64_t org_id,
                        int64_t id);

/* True for "enisa", "x1601", "ipa" and "own". */
bool isms_threat_source_valid(const char *source);

/* Resolves `ref` for org `org_id`. ISMS_EINVALID for a malformed reference,
 * ISMS_ENOTFOUND for an unknown threat (or another org's own threat). */
int isms_threat_resolve(struct isms_threat_info *out, struct isms_store *store, int64_t org_id,
                        const char *ref);

#endif
