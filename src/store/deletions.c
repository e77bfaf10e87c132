#include "isms_setup.h"
#include "model/actor.h"
#include "store/change.h"
#include "store/db.h"
#include "store/deletions.h"
#include "store/query.h"
#include "util/error.h"

static int read_due(void *item, struct isms_stmt *st)
{
    struct isms_deletion_due *d = item;

    memset(d, 0, sizeof(*d));
    d->asset_id = isms_stmt_int64(st, 0);
    isms_store_copy_text(d->name, sizeof(d->name), isms_stmt_text(st, 1));
    isms_store_copy_text(d->owner, sizeof(d->owner), isms_stmt_text(st, 2));
    if (isms_retention_parse(&d->retention, isms_stmt_text(st, 3), isms_stmt_text(st, 4),
                             isms_stmt_text(st, 5)) < 0 ||
        (!isms_stmt_is_null(st, 6) && isms_date_parse(&d->due, isms_stmt_text(st, 6)) < 0) ||
        (!isms_stmt_is_null(st, 7) && isms_date_parse(&d->deleted_on, isms_stmt_text(st, 7)) < 0))
        return isms_error_set(ISMS_ERROR, "asset %" PRId64 " has a corrupt retention rule",
                              d->asset_id);
    return 0;
}

int isms_store_deletion_due(struct isms_deletion_due **out, size_t *count, struct isms_store *store,
                            int64_t org_id)
{
    const struct isms_store_select q = {
        .sql = "SELECT a.id, a.name, a.owner, a.retention_period, a.retention_basis, "
               "a.retention_basis_date, a.deletion_due, (SELECT max(r.deleted_on) FROM "
               "deletion_records r WHERE r.org_id = a.org_id AND r.asset_id = a.id) "
               "FROM assets a WHERE a.org_id = $1 AND a.retention_basis IS NOT NULL "
               "ORDER BY a.deletion_due IS NULL, a.deletion_due, a.name, a.id",
        .params = &org_id,
        .param_count = 1,
        .read = read_due,
        .item_size = sizeof(**out),
    };
    return isms_store_select_all(out, count, store, &q);
}

static int read_record(void *item, struct isms_stmt *st)
{
    struct isms_deletion_record *r = item;

    memset(r, 0, sizeof(*r));
    r->id = isms_stmt_int64(st, 0);
    r->asset_id = isms_stmt_is_null(st, 1) ? 0 : isms_stmt_int64(st, 1);
    isms_store_copy_text(r->what, sizeof(r->what), isms_stmt_text(st, 2));
    isms_store_copy_text(r->responsible, sizeof(r->responsible), isms_stmt_text(st, 5));
    isms_store_copy_text(r->evidence, sizeof(r->evidence), isms_stmt_text(st, 6));
    isms_store_copy_text(r->notes, sizeof(r->notes), isms_stmt_text(st, 7));
    isms_store_copy_text(r->recorded_by, sizeof(r->recorded_by), isms_stmt_text(st, 8));
    isms_store_copy_text(r->recorded_at, sizeof(r->recorded_at), isms_stmt_text(st, 9));
    if (isms_date_parse(&r->deleted_on, isms_stmt_text(st, 3)) < 0 ||
        isms_deletion_method_parse(&r->method, isms_stmt_text(st, 4)) < 0)
        return isms_error_set(ISMS_ERROR, "deletion record %" PRId64 " is corrupt", r->id);
    return 0;
}

int isms_store_deletion_records(struct isms_deletion_record **out, size_t *count,
                                struct isms_store *store, int64_t org_id, int64_t asset_id)
{
    const int64_t params[] = {org_id, asset_id};
    const struct isms_store_select q = {
        .sql = "SELECT id, asset_id, what, deleted_on, method, responsible, evidence, notes, "
               "recorded_by, recorded_at FROM deletion_records WHERE org_id = $1 AND ($2 = 0 OR "
               "asset_id = $2) ORDER BY deleted_on DESC, id DESC",
        .params = params,
        .param_count = 2,
        .read = read_record,
        .item_size = sizeof(**out),
    };
    return isms_store_select_all(out, count, store, &q);
}

int isms_store_deletion_record_add(int64_t *id_out, struct isms_store *store, int64_t org_id,
                                   const struct isms_deletion_record *r,
                                   const struct isms_actor *actor)
{
    char date[ISMS_DATE_SIZE], now[ISMS_TIMESTAMP_SIZE];
    const struct isms_sql_value values[] = {
        isms_sql_int(org_id),
        isms_sql_id(r->asset_id),
        isms_sql_text(r->what),
        isms_sql_text(date),
        isms_sql_text(isms_deletion_method_name(r->method)),
        isms_sql_text(r->responsible),
        isms_sql_text(r->evidence),
        isms_sql_text(r->notes),
        isms_sql_text(actor->name),
        isms_sql_text(now),
    };
    struct isms_store_change c = {
        .org_id = org_id,
        .sql = "INSERT INTO deletion_records (org_id, asset_id, what, deleted_on, method, "
               "responsible, evidence, notes, recorded_by, recorded_at) SELECT $1, $2, "
               "CASE WHEN $3 = '' THEN (SELECT name FROM assets WHERE org_id = $1 AND id = $2) "
               "ELSE $3 END, $4, $5, $6, $7, $8, $9, $10 WHERE $2 IS NULL OR EXISTS (SELECT 1 "
               "FROM assets WHERE org_id = $1 AND id = $2) RETURNING id",
        .values = values,
        .count = ISMS_ARRAY_SIZE(values),
        .action = "deletion.record",
        .kind = "deletion",
    };

    isms_date_format(date, &r->deleted_on);
    isms_time_now(now);
    c.detail = json_pack("{s:I, s:s, s:s, s:s, s:s}", "asset", (json_int_t)r->asset_id, "what",
                         r->what, "date", date, "method", isms_deletion_method_name(r->method),
                         "responsible", r->responsible);
    return isms_store_change(id_out, store, actor, &c, _("no such asset in this organization"));
}
