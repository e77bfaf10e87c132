#include "isms_setup.h"
#include <jansson.h>
#include "isms/org.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/orgs.h"
#include "store/store.h"
#include "util/error.h"

#define ORG_COLUMNS "id, slug, name, role, created_at"

static void copy_text(char *dst, size_t size, const char *src)
{
    snprintf(dst, size, "%s", src ? src : "");
}

static int read_row(struct isms_org *org, struct isms_stmt *st)
{
    org->id = isms_stmt_int64(st, 0);
    copy_text(org->slug, sizeof(org->slug), isms_stmt_text(st, 1));
    copy_text(org->name, sizeof(org->name), isms_stmt_text(st, 2));
    copy_text(org->created_at, sizeof(org->created_at), isms_stmt_text(st, 4));
    return isms_org_role_parse(&org->role, isms_stmt_text(st, 3));
}

static int insert_row(struct isms_db *db, struct isms_org *org)
{
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db, "INSERT INTO orgs (slug, name, role, created_at) "
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
        error = isms_error_set(ISMS_ECONFLICT, "an organization with slug '%s' already exists",
                               org->slug);
    }
done:
    isms_stmt_finalize(st);
    return error;
}

static int audit_insert(struct isms_db *db, const struct isms_org *org,
                        const struct isms_actor *actor)
{
    json_t *detail = json_pack("{s:s, s:s, s:s}", "slug", org->slug, "name", org->name, "role",
                               isms_org_role_name(org->role));
    char *text = detail ? json_dumps(detail, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    int error = text ? isms_store_audit_append(db, actor,
                                               &(struct isms_audit_event){
                                                   org->id, "org.create", org->slug, text})
                     : isms_error_set(ISMS_ENOMEM, "out of memory");

    free(text);
    json_decref(detail);
    return error;
}

int isms_store_org_insert(struct isms_store *store, struct isms_org *org,
                          const struct isms_actor *actor)
{
    struct isms_db *db = isms_store_acquire(store);
    int error;

    if ((error = isms_db_begin(db)) < 0)
        goto done;
    if ((error = insert_row(db, org)) < 0 || (error = audit_insert(db, org, actor)) < 0) {
        isms_db_rollback(db);
        goto done;
    }
    error = isms_db_commit(db);
done:
    isms_store_release(store, db);
    return error;
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
        error = isms_error_set(ISMS_ENOTFOUND, "organization '%s' not found",
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
    struct isms_db *db = isms_store_acquire(store);
    struct isms_stmt *st = NULL;
    struct isms_org *orgs = NULL;
    size_t n = 0, cap = 0;
    int error;

    if ((error = isms_db_prepare(&st, db, "SELECT " ORG_COLUMNS " FROM orgs ORDER BY id")) < 0)
        goto done;
    while ((error = isms_stmt_step(st)) == 1) {
        if (n == cap) {
            struct isms_org *grown;
            cap = cap ? cap * 2 : 16;
            if (!(grown = realloc(orgs, cap * sizeof(*orgs)))) {
                error = isms_error_set(ISMS_ENOMEM, "out of memory");
                goto done;
            }
            orgs = grown;
        }
        if ((error = read_row(&orgs[n++], st)) < 0)
            goto done;
    }
done:
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    if (error < 0) {
        free(orgs);
        return error;
    }
    *out = orgs;
    *count = n;
    return 0;
}
