/* SQL for an organization's own threats (rules live in isms/threat.c). */
#ifndef ISMS_STORE_THREATS_H
#define ISMS_STORE_THREATS_H

struct isms_store;
struct isms_actor;
struct isms_own_threat;

/* Inserts `t` (validated; org_id, names, category, description, created_at)
 * and sets t->id, journaled as "threat.create" in the same transaction. */
int isms_store_threat_insert(struct isms_store *store, const struct isms_actor *actor,
                             struct isms_own_threat *t);

/* ISMS_ENOTFOUND unless org `org_id` has threat `id`. */
int isms_store_threat_get(struct isms_own_threat *out, struct isms_store *store, int64_t org_id,
                          int64_t id);

/* Org `org_id`'s threats by id; *out is owned by the caller (free()). */
int isms_store_threat_list(struct isms_own_threat **out, size_t *count, struct isms_store *store,
                           int64_t org_id);

#endif
