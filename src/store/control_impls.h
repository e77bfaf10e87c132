/*
 * SQL for control implementation records, their level history and evidence
 * (rules in isms/control_impl.c). Every statement filters by org_id.
 */
#ifndef ISMS_STORE_CONTROL_IMPLS_H
#define ISMS_STORE_CONTROL_IMPLS_H

#include "model/control_impl.h"
#include "store/evidence.h"

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

/* Where the evidence of a control is kept (store/evidence.h); its subject
 * is the control id. */
extern const struct isms_store_evidence_table isms_store_control_evidence;

#endif
