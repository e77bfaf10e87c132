/*
 * SQL for control implementation records, their level history and evidence
 * (rules in isms/control_impl.c). Every statement filters by org_id.
 */
#ifndef ISMS_STORE_CONTROL_IMPLS_H
#define ISMS_STORE_CONTROL_IMPLS_H

#include "model/control_impl.h"

struct isms_store;
struct isms_actor;

/* Every recorded control of org `org_id`, by control id, with the owner's
 * display name and the evidence count. *out: isms_control_impls_free. */
int isms_store_control_impl_list(struct isms_control_impl **out, size_t *count,
                                 struct isms_store *store, int64_t org_id);

/* ISMS_ENOTFOUND while the control has no record. */
int isms_store_control_impl_get(struct isms_control_impl *out, struct isms_store *store,
                                int64_t org_id, const char *control_id);

/* Inserts or replaces the record; when the level differs from `old_level`
 * appends a level change, and journals "control.set" with `detail` (JSON
 * text), all in one transaction. */
int isms_store_control_impl_save(struct isms_store *store, int64_t org_id,
                                 const struct isms_control_impl *impl,
                                 enum isms_control_level old_level, const char *detail,
                                 const struct isms_actor *actor);

/* The level changes of one control, oldest first. *out: free(). */
int isms_store_control_level_history(struct isms_control_level_change **out, size_t *count,
                                     struct isms_store *store, int64_t org_id,
                                     const char *control_id);

/* Evidence of one control: a file (`content` of `size` bytes with its
 * SHA-256) or a link (`url`, no content). Journaled "control.evidence";
 * *out gets the new evidence as stored. */
struct isms_store_evidence_row {
    const char *control_id;
    const char *name;
    const char *url;
    const char *sha256;
    const void *content;
    size_t size;
};
int isms_store_control_evidence_add(struct isms_control_evidence *out, struct isms_store *store,
                                    int64_t org_id, const struct isms_store_evidence_row *row,
                                    const struct isms_actor *actor);

/* The evidence of one control, newest first (without the content). *out: free(). */
int isms_store_control_evidence_list(struct isms_control_evidence **out, size_t *count,
                                     struct isms_store *store, int64_t org_id,
                                     const char *control_id);

/* The evidence file `evidence_id` of one control with its content.
 * ISMS_ENOTFOUND for a link, or an id of another control or org. */
int isms_store_control_evidence_file(struct isms_control_evidence_file *out,
                                     struct isms_store *store, int64_t org_id,
                                     const char *control_id, int64_t evidence_id);

#endif
