/*
 * Who may do what in an organization. A user belongs to an org with one
 * role; the roles are ordered, each one may do everything the ones below it
 * may:
 *
 *   auditor     read everything in the org, change nothing
 *   risk_owner  also change risks, treatments and risk acceptance
 *   manager     (ISMS manager) also change everything else in the org
 *   admin       also manage the org's members
 *
 * A system administrator (users.is_admin) acts as admin in every org, and is
 * the only one who creates orgs and users.
 */
#ifndef ISMS_ISMS_MEMBERSHIP_H
#define ISMS_ISMS_MEMBERSHIP_H

#include "isms/org.h"
#include "model/membership.h"

struct isms_user;

struct isms_store;
struct isms_actor;

/* Resolves `id_or_slug` to an org that `user_id` may see, and the user's role
 * in it, in one query: a member sees their orgs, a system administrator
 * (`is_admin`) every org with ISMS_ROLE_ADMIN. ISMS_ENOTFOUND for an org that
 * does not exist and for one the user is not a member of (an outsider learns
 * nothing about other orgs). */
int isms_membership_find_org(struct isms_org *org_out, enum isms_role *role_out,
                             struct isms_store *store, const char *id_or_slug, int64_t user_id,
                             bool is_admin);

/* The orgs `user_id` may see (all of them for an administrator), by id.
 * *out is owned by the caller: free() it. */
int isms_membership_list_orgs(struct isms_org **out, size_t *count, struct isms_store *store,
                              int64_t user_id, bool is_admin);

/* The same with the user's role in each org (parallel arrays, both owned by
 * the caller: free() them). */
int isms_membership_list_access(struct isms_org **orgs_out, enum isms_role **roles_out,
                                size_t *count, struct isms_store *store, int64_t user_id,
                                bool is_admin);

/* Members of `org_id` by name. *out is owned by the caller: free() it. */
int isms_membership_list(struct isms_member **out, size_t *count, struct isms_store *store,
                         int64_t org_id);

/* The user (numeric id or login name) that `caller` may add to or remove
 * from an org. A system administrator may name any user but another system
 * administrator (who sees every org already); an org administrator only
 * users who share an org with them, so that user names outside their orgs
 * cannot be probed. Everything else is ISMS_ENOTFOUND with one message. */
int isms_membership_find_user(struct isms_user *out, struct isms_store *store, const char *key,
                              int64_t caller_id, bool caller_is_admin);

/* Gives `user_id` `role` in `org_id` (adds or changes), journaled as
 * "member.set". ISMS_ENOTFOUND for an unknown user. */
int isms_membership_set(struct isms_store *store, int64_t org_id, int64_t user_id,
                        enum isms_role role, const struct isms_actor *actor);

/* Removes `user_id` from `org_id`, journaled as "member.remove".
 * ISMS_ENOTFOUND when the user was not a member. */
int isms_membership_remove(struct isms_store *store, int64_t org_id, int64_t user_id,
                           const struct isms_actor *actor);

#endif
