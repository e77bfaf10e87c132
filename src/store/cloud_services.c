#include "isms_setup.h"
#include <jansson.h>
#include "model/cloud_service.h"
#include "store/cloud_services.h"
#include "store/db.h"
#include "store/journal.h"
#include "store/query.h"
#include "store/store.h"
#include "util/error.h"

/* The provider org contributes its name and nothing else. */
#define SELECT_SERVICE                                                                             \
    "SELECT c.id, c.org_id, c.name, c.provider, c.provider_org_id, p.name, c.service_model, "      \
    "c.responsibility_notes, c.department, c.managed_by, c.risk_assessment, c.purpose, "           \
    "c.cost_bearer, c.notes, c.created_at, c.updated_at, c.contract, c.sla, "                      \
    "c.data_location, c.exit_plan, c.certifications, c.contract_end "                              \
    "FROM cloud_services c LEFT JOIN orgs p ON p.id = c.provider_org_id "

static int read_row(void *item, struct isms_stmt *st)
{
    struct isms_cloud_service *s = item;
    int error;

    memset(s, 0, sizeof(*s));
    s->id = isms_stmt_int64(st, 0);
    s->org_id = isms_stmt_int64(st, 1);
    isms_store_copy_text(s->name, sizeof(s->name), isms_stmt_text(st, 2));
    isms_store_copy_text(s->provider, sizeof(s->provider), isms_stmt_text(st, 3));
    s->provider_org_id = isms_stmt_is_null(st, 4) ? 0 : isms_stmt_int64(st, 4);
    isms_store_copy_text(s->provider_org_name, sizeof(s->provider_org_name), isms_stmt_text(st, 5));
    isms_store_copy_text(s->responsibility_notes, sizeof(s->responsibility_notes),
                         isms_stmt_text(st, 7));
    isms_store_copy_text(s->department, sizeof(s->department), isms_stmt_text(st, 8));
    isms_store_copy_text(s->notes, sizeof(s->notes), isms_stmt_text(st, 13));
    isms_store_copy_text(s->created_at, sizeof(s->created_at), isms_stmt_text(st, 14));
    isms_store_copy_text(s->updated_at, sizeof(s->updated_at), isms_stmt_text(st, 15));
    isms_store_copy_text(s->agreement.contract, sizeof(s->agreement.contract),
                         isms_stmt_text(st, 16));
    isms_store_copy_text(s->agreement.sla, sizeof(s->agreement.sla), isms_stmt_text(st, 17));
    isms_store_copy_text(s->agreement.data_location, sizeof(s->agreement.data_location),
                         isms_stmt_text(st, 18));
    isms_store_copy_text(s->agreement.exit_plan, sizeof(s->agreement.exit_plan),
                         isms_stmt_text(st, 19));
    s->agreement.certifications = (unsigned)isms_stmt_int64(st, 20);
    isms_store_copy_text(s->agreement.contract_end, sizeof(s->agreement.contract_end),
                         isms_stmt_text(st, 21));
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
        (error = isms_stmt_bind_text(st, 14, s->updated_at)) < 0 ||
        (error = isms_stmt_bind_text(st, 15, s->agreement.contract)) < 0 ||
        (error = isms_stmt_bind_text(st, 16, s->agreement.sla)) < 0 ||
        (error = isms_stmt_bind_text(st, 17, s->agreement.data_location)) < 0 ||
        (error = isms_stmt_bind_text(st, 18, s->agreement.exit_plan)) < 0 ||
        (error = isms_stmt_bind_int64(st, 19, s->agreement.certifications)) < 0 ||
        (error = s->agreement.contract_end[0]
                     ? isms_stmt_bind_text(st, 20, s->agreement.contract_end)
                     : isms_stmt_bind_null(st, 20)) < 0)
        return error;
    return 0;
}

static int journal(struct isms_db *db, const struct isms_actor *actor, const char *action,
                   const struct isms_cloud_service *s)
{
    char entity[48];

    snprintf(entity, sizeof(entity), "cloud_service:%" PRId64, s->id);
    return isms_store_journal_json(
        db, actor, s->org_id, action, entity,
        json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "name", s->name, "provider",
                  s->provider, "service_model", isms_cloud_model_name(s->model), "department",
                  s->department, "managed_by", isms_cloud_managed_by_name(s->managed_by),
                  "risk_assessment", isms_cloud_risk_name(s->risk_assessment), "purpose",
                  isms_cloud_purpose_name(s->purpose), "cost_bearer",
                  isms_cloud_cost_name(s->cost_bearer)));
}

