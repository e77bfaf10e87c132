#include "isms_setup.h"
#include <jansson.h>
#include "model/org.h"
#include "store/db.h"
#include "store/journal.h"
#include "store/orgs.h"
#include "store/query.h"
#include "store/store.h"
#include "util/error.h"

#define ORG_COLUMNS "id, slug, name, role, created_at"

static int read_row(void *item, struct isms_stmt *st)
{
    struct isms_org *org = item;

    org->id = isms_stmt_int64(st, 0);
    isms_store_copy_text(org->slug, sizeof(org->slug), isms_stmt_text(st, 1));
    isms_store_copy_text(org->name, sizeof(org->name), isms_stmt_text(st, 2));
    isms_store_copy_text(org->created_at, sizeof(org->created_at), isms_stmt_text(st, 4));
    return isms_org_role_parse(&org->role, isms_stmt_text(st, 3));
}

static int insert_row(struct isms_db *db, struct isms_org *org)
{
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db,
                                 "INSERT INTO orgs (slug, name, role, created_at) "
                                 "VALUES ($1, $2, $3, $4) RETURNING id")) < 0 ||
        (error = isms_stmt_bind_text(st, 1, org->slug)) < 0 ||
        (error = isms_stmt_bind_text(st, 2, org->name)) < 0 ||
        (error = isms_stmt_bind_text(st, 3, isms_org_role_name(org->role))) < 0 ||
        (error = isms_stmt_bind_text(st, 4, org->created_at)) < 0)
        goto done;
    if ((error = isms_stmt_step(st)) == 1) {
        org->id = isms_stmt_int64(st, 0);
        error = 0;
    } else if (error == ISMS_ECONFLICT) {
        error = isms_error_set(ISMS_ECONFLICT, _("an organization with slug '%s' already exists"),
                               org->slug);
    }
done:
    isms_stmt_finalize(st);
    return error;
}

static int insert_journaled(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    struct isms_org *org = ctx;
    int error;

    if ((error = insert_row(db, org)) < 0)
        return error;
    return isms_store_journal_json(db, actor, org->id, "org.create", org->slug,
                                   json_pack("{s:s, s:s, s:s}", "slug", org->slug, "name",
                                             org->name, "role", isms_org_role_name(org->role)));
}

int isms_store_org_insert(struct isms_store *store, struct isms_org *org,
                          const struct isms_actor *actor)
{
    return isms_store_write(store, actor, NULL, insert_journaled, org);
}

static int select_one(struct isms_org *out, struct isms_store *store, const char *where,
                      const char *text_key, int64_t int_key)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_stmt *st = NULL;
    char sql[128];
    int error;

    snprintf(sql, sizeof(sql), "SELECT " ORG_COLUMNS " FROM orgs WHERE %s = $1", where);
    if ((error = isms_db_prepare(&st, db, sql)) < 0)
        goto done;
    error = text_key ? isms_stmt_bind_text(st, 1, text_key) : isms_stmt_bind_int64(st, 1, int_key);
    if (error < 0)
        goto done;
    if ((error = isms_stmt_step(st)) == 1)
        error = read_row(out, st);
    else if (error == 0)
        error = isms_error_set(ISMS_ENOTFOUND, _("organization '%s' not found"),
                               text_key ? text_key : "");
done:
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    return error;
}

int isms_store_org_by_id(struct isms_org *out, struct isms_store *store, int64_t id)
{
    int error = select_one(out, store, "id", NULL, id);

    if (error == ISMS_ENOTFOUND)
        isms_error_set(error, "organization %" PRId64 " not found", id);
    return error;
}

int isms_store_org_by_slug(struct isms_org *out, struct isms_store *store, const char *slug)
{
    return select_one(out, store, "slug", slug, 0);
}

int isms_store_org_list(struct isms_org **out, size_t *count, struct isms_store *store)
{
    const struct isms_store_select q = {
        .sql = "SELECT " ORG_COLUMNS " FROM orgs ORDER BY id",
        .read = read_row,
        .item_size = sizeof(**out),
    };
    return isms_store_select_all(out, count, store, &q);
}

int isms_store_org_providers(struct isms_org **out, size_t *count, struct isms_store *store,
                             int64_t org_id)
{
    const int64_t params[] = {org_id};
    const struct isms_store_select q = {
        .sql =
            "SELECT " ORG_COLUMNS " FROM orgs o WHERE o.role IN ('csp', 'both') AND o.id <> $1 "
            "AND (EXISTS (SELECT 1 FROM cloud_services c WHERE c.org_id = $1 "
            "AND c.provider_org_id = o.id) "
            "OR EXISTS (SELECT 1 FROM risks r WHERE r.org_id = $1 AND r.provider_org_id = o.id)) "
            "ORDER BY o.name, o.id",
        .params = params,
        .param_count = 1,
        .read = read_row,
        .item_size = sizeof(**out),
    };
    return isms_store_select_all(out, count, store, &q);
}

struct org_rename {
    const struct isms_org *org; /* the new name and slug */
    const struct isms_org *old;
};

static int update_journaled(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    const struct org_rename *r = ctx;
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db, "UPDATE orgs SET name = $2, slug = $3 WHERE id = $1")) <
            0 ||
        (error = isms_stmt_bind_int64(st, 1, r->org->id)) < 0 ||
        (error = isms_stmt_bind_text(st, 2, r->org->name)) < 0 ||
        (error = isms_stmt_bind_text(st, 3, r->org->slug)) < 0)
        goto done;
    if ((error = isms_stmt_step(st)) == ISMS_ECONFLICT)
        error = isms_error_set(ISMS_ECONFLICT, _("an organization with slug '%s' already exists"),
                               r->org->slug);
done:
    isms_stmt_finalize(st);
    if (error < 0)
        return error;
    return isms_store_journal_json(db, actor, r->org->id, "org.update", r->org->slug,
                                   json_pack("{s:s, s:s, s:s, s:s}", "slug", r->org->slug, "name",
                                             r->org->name, "old_slug", r->old->slug, "old_name",
                                             r->old->name));
}

int isms_store_org_update(struct isms_store *store, const struct isms_org *org,
                          const struct isms_org *old, const struct isms_actor *actor)
{
    struct org_rename r = {org, old};

    return isms_store_write(store, actor, NULL, update_journaled, &r);
}
