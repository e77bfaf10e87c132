#include "isms_setup.h"
#include "store/change.h"
#include "store/db.h"
#include "store/query.h"
#include "util/error.h"

struct run {
    struct isms_store_change *change;
    const char *not_found;
    int64_t id;
};

int isms_store_exec(struct isms_db *db, const char *sql, const struct isms_sql_value *values,
                    size_t count, int64_t *returned, int64_t *changes)
{
    struct isms_stmt *st = NULL;
    int error = isms_db_prepare(&st, db, sql);

    for (size_t i = 0; error >= 0 && i < count; i++) {
        const struct isms_sql_value *v = &values[i];
        int index = (int)i + 1;
        error = v->kind == ISMS_SQL_INT    ? isms_stmt_bind_int64(st, index, v->i)
                : v->kind == ISMS_SQL_TEXT ? isms_stmt_bind_text(st, index, v->t)
                                           : isms_stmt_bind_null(st, index);
    }
    if (error >= 0)
        error = isms_stmt_step(st);
    if (returned)
        *returned = error == 1 ? isms_stmt_int64(st, 0) : 0;
    if (changes)
        *changes = error >= 0 ? isms_stmt_changes(st) : 0;
    isms_stmt_finalize(st);
    return error < 0 ? error : 0;
}

static int run_journaled(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    struct run *r = ctx;
    struct isms_store_change *c = r->change;
    int64_t returned = 0, changes = 0;
    char entity[96];
    json_t *detail;
    int error;

    if ((error = isms_store_exec(db, c->sql, c->values, c->count, &returned, &changes)) < 0)
        return error;
    r->id = c->id ? c->id : returned;
    if ((c->id && changes == 0) || !r->id)
        return isms_error_set(ISMS_ENOTFOUND, "%s", r->not_found);
    snprintf(entity, sizeof(entity), "%s:%" PRId64, c->kind, r->id);
    detail = c->detail;
    c->detail = NULL;
    return isms_store_journal_json(db, actor, c->org_id, c->action, entity,
                                   detail ? detail : json_object());
}

int isms_store_change(int64_t *id_out, struct isms_store *store, const struct isms_actor *actor,
                      struct isms_store_change *change, const char *not_found)
{
    struct run r = {change, not_found, 0};
    int error = isms_store_write(store, actor, NULL, run_journaled, &r);

    json_decref(change->detail);
    change->detail = NULL;
    if (error == 0 && id_out)
        *id_out = r.id;
    return error;
}