static int name_conflict(int error, const struct isms_cloud_service *s)
{
    return error == ISMS_ECONFLICT
               ? isms_error_set(ISMS_ECONFLICT,
                                _("a cloud service named '%s' is already registered"), s->name)
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
             "purpose, cost_bearer, notes, updated_at, created_at, contract, sla, data_location, "
             "exit_plan, certifications, contract_end) "
             "VALUES ($1, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $2, $15, $16, "
             "$17, $18, $19, $20) "
             "RETURNING id")) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, s->org_id)) < 0 ||
        (error = isms_stmt_bind_text(st, 2, s->created_at)) < 0 || (error = bind_fields(st, s)) < 0)
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
             "updated_at = $14, contract = $15, sla = $16, data_location = $17, "
             "exit_plan = $18, certifications = $19, contract_end = $20 "
             "WHERE org_id = $1 AND id = $2")) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, s->org_id)) < 0 ||
        (error = isms_stmt_bind_int64(st, 2, s->id)) < 0 || (error = bind_fields(st, s)) < 0)
        goto done;
    if ((error = name_conflict(isms_stmt_step(st), s)) == 0 && isms_stmt_changes(st) == 0)
        error = isms_error_set(ISMS_ENOTFOUND, "cloud service %" PRId64 " not found", s->id);
done:
    isms_stmt_finalize(st);
    return error;
}

static int insert_journaled(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    struct isms_cloud_service *s = ctx;
    int error = insert_row(db, s);

    return error < 0 ? error : journal(db, actor, "cloud_service.create", s);
}

static int update_journaled(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    struct isms_cloud_service *s = ctx;
    int error = update_row(db, s);

    return error < 0 ? error : journal(db, actor, "cloud_service.update", s);
}

int isms_store_cloud_service_insert(struct isms_store *store, struct isms_cloud_service *s,
                                    const struct isms_actor *actor)
{
    return isms_store_write(store, actor, NULL, insert_journaled, s);
}

int isms_store_cloud_service_update(struct isms_store *store, struct isms_cloud_service *s,
                                    const struct isms_actor *actor)
{
    return isms_store_write(store, actor, NULL, update_journaled, s);
}

/* Deletes the service whose (org_id, id) `ctx` points to. */
static int delete_row(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    const int64_t *key = ctx, org_id = key[0], id = key[1];
    struct isms_stmt *st = NULL;
    int64_t used = 0;
    int error;

    if ((error = isms_store_query_int64(&used, db,
                                        "SELECT count(*) FROM assets "
                                        "WHERE org_id = $1 AND cloud_service_id = $2",
                                        key, 2)) < 0)
        return error;
    /* Assets point at (org_id, id), so a service in use is this org's own. */
    if (used > 0)
        return isms_error_set(
            ISMS_ECONFLICT,
            "cloud service %" PRId64 " still holds %" PRId64 " assets; move them first", id, used);
    if ((error = isms_db_prepare(&st, db,
                                 "DELETE FROM cloud_services "
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
    int64_t key[] = {org_id, id};
    char entity[48];

    snprintf(entity, sizeof(entity), "cloud_service:%" PRId64, id);
    return isms_store_write(
        store, actor, &(struct isms_journal_event){org_id, "cloud_service.delete", entity, NULL},
        delete_row, key);
}

int isms_store_cloud_service_get(struct isms_cloud_service *out, struct isms_store *store,
                                 int64_t org_id, int64_t id)
{
    const struct isms_store_select q = {
        .sql = SELECT_SERVICE "WHERE c.org_id = $1 AND c.id = $2",
        .params = (const int64_t[]){org_id, id},
        .param_count = 2,
        .read = read_row,
    };
    int error = isms_store_select_one(out, store, &q);

    if (error == ISMS_ENOTFOUND)
        isms_error_set(error, "cloud service %" PRId64 " not found", id);
    return error;
}

int isms_store_cloud_service_list(struct isms_cloud_service **out, size_t *count,
                                  struct isms_store *store, int64_t org_id)
{
    const struct isms_store_select q = {
        .sql = SELECT_SERVICE "WHERE c.org_id = $1 ORDER BY c.name, c.id",
        .params = &org_id,
        .param_count = 1,
        .read = read_row,
        .item_size = sizeof(**out),
    };
    return isms_store_select_all(out, count, store, &q);
}

int isms_store_cloud_contracts_ending(struct isms_cloud_service **out, size_t *count,
                                      struct isms_store *store, int64_t org_id, const char *until,
                                      int limit)
{
    const int64_t params[] = {org_id, limit};
    const struct isms_store_select q = {
        .sql = SELECT_SERVICE "WHERE c.org_id = $1 AND c.contract_end IS NOT NULL "
                              "AND c.contract_end <= $3 ORDER BY c.contract_end, c.name LIMIT $2",
        .params = params,
        .param_count = 2,
        .text = until,
        .read = read_row,
        .item_size = sizeof(**out),
    };
    return isms_store_select_all(out, count, store, &q);
}
