#include "isms_setup.h"
#include <jansson.h>
#include "isms/cloud_service.h"
#include "store/audit.h"
#include "store/cloud_services.h"
#include "store/db.h"
#include "store/store.h"
#include "util/error.h"

/* The provider org contributes its name and nothing else. */
#define SELECT_SERVICE                                                                         \
    "SELECT c.id, c.org_id, c.name, c.provider, c.provider_org_id, p.name, c.service_model, "   \
    "c.responsibility_notes, c.department, c.managed_by, c.risk_assessment, c.purpose, "        \
    "c.cost_bearer, c.notes, c.created_at, c.updated_at "                                     \
    "FROM cloud_services c LEFT JOIN orgs p ON p.id = c.provider_org_id "

static void copy_text(char *dst, size_t size, const char *src)
{
    snprintf(dst, size, "%s", src ? src : "");
}

static int read_row(struct isms_cloud_service *s, struct isms_stmt *st)
{
    int error;

    memset(s, 0, sizeof(*s));
    s->id = isms_stmt_int64(st, 0);
    s->org_id = isms_stmt_int64(st, 1);
    copy_text(s->name, sizeof(s->name), isms_stmt_text(st, 2));
    copy_text(s->provider, sizeof(s->provider), isms_stmt_text(st, 3));
    s->provider_org_id = isms_stmt_is_null(st, 4) ? 0 : isms_stmt_int64(st, 4);
    copy_text(s->provider_org_name, sizeof(s->provider_org_name), isms_stmt_text(st, 5));
    copy_text(s->responsibility_notes, sizeof(s->responsibility_notes), isms_stmt_text(st, 7));
    copy_text(s->department, sizeof(s->department), isms_stmt_text(st, 8));
    copy_text(s->notes, sizeof(s->notes), isms_stmt_text(st, 13));
    copy_text(s->created_at, sizeof(s->created_at), isms_stmt_text(st, 14));
    copy_text(s->updated_at, sizeof(s->updated_at), isms_stmt_text(st, 15));
    if ((error = isms_cloud_model_parse(&s->model, isms_stmt_text(st, 6))) < 0 ||
        (error = isms_cloud_managed_by_parse(&s->managed_by, isms_stmt_text(st, 9))) < 0 ||
        (error = isms_cloud_risk_parse(&s->risk_assessment, isms_stmt_text(st, 10))) < 0 ||
        (error = isms_cloud_purpose_parse(&s->purpose, isms_stmt_text(st, 11))) < 0 ||
        (error = isms_cloud_cost_parse(&s->cost_bearer, isms_stmt_text(st, 12))) < 0)
        return error;
    return 0;
}

/* Binds $3.. with the fields shared by INSERT and UPDATE ($1 and $2 are the
 * org and, for UPDATE, the id). */
static int bind_fields(struct isms_stmt *st, const struct isms_cloud_service *s)
{
    int error;

    if ((error = isms_stmt_bind_text(st, 3, s->name)) < 0 ||
        (error = isms_stmt_bind_text(st, 4, s->provider)) < 0 ||
        (error = s->provider_org_id ? isms_stmt_bind_int64(st, 5, s->provider_org_id)
                                    : isms_stmt_bind_null(st, 5)) < 0 ||
        (error = isms_stmt_bind_text(st, 6, isms_cloud_model_name(s->model))) < 0 ||
        (error = isms_stmt_bind_text(st, 7, s->responsibility_notes)) < 0 ||
        (error = isms_stmt_bind_text(st, 8, s->department)) < 0 ||
        (error = isms_stmt_bind_text(st, 9, isms_cloud_managed_by_name(s->managed_by))) < 0 ||
        (error = isms_stmt_bind_text(st, 10, isms_cloud_risk_name(s->risk_assessment))) < 0 ||
        (error = isms_stmt_bind_text(st, 11, isms_cloud_purpose_name(s->purpose))) < 0 ||
        (error = isms_stmt_bind_text(st, 12, isms_cloud_cost_name(s->cost_bearer))) < 0 ||
        (error = isms_stmt_bind_text(st, 13, s->notes)) < 0 ||
        (error = isms_stmt_bind_text(st, 14, s->updated_at)) < 0)
        return error;
    return 0;
}

