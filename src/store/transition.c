#include "isms_setup.h"
#include "model/actor.h"
#include "store/db.h"
#include "store/query.h"
#include "store/transition.h"
#include "util/error.h"

struct replace {
    int64_t org_id;
    const struct isms_transition_decision *decisions;
    size_t count;
    const char *file_sha256;
};

static int insert_decisions(struct isms_db *db, const struct replace *r)
{
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db,
                                 "INSERT INTO transition_decisions (org_id, control_id, "
                                 "applicable, implemented, justification, line) VALUES ($1, $2, "
                                 "$3, $4, $5, $6)")) < 0)
        return error;
    for (size_t i = 0; error >= 0 && i < r->count; i++) {
        const struct isms_transition_decision *d = &r->decisions[i];
        if ((error = isms_stmt_bind_int64(st, 1, r->org_id)) >= 0 &&
            (error = isms_stmt_bind_text(st, 2, d->control_id)) >= 0 &&
            (error = isms_stmt_bind_int64(st, 3, d->applicable)) >= 0 &&
            (error = isms_stmt_bind_text(st, 4,
                                         isms_transition_implemented_name(d->implemented))) >= 0 &&
            (error = isms_stmt_bind_text(st, 5, d->justification ? d->justification : "")) >= 0 &&
            (error = isms_stmt_bind_int64(st, 6, (int64_t)d->line)) >= 0 &&
            (error = isms_stmt_step(st)) >= 0)
            error = isms_stmt_reset(st);
    }
    isms_stmt_finalize(st);
    return error < 0 ? error : 0;
}

static int record_import(struct isms_db *db, const struct replace *r,
                         const struct isms_actor *actor)
{
    char now[ISMS_TIMESTAMP_SIZE];
    struct isms_stmt *st = NULL;
    int error;

    isms_time_now(now);
    if ((error = isms_db_prepare(
             &st, db,
             "INSERT INTO transition_imports (org_id, file_sha256, rows, "
             "imported_by, imported_at) VALUES ($1, $2, $3, $4, $5) ON "
             "CONFLICT (org_id) DO UPDATE SET file_sha256 = excluded.file_sha256, "
             "rows = excluded.rows, imported_by = excluded.imported_by, "
             "imported_at = excluded.imported_at")) < 0)
        return error;
    if ((error = isms_stmt_bind_int64(st, 1, r->org_id)) >= 0 &&
        (error = isms_stmt_bind_text(st, 2, r->file_sha256)) >= 0 &&
        (error = isms_stmt_bind_int64(st, 3, (int64_t)r->count)) >= 0 &&
        (error = isms_stmt_bind_text(st, 4, actor->name)) >= 0 &&
        (error = isms_stmt_bind_text(st, 5, now)) >= 0)
        error = isms_stmt_step(st);
    isms_stmt_finalize(st);
    return error < 0 ? error : 0;
}

static int replace_journaled(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    const struct replace *r = ctx;
    const int64_t org = r->org_id;
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db, "DELETE FROM transition_decisions WHERE org_id = $1")) <
            0 ||
        (error = isms_stmt_bind_int64(st, 1, org)) < 0 || (error = isms_stmt_step(st)) < 0) {
        isms_stmt_finalize(st);
        return error;
    }
    isms_stmt_finalize(st);
    if ((error = insert_decisions(db, r)) < 0 || (error = record_import(db, r, actor)) < 0)
        return error;
    return isms_store_journal_json(
        db, actor, org, "transition.import", "iso27001-2013",
        json_pack("{s:I, s:s}", "rows", (json_int_t)r->count, "file_sha256", r->file_sha256));
}

int isms_store_transition_replace(struct isms_store *store, int64_t org_id,
                                  const struct isms_transition_decision *decisions, size_t count,
                                  const char *file_sha256, const struct isms_actor *actor)
{
    struct replace r = {org_id, decisions, count, file_sha256};

    return isms_store_write(store, actor, NULL, replace_journaled, &r);
}

static int read_decision(void *item, struct isms_stmt *st)
{
    struct isms_transition_decision *d = item;
    int error;

    isms_store_copy_text(d->control_id, sizeof(d->control_id), isms_stmt_text(st, 0));
    d->applicable = isms_stmt_int64(st, 1) != 0;
    d->line = (size_t)isms_stmt_int64(st, 4);
    if ((error = isms_transition_implemented_from_name(&d->implemented, isms_stmt_text(st, 2))) < 0)
        return error;
    return isms_store_dup_text(&d->justification, isms_stmt_text(st, 3));
}

int isms_store_transition_list(struct isms_transition_decision **out, size_t *count,
                               struct isms_store *store, int64_t org_id)
{
    const struct isms_store_select q = {
        .sql = "SELECT control_id, applicable, implemented, justification, line FROM "
               "transition_decisions WHERE org_id = $1 ORDER BY line",
        .params = &org_id,
        .param_count = 1,
        .read = read_decision,
        .item_size = sizeof(**out),
    };
    return isms_store_select_all(out, count, store, &q);
}

static int read_info(void *item, struct isms_stmt *st)
{
    struct isms_transition_import_info *info = item;

    isms_store_copy_text(info->file_sha256, sizeof(info->file_sha256), isms_stmt_text(st, 0));
    info->rows = isms_stmt_int64(st, 1);
    isms_store_copy_text(info->imported_by, sizeof(info->imported_by), isms_stmt_text(st, 2));
    isms_store_copy_text(info->imported_at, sizeof(info->imported_at), isms_stmt_text(st, 3));
    return 0;
}

int isms_store_transition_info(struct isms_transition_import_info *out, struct isms_store *store,
                               int64_t org_id)
{
    const struct isms_store_select q = {
        .sql = "SELECT file_sha256, rows, imported_by, imported_at FROM transition_imports "
               "WHERE org_id = $1",
        .params = &org_id,
        .param_count = 1,
        .read = read_info,
    };

    memset(out, 0, sizeof(*out));
    return isms_store_select_one(out, store, &q);
}
