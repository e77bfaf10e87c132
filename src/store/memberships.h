/* SQL for organization memberships (rules in isms/membership.c). The org
 * lookups join memberships so that whether a user may see an org is decided
 * in the query itself. */
#ifndef ISMS_STORE_MEMBERSHIPS_H
#define ISMS_STORE_MEMBERSHIPS_H

#include "model/membership.h"

/* The org with this id (when `id` > 0) or slug, and `user_id`'s role in it;
 * with `is_admin` every org qualifies. ISMS_ENOTFOUND otherwise. */
int isms_store_membership_org(struct isms_org *org_out, enum isms_role *role_out,
                              struct isms_store *store, int64_t id, const char *slug,
                              int64_t user_id, bool is_admin);

/* The orgs a user may see by id; with `roles_out` (may be NULL) also the
 * user's role in each. Both arrays are owned by the caller (free()). */
int isms_store_membership_orgs(struct isms_org **out, enum isms_role **roles_out, size_t *count,
                               struct isms_store *store, int64_t user_id, bool is_admin);

int isms_store_membership_list(struct isms_member **out, size_t *count, struct isms_store *store,
                               int64_t org_id);

/* Upsert / delete, each journaled with the org's id. */
int isms_store_membership_set(struct isms_store *store, int64_t org_id, int64_t user_id,
                              enum isms_role role, const struct isms_actor *actor);
int isms_store_membership_delete(struct isms_store *store, int64_t org_id, int64_t user_id,
                                 const struct isms_actor *actor);

/* *out: `user_a` and `user_b` are members of at least one org in common. */
int isms_store_membership_shared(bool *out, struct isms_store *store, int64_t user_a,
                                 int64_t user_b);

#endif
