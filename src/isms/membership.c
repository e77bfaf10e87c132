#include "isms_setup.h"
#include "isms/membership.h"
#include "isms/user.h"
#include "store/memberships.h"
#include "util/error.h"
#include "util/names.h"

int isms_membership_find_org(struct isms_org *org_out, enum isms_role *role_out,
                             struct isms_store *store, const char *id_or_slug, int64_t user_id,
                             bool is_admin)
{
    char *end;
    long long id;

    if (!id_or_slug || !*id_or_slug)
        return isms_error_set(ISMS_EINVALID, _("organization id or slug is required"));
    errno = 0;
    id = strtoll(id_or_slug, &end, 10);
    if (*end == '\0' && errno == 0 && id > 0)
        return isms_store_membership_org(org_out, role_out, store, id, NULL, user_id, is_admin);
    if (strlen(id_or_slug) > ISMS_ORG_SLUG_MAX || (*end == '\0' && end != id_or_slug))
        return isms_error_set(ISMS_ENOTFOUND, _("organization '%.64s' not found"), id_or_slug);
    return isms_store_membership_org(org_out, role_out, store, 0, id_or_slug, user_id, is_admin);
}

int isms_membership_list_orgs(struct isms_org **out, size_t *count, struct isms_store *store,
                              int64_t user_id, bool is_admin)
{
    return isms_store_membership_orgs(out, NULL, count, store, user_id, is_admin);
}

int isms_membership_list_access(struct isms_org **orgs_out, enum isms_role **roles_out,
                                size_t *count, struct isms_store *store, int64_t user_id,
                                bool is_admin)
{
    return isms_store_membership_orgs(orgs_out, roles_out, count, store, user_id, is_admin);
}

int isms_membership_list(struct isms_member **out, size_t *count, struct isms_store *store,
                         int64_t org_id)
{
    return isms_store_membership_list(out, count, store, org_id);
}

static int find_user_by_key(struct isms_user *out, struct isms_store *store, const char *key)
{
    char *end;
    long long id;

    errno = 0;
    id = key ? strtoll(key, &end, 10) : 0;
    if (key && *end == '\0' && errno == 0 && id > 0)
        return isms_user_get(out, store, id);
    return isms_user_find(out, store, key);
}

int isms_membership_find_user(struct isms_user *out, struct isms_store *store, const char *key,
                              int64_t caller_id, bool caller_is_admin)
{
    bool visible = false;
    int error;

    error = find_user_by_key(out, store, key);
    if (error == 0 && !out->is_admin)
        error = caller_is_admin ? (visible = true, 0)
                                : isms_store_membership_shared(&visible, store, caller_id, out->id);
    if (error < 0 && error != ISMS_ENOTFOUND)
        return error;
    if (error < 0 || !visible)
        return isms_error_set(ISMS_ENOTFOUND,
                              _("no user '%.64s' that you can add; a system administrator adds a "
                                "user to their first organization"),
                              key ? key : "");
    return 0;
}

int isms_membership_set(struct isms_store *store, int64_t org_id, int64_t user_id,
                        enum isms_role role, const struct isms_actor *actor)
{
    isms_role_name(role);
    if (role == ISMS_ROLE_NONE)
        return isms_error_set(ISMS_EINVALID, _("a member needs a role"));
    return isms_store_membership_set(store, org_id, user_id, role, actor);
}

int isms_membership_remove(struct isms_store *store, int64_t org_id, int64_t user_id,
                           const struct isms_actor *actor)
{
    return isms_store_membership_delete(store, org_id, user_id, actor);
}
