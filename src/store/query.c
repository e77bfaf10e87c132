/* Shared statement shapes of the store (query.h). */
#include "isms_setup.h"
#include "model/retention.h"
#include "store/db.h"
#include "store/journal.h"
#include "store/query.h"
#include "store/store.h"
#include "util/array.h"
#include "util/error.h"

void isms_store_copy_text(char *dst, size_t size, const char *src)
{
    snprintf(dst, size, "%s", src ? src : "");
}

int isms_store_bind_date(struct isms_stmt *st, int index, const struct isms_date *d)
{
    char text[ISMS_DATE_SIZE];

    if (!isms_date_is_set(d))
        return isms_stmt_bind_null(st, index);
    isms_date_format(text, d);
    return isms_stmt_bind_text(st, index, text);
}

int isms_store_dup_text(char **out, const char *text)
{
    if (!(*out = strdup(text ? text : "")))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    return 0;
}

int isms_store_journal_json(struct isms_db *db, const struct isms_actor *actor, int64_t org_id,
                            const char *action, const char *entity, json_t *detail)
{
    char *text = detail ? json_dumps(detail, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    int error = text ? isms_store_journal_append(
                           db, actor, &(struct isms_journal_event){org_id, action, entity, text})
                     : isms_error_set(ISMS_ENOMEM, "out of memory");

    free(text);
    json_decref(detail);
    return error;
}

int isms_store_write(struct isms_store *store, const struct isms_actor *actor,
                     const struct isms_journal_event *event, isms_store_write_fn write, void *ctx)
{
    struct isms_db *db = isms_store_acquire(store);
    int error;

    if ((error = isms_db_begin(db)) < 0)
        goto done;
    if ((error = write(db, actor, ctx)) < 0 ||
        (event && (error = isms_store_journal_append(db, actor, event)) < 0)) {
        isms_db_rollback(db);
        goto done;
    }
    error = isms_db_commit(db);
done:
    isms_store_release(store, db);
    return error;
}

/* Prepares `sql` and binds params[i] to $(i + 1). */
static int prepare_bound(struct isms_stmt **st, struct isms_db *db, const char *sql,
                         const int64_t *params, size_t count)
{
    int error;

    if ((error = isms_db_prepare(st, db, sql)) < 0)
        return error;
    for (size_t i = 0; i < count; i++)
        if ((error = isms_stmt_bind_int64(*st, (int)i + 1, params[i])) < 0)
            return error;
    return 0;
}

static int prepare_select(struct isms_stmt **st, struct isms_db *db,
                          const struct isms_store_select *q)
{
    int error = prepare_bound(st, db, q->sql, q->params, q->param_count);
    int index = (int)q->param_count + 1;

    if (error == 0 && q->text)
        error = isms_stmt_bind_text(*st, index++, q->text);
    for (size_t i = 0; error == 0 && i < q->text_count; i++)
        error = isms_stmt_bind_text(*st, index++, q->texts[i] ? q->texts[i] : "");
    return error;
}

int isms_store_query_int64(int64_t *out, struct isms_db *db, const char *sql, const int64_t *params,
                           size_t count)
{
    struct isms_stmt *st = NULL;
    int error;

    *out = 0;
    if ((error = prepare_bound(&st, db, sql, params, count)) < 0)
        goto done;
    if ((error = isms_stmt_step(st)) == 1) {
        *out = isms_stmt_int64(st, 0);
        error = 0;
    }
done:
    isms_stmt_finalize(st);
    return error;
}

int isms_store_each_row(struct isms_db *db, const char *sql, const int64_t *params, size_t count,
                        isms_store_row_fn visit, void *ctx)
{
    struct isms_stmt *st = NULL;
    int error;

    if ((error = prepare_bound(&st, db, sql, params, count)) < 0)
        goto done;
    while ((error = isms_stmt_step(st)) == 1)
        if (visit && (error = visit(ctx, st)) < 0)
            break;
done:
    isms_stmt_finalize(st);
    return error;
}

int isms_store_select_one(void *item, struct isms_store *store, const struct isms_store_select *q)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_stmt *st = NULL;
    int error;

    if ((error = prepare_select(&st, db, q)) < 0)
        goto done;
    if ((error = isms_stmt_step(st)) == 1)
        error = q->read(item, st);
    else if (error == 0)
        error = isms_error_set(ISMS_ENOTFOUND, _("not found"));
done:
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    return error;
}

int isms_store_select_all(void *out_ptr, size_t *count, struct isms_store *store,
                          const struct isms_store_select *q)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_stmt *st = NULL;
    char *items = NULL;
    size_t n = 0, cap = 0;
    int error;

    if ((error = prepare_select(&st, db, q)) < 0)
        goto done;
    while ((error = isms_stmt_step(st)) == 1) {
        if ((error = isms_array_reserve(&items, &cap, n, q->item_size)) < 0)
            goto done;
        if ((error = q->read(items + n++ * q->item_size, st)) < 0)
            goto done;
    }
done:
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    if (error < 0) {
        free(items);
        return error;
    }
    /* Copied as bytes: out_ptr points at a T *, not a void * (util/array.h). */
    memcpy(out_ptr, &(void *){items}, sizeof(void *));
    *count = n;
    return 0;
}
