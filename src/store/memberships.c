#include "isms_setup.h"
#include <jansson.h>
#include "store/db.h"
#include "store/journal.h"
#include "store/memberships.h"
#include "store/query.h"
#include "store/store.h"
#include "util/array.h"
#include "util/error.h"

/* Org columns plus the user's role ($2 = user id, $3 = 1 for an administrator,
 * whose role is admin everywhere). */
#define ORG_WITH_ROLE                                                                              \
    "SELECT o.id, o.slug, o.name, o.role, o.created_at, "                                          \
    "CASE WHEN $3 = 1 THEN 'admin' ELSE m.role END FROM orgs o "                                   \
    "LEFT JOIN memberships m ON m.org_id = o.id AND m.user_id = $2 "                               \
    "WHERE (m.user_id IS NOT NULL OR $3 = 1) "

static int read_org(struct isms_org *org, enum isms_role *role, struct isms_stmt *st)
{
    int error;

    org->id = isms_stmt_int64(st, 0);
    isms_store_copy_text(org->slug, sizeof(org->slug), isms_stmt_text(st, 1));
    isms_store_copy_text(org->name, sizeof(org->name), isms_stmt_text(st, 2));
    isms_store_copy_text(org->created_at, sizeof(org->created_at), isms_stmt_text(st, 4));
    if ((error = isms_org_role_parse(&org->role, isms_stmt_text(st, 3))) < 0)
        return error;
    return role ? isms_role_parse(role, isms_stmt_text(st, 5)) : 0;
}

int isms_store_membership_org(struct isms_org *org_out, enum isms_role *role_out,
                              struct isms_store *store, int64_t id, const char *slug,
                              int64_t user_id, bool is_admin)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(
             &st, db, slug ? ORG_WITH_ROLE "AND o.slug = $1" : ORG_WITH_ROLE "AND o.id = $1")) < 0)
        goto done;
    if ((error = slug ? isms_stmt_bind_text(st, 1, slug) : isms_stmt_bind_int64(st, 1, id)) < 0 ||
        (error = isms_stmt_bind_int64(st, 2, user_id)) < 0 ||
        (error = isms_stmt_bind_int64(st, 3, is_admin)) < 0)
        goto done;
    if ((error = isms_stmt_step(st)) == 1)
        error = read_org(org_out, role_out, st);
    else if (error == 0 && slug)
        error = isms_error_set(ISMS_ENOTFOUND, _("organization '%s' not found"), slug);
    else if (error == 0)
        error = isms_error_set(ISMS_ENOTFOUND, "organization %" PRId64 " not found", id);
done:
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    return error;
}

int isms_store_membership_orgs(struct isms_org **out, enum isms_role **roles_out, size_t *count,
                               struct isms_store *store, int64_t user_id, bool is_admin)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_stmt *st = NULL;
    struct isms_org *orgs = NULL;
    enum isms_role *roles = NULL;
    size_t n = 0, org_cap = 0, role_cap = 0;
    int error;

    /* $1 is unused here but keeps the shared text's numbering. */
    if ((error = isms_db_prepare(&st, db, ORG_WITH_ROLE "AND $1 = 0 ORDER BY o.id")) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, 0)) < 0 ||
        (error = isms_stmt_bind_int64(st, 2, user_id)) < 0 ||
        (error = isms_stmt_bind_int64(st, 3, is_admin)) < 0)
        goto done;
    while ((error = isms_stmt_step(st)) == 1) {
        if ((error = ISMS_ARRAY_RESERVE(orgs, org_cap, n)) < 0 ||
            (error = ISMS_ARRAY_RESERVE(roles, role_cap, n)) < 0)
            goto done;
        if ((error = read_org(&orgs[n], &roles[n], st)) < 0)
            goto done;
        n++;
    }
done:
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    if (error < 0 || !roles_out)
        free(roles);
    if (error < 0) {
        free(orgs);
        return error;
    }
    *out = orgs;
    if (roles_out)
        *roles_out = roles;
    *count = n;
    return 0;
}

static int read_member(void *item, struct isms_stmt *st)
{
    struct isms_member *member = item;

    member->user_id = isms_stmt_int64(st, 0);
    isms_store_copy_text(member->name, sizeof(member->name), isms_stmt_text(st, 1));
    isms_store_copy_text(member->display_name, sizeof(member->display_name), isms_stmt_text(st, 2));
    return isms_role_parse(&member->role, isms_stmt_text(st, 3));
}