static int audit(struct isms_db *db, const struct isms_actor *actor, const char *action,
                 const struct isms_cloud_service *s)
{
    char entity[48];
    json_t *detail = json_pack(
        "{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "name", s->name, "provider", s->provider,
        "service_model", isms_cloud_model_name(s->model), "department", s->department,
        "managed_by", isms_cloud_managed_by_name(s->managed_by), "risk_assessment",
        isms_cloud_risk_name(s->risk_assessment), "purpose", isms_cloud_purpose_name(s->purpose),
        "cost_bearer", isms_cloud_cost_name(s->cost_bearer));
    char *text = detail ? json_dumps(detail, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    int error;

    snprintf(entity, sizeof(entity), "cloud_service:%" PRId64, s->id);
    error = text ? isms_store_audit_append(
                       db, actor, &(struct isms_audit_event){s->org_id, action, entity, text})
                 : isms_error_set(ISMS_ENOMEM, "out of memory");
    free(text);
    json_decref(detail);
    return error;
}

static int name_conflict(int error, const struct isms_cloud_service *s)
{
    return error == ISMS_ECONFLICT
               ? isms_error_set(ISMS_ECONFLICT, "a cloud service named '%s' is already registered",
                                s->name)
               : error;
}

static int insert_row(struct isms_db *db, struct isms_cloud_service *s)
{
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(
             &st, db,
             "INSERT INTO cloud_services (org_id, name, provider, provider_org_id, "
             "service_model, responsibility_notes, department, managed_by, risk_assessment, "
             "purpose, cost_bearer, notes, updated_at, created_at) "
             "VALUES ($1, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $2) "
             "RETURNING id")) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, s->org_id)) < 0 ||
        (error = isms_stmt_bind_text(st, 2, s->created_at)) < 0 ||
        (error = bind_fields(st, s)) < 0)
        goto done;
    if ((error = isms_stmt_step(st)) == 1) {
        s->id = isms_stmt_int64(st, 0);
        error = 0;
    }
    error = name_conflict(error, s);
done:
    isms_stmt_finalize(st);
    return error;
}

static int update_row(struct isms_db *db, struct isms_cloud_service *s)
{
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(
             &st, db,
             "UPDATE cloud_services SET name = $3, provider = $4, provider_org_id = $5, "
             "service_model = $6, responsibility_notes = $7, department = $8, managed_by = $9, "
             "risk_assessment = $10, purpose = $11, cost_bearer = $12, notes = $13, "
             "updated_at = $14 WHERE org_id = $1 AND id = $2")) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, s->org_id)) < 0 ||
        (error = isms_stmt_bind_int64(st, 2, s->id)) < 0 || (error = bind_fields(st, s)) < 0)
        goto done;
    if ((error = name_conflict(isms_stmt_step(st), s)) == 0 && isms_stmt_changes(st) == 0)
        error = isms_error_set(ISMS_ENOTFOUND, "cloud service %" PRId64 " not found", s->id);
done:
    isms_stmt_finalize(st);
    return error;
}

typedef int (*write_fn)(struct isms_db *db, struct isms_cloud_service *s);

static int write_audited(struct isms_store *store, struct isms_cloud_service *s, write_fn write,
                         const char *action, const struct isms_actor *actor)
{
    struct isms_db *db = isms_store_acquire(store);
    int error;

    if ((error = isms_db_begin(db)) < 0)
        goto done;
    if ((error = write(db, s)) < 0 || (error = audit(db, actor, action, s)) < 0) {
        isms_db_rollback(db);
        goto done;
    }
    error = isms_db_commit(db);
done:
    isms_store_release(store, db);
    return error;
}

int isms_store_cloud_service_insert(struct isms_store *store, struct isms_cloud_service *s,
                                    const struct isms_actor *actor)
{
    return write_audited(store, s, insert_row, "cloud_service.create", actor);
}

int isms_store_cloud_service_update(struct isms_store *store, struct isms_cloud_service *s,
                                    const struct isms_actor *actor)
{
    return write_audited(store, s, update_row, "cloud_service.update", actor);
}

static int count_assets(int64_t *out, struct isms_db *db, int64_t org_id, int64_t id)
{
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db, "SELECT count(*) FROM assets "
                                          "WHERE org_id = $1 AND cloud_service_id = $2")) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, org_id)) < 0 ||
        (error = isms_stmt_bind_int64(st, 2, id)) < 0)
        goto done;
    if ((error = isms_stmt_step(st)) == 1) {
        *out = isms_stmt_int64(st, 0);
        error = 0;
    }
done:
    isms_stmt_finalize(st);
    return error;
}

static int delete_row(struct isms_db *db, int64_t org_id, int64_t id)
{
    struct isms_stmt *st = NULL;
    int64_t used = 0;
    int error;

    if ((error = count_assets(&used, db, org_id, id)) < 0)
        return error;
    /* Assets point at (org_id, id), so a service in use is this org's own. */
    if (used > 0)
        return isms_error_set(ISMS_ECONFLICT, "cloud service %" PRId64 " still holds %" PRId64
                                              " assets; move them first", id, used);
    if ((error = isms_db_prepare(&st, db, "DELETE FROM cloud_services "
                                          "WHERE org_id = $1 AND id = $2")) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, org_id)) < 0 ||
        (error = isms_stmt_bind_int64(st, 2, id)) < 0)
        goto done;
    if ((error = isms_stmt_step(st)) == 0 && isms_stmt_changes(st) == 0)
        error = isms_error_set(ISMS_ENOTFOUND, "cloud service %" PRId64 " not found", id);
done:
    isms_stmt_finalize(st);
    return error;
}

int isms_store_cloud_service_delete(struct isms_store *store, int64_t org_id, int64_t id,
                                    const struct isms_actor *actor)
{
    struct isms_db *db = isms_store_acquire(store);
    char entity[48];
    int error;

    snprintf(entity, sizeof(entity), "cloud_service:%" PRId64, id);
    if ((error = isms_db_begin(db)) < 0)
        goto done;
    if ((error = delete_row(db, org_id, id)) < 0 ||
        (error = isms_store_audit_append(db, actor, &(struct isms_audit_event){
                                                        org_id, "cloud_service.delete", entity,
                                                        NULL})) < 0) {
        isms_db_rollback(db);
        goto done;
    }
    error = isms_db_commit(db);
done:
    isms_store_release(store, db);
    return error;
}

int isms_store_cloud_service_get(struct isms_cloud_service *out, struct isms_store *store,
                                 int64_t org_id, int64_t id)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db, SELECT_SERVICE "WHERE c.org_id = $1 AND c.id = $2")) <
            0 ||
        (error = isms_stmt_bind_int64(st, 1, org_id)) < 0 ||
        (error = isms_stmt_bind_int64(st, 2, id)) < 0)
        goto done;
    if ((error = isms_stmt_step(st)) == 1)
        error = read_row(out, st);
    else if (error == 0)
        error = isms_error_set(ISMS_ENOTFOUND, "cloud service %" PRId64 " not found", id);
done:
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    return error;
}

int isms_store_cloud_service_list(struct isms_cloud_service **out, size_t *count,
                                  struct isms_store *store, int64_t org_id)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_cloud_service *items = NULL;
    struct isms_stmt *st = NULL;
    size_t n = 0, cap = 0;
    int error;

    if ((error = isms_db_prepare(&st, db, SELECT_SERVICE "WHERE c.org_id = $1 "
                                                         "ORDER BY c.name, c.id")) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, org_id)) < 0)
        goto done;
    while ((error = isms_stmt_step(st)) == 1) {
        if (n == cap) {
            size_t new_cap = cap ? cap * 2 : 8;
            struct isms_cloud_service *grown = realloc(items, new_cap * sizeof(*items));
            if (!grown) {
                error = isms_error_set(ISMS_ENOMEM, "out of memory");
                break;
            }
            items = grown, cap = new_cap;
        }
        if ((error = read_row(&items[n++], st)) < 0)
            break;
    }
done:
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    if (error < 0) {
        free(items);
        return error;
    }
    *out = items;
    *count = n;
    return 0;
}