int isms_store_membership_list(struct isms_member **out, size_t *count, struct isms_store *store,
                               int64_t org_id)
{
    const struct isms_store_select q = {
        .sql = "SELECT u.id, u.name, u.display_name, m.role FROM memberships m "
               "JOIN users u ON u.id = m.user_id WHERE m.org_id = $1 ORDER BY u.name",
        .params = &org_id,
        .param_count = 1,
        .read = read_member,
        .item_size = sizeof(**out),
    };
    return isms_store_select_all(out, count, store, &q);
}

/* "user:NAME" of an existing user; ISMS_ENOTFOUND otherwise. */
static int member_entity(char *out, size_t size, struct isms_db *db, int64_t user_id)
{
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db, "SELECT name FROM users WHERE id = $1")) == 0 &&
        (error = isms_stmt_bind_int64(st, 1, user_id)) == 0 && (error = isms_stmt_step(st)) == 1) {
        snprintf(out, size, "user:%s", isms_stmt_text(st, 0));
        error = 0;
    } else if (error == 0) {
        error = isms_error_set(ISMS_ENOTFOUND, "user %" PRId64 " not found", user_id);
    }
    isms_stmt_finalize(st);
    return error;
}

static int journal_member(struct isms_db *db, const struct isms_actor *actor, int64_t org_id,
                          const char *action, const char *entity, enum isms_role role)
{
    if (!role)
        return isms_store_journal_append(
            db, actor, &(struct isms_journal_event){org_id, action, entity, NULL});
    return isms_store_journal_json(db, actor, org_id, action, entity,
                                   json_pack("{s:s}", "role", isms_role_name(role)));
}

static int write_membership(struct isms_db *db, int64_t org_id, int64_t user_id,
                            enum isms_role role)
{
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(
             &st, db,
             role ? "INSERT INTO memberships (org_id, user_id, role) VALUES ($1, $2, $3) "
                    "ON CONFLICT (org_id, user_id) DO UPDATE SET role = excluded.role"
                  : "DELETE FROM memberships WHERE org_id = $1 AND user_id = $2")) < 0)
        return error;
    if ((error = isms_stmt_bind_int64(st, 1, org_id)) == 0 &&
        (error = isms_stmt_bind_int64(st, 2, user_id)) == 0 &&
        (!role || (error = isms_stmt_bind_text(st, 3, isms_role_name(role))) == 0) &&
        (error = isms_stmt_step(st)) >= 0)
        error = role || isms_stmt_changes(st) == 1
                    ? 0
                    : isms_error_set(ISMS_ENOTFOUND, "user %" PRId64 " is not a member", user_id);
    isms_stmt_finalize(st);
    return error;
}

struct membership_change {
    int64_t org_id;
    int64_t user_id;
    enum isms_role role; /* ISMS_ROLE_NONE removes the membership */
};

static int change_journaled(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    const struct membership_change *c = ctx;
    char entity[80];
    int error;

    if ((error = member_entity(entity, sizeof(entity), db, c->user_id)) < 0 ||
        (error = write_membership(db, c->org_id, c->user_id, c->role)) < 0)
        return error;
    return journal_member(db, actor, c->org_id, c->role ? "member.set" : "member.remove", entity,
                          c->role);
}

static int change(struct isms_store *store, int64_t org_id, int64_t user_id, enum isms_role role,
                  const struct isms_actor *actor)
{
    struct membership_change c = {org_id, user_id, role};

    return isms_store_write(store, actor, NULL, change_journaled, &c);
}

int isms_store_membership_set(struct isms_store *store, int64_t org_id, int64_t user_id,
                              enum isms_role role, const struct isms_actor *actor)
{
    return change(store, org_id, user_id, role, actor);
}

int isms_store_membership_delete(struct isms_store *store, int64_t org_id, int64_t user_id,
                                 const struct isms_actor *actor)
{
    return change(store, org_id, user_id, ISMS_ROLE_NONE, actor);
}

int isms_store_membership_shared(bool *out, struct isms_store *store, int64_t user_a,
                                 int64_t user_b)
{
    const int64_t params[] = {user_a, user_b};
    struct isms_db *db = isms_store_acquire(store);
    int64_t found = 0;
    int error;

    error = isms_store_query_int64(
        &found, db,
        "SELECT EXISTS (SELECT 1 FROM memberships a JOIN memberships b "
        "ON b.org_id = a.org_id WHERE a.user_id = $1 AND b.user_id = $2)",
        params, 2);
    isms_store_release(store, db);
    *out = error == 0 && found;
    return error;
}
