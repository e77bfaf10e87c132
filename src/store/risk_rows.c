#include "isms_setup.h"
#include <jansson.h>
#include "store/db.h"
#include "store/journal.h"
#include "store/risk_rows.h"
#include "store/store.h"
#include "util/error.h"

int isms_store_risk_not_found(int64_t id)
{
    return isms_error_set(ISMS_ENOTFOUND, "risk %" PRId64 " not found", id);
}

static int read_scores(struct isms_risk *r, struct isms_stmt *st)
{
    r->score.likelihood = (int)isms_stmt_int64(st, 10);
    r->score.impact = (int)isms_stmt_int64(st, 11);
    r->score.vulnerability = (int)isms_stmt_int64(st, 12);
    r->level = (int)isms_stmt_int64(st, 13);
    r->band = (enum isms_risk_band)isms_stmt_int64(st, 14);
    r->treatment = ISMS_RISK_TREATMENT_UNSET;
    r->has_residual = !isms_stmt_is_null(st, 19);
    r->residual.likelihood = (int)isms_stmt_int64(st, 16);
    r->residual.impact = (int)isms_stmt_int64(st, 17);
    r->residual.vulnerability = (int)isms_stmt_int64(st, 18);
    r->residual_level = (int)isms_stmt_int64(st, 19);
    r->residual_band = (enum isms_risk_band)isms_stmt_int64(st, 20);
    r->residual_acceptable = isms_stmt_int64(st, 21) != 0;
    if (isms_stmt_is_null(st, 15))
        return 0;
    return isms_risk_treatment_parse(&r->treatment, isms_stmt_text(st, 15));
}

/* Fills the struct isms_risk `item` (zeroed) from a row of RISK_COLUMNS. */
int isms_store_risk_read(void *item, struct isms_stmt *st)
{
    struct isms_risk *r = item;
    int error;

    r->id = isms_stmt_int64(st, 0);
    r->org_id = isms_stmt_int64(st, 1);
    isms_store_copy_text(r->title, sizeof(r->title), isms_stmt_text(st, 2));
    isms_store_copy_text(r->threat_source, sizeof(r->threat_source), isms_stmt_text(st, 3));
    isms_store_copy_text(r->threat_id, sizeof(r->threat_id), isms_stmt_text(st, 4));
    if ((error = isms_store_dup_text(&r->risk_source, isms_stmt_text(st, 5))) < 0 ||
        (error = isms_store_dup_text(&r->event, isms_stmt_text(st, 6))) < 0 ||
        (error = isms_store_dup_text(&r->consequence, isms_stmt_text(st, 7))) < 0 ||
        (error = read_scores(r, st)) < 0)
        return error;
    isms_store_copy_text(r->owner, sizeof(r->owner), isms_stmt_text(st, 8));
    isms_store_copy_text(r->matrix_key, sizeof(r->matrix_key), isms_stmt_text(st, 9));
    isms_store_copy_text(r->accepted_by, sizeof(r->accepted_by), isms_stmt_text(st, 22));
    isms_store_copy_text(r->accepted_at, sizeof(r->accepted_at), isms_stmt_text(st, 23));
    r->shared = isms_stmt_int64(st, 24) != 0;
    r->provider_org_id = isms_stmt_int64(st, 25);
    r->provider_risk_id = isms_stmt_int64(st, 26);
    isms_store_copy_text(r->created_at, sizeof(r->created_at), isms_stmt_text(st, 27));
    isms_store_copy_text(r->updated_at, sizeof(r->updated_at), isms_stmt_text(st, 28));
    r->open_items = (int)isms_stmt_int64(st, 29);
    r->accepted_by_user_id = isms_stmt_int64(st, 30);
    r->plan_items = (int)isms_stmt_int64(st, 31);
    /* Heap texts, like the descriptions: a page of 1000 risks would otherwise
     * carry 8 MB of mostly empty buffers. */
    if ((error = isms_store_dup_text(&r->accepted_comment, isms_stmt_text(st, 32))) < 0 ||
        (error = isms_store_dup_text(&r->accepted_reason, isms_stmt_text(st, 35))) < 0)
        return error;
    r->accepted_level = (int)isms_stmt_int64(st, 33);
    r->number = isms_stmt_int64(st, 37);
    r->owner_user_id = isms_stmt_int64(st, 38);
    r->accepted_on_behalf = isms_stmt_int64(st, 34) != 0;
    r->accepted_overdue_items = (int)isms_stmt_int64(st, 36);
    return 0;
}

/* One risk read by a query on (org_id, id). */
struct one_risk {
    struct isms_risk *risk;
    bool found;
};

static int read_one(void *ctx, struct isms_stmt *st)
{
    struct one_risk *one = ctx;

    one->found = true;
    return isms_store_risk_read(one->risk, st);
}

/* Fills *out (zeroed first) with risk `id` of org `org_id` selected by
 * `sql` ($1 org, $2 id); ISMS_ENOTFOUND when there is no such row. */
int isms_store_risk_select(struct isms_risk *out, struct isms_db *db, const char *sql,
                           int64_t org_id, int64_t id)
{
    struct one_risk one = {out, false};
    int error;

    memset(out, 0, sizeof(*out));
    if ((error = isms_store_each_row(db, sql, (const int64_t[]){org_id, id}, 2, read_one, &one)) <
        0)
        return error;
    return one.found ? 0 : isms_store_risk_not_found(id);
}

/* A page of risks: room for `limit` rows, filled by isms_store_risk_page_add(). */
int isms_store_risk_page_init(struct isms_risk_list *list, int64_t limit)
{
    memset(list, 0, sizeof(*list));
    if (!(list->items = calloc((size_t)limit + 1, sizeof(*list->items))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    return 0;
}

int isms_store_risk_page_add(void *ctx, struct isms_stmt *st)
{
    struct isms_risk_list *list = ctx;

    return isms_store_risk_read(&list->items[list->count++], st);
}

/* isms_store_each_row() for a query with a text parameter: $1 org_id,
 * $2 `text` and, when `limit` is not NULL, $3 *limit. */
int isms_store_each_row_text(struct isms_db *db, const char *sql, int64_t org_id, const char *text,
                             const int64_t *limit, isms_store_row_fn visit, void *ctx)
{
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db, sql)) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, org_id)) < 0 ||
        (error = isms_stmt_bind_text(st, 2, text)) < 0 ||
        (limit && (error = isms_stmt_bind_int64(st, 3, *limit)) < 0))
        goto done;
    while ((error = isms_stmt_step(st)) == 1)
        if ((error = visit(ctx, st)) < 0)
            break;
done:
    isms_stmt_finalize(st);
    return error < 0 ? error : 0;
}

int isms_store_read_count(void *ctx, struct isms_stmt *st)
{
    *(int64_t *)ctx = isms_stmt_int64(st, 0);
    return 0;
}

/* --- journal --- */

int isms_store_risk_journal(struct isms_db *db, const struct isms_actor *actor, int64_t org_id,
                            const char *action, int64_t risk_id, json_t *detail)
{
    char entity[32];

    snprintf(entity, sizeof(entity), "risk:%" PRId64, risk_id);
    if (!detail)
        return isms_store_journal_append(
            db, actor, &(struct isms_journal_event){org_id, action, entity, NULL});
    return isms_store_journal_json(db, actor, org_id, action, entity, detail);
}

/* What the journal records of a created or updated risk. */
json_t *isms_store_risk_detail(const struct isms_risk *r)
{
    const char *treatment = isms_risk_treatment_name(r->treatment);
    json_t *detail = json_pack("{s:s, s:s, s:s, s:i, s:i, s:i, s:s?, s:b}", "title", r->title,
                               "owner", r->owner, "matrix", r->matrix_key, "likelihood",
                               r->score.likelihood, "impact", r->score.impact, "level", r->level,
                               "treatment", treatment, "shared", r->shared);

    if (detail && r->has_residual &&
        json_object_set_new(detail, "residual_level", json_integer(r->residual_level)) < 0) {
        json_decref(detail);
        return NULL;
    }
    return detail;
}

/* Reads a page of risks and the total: `count_sql` takes $1 = params[0]
 * (the org), `rows_sql` every parameter, $2 = params[1] being its LIMIT. */
int isms_store_risk_read_list(struct isms_risk_list *out, struct isms_store *store,
                              const char *count_sql, const char *rows_sql, const int64_t *params,
                              size_t param_count)
{
    struct isms_db *db = isms_store_acquire(store);
    int error;

    if ((error = isms_store_risk_page_init(out, params[1])) >= 0 &&
        (error = isms_store_query_int64(&out->total, db, count_sql, params, 1)) >= 0)
        error = isms_store_each_row(db, rows_sql, params, param_count, isms_store_risk_page_add,
                                    out);
    isms_store_release(store, db);
    if (error < 0)
        isms_risk_list_release(out);
    return error < 0 ? error : 0;
}

int isms_store_risk_refuse_if_depended_on(struct isms_db *db, int64_t org_id, int64_t risk_id,
                                          const char *what)
{
    int64_t n;
    int error;

    if ((error = isms_store_query_int64(&n, db,
                                        "SELECT count(*) FROM risks WHERE provider_org_id = $1 "
                                        "AND provider_risk_id = $2",
                                        (const int64_t[]){org_id, risk_id}, 2)) < 0)
        return error;
    if (n > 0)
        return isms_error_set(ISMS_ECONFLICT,
                              "cannot %s risk %" PRId64 ": %" PRId64 " customer risk%s depend%s "
                              "on it",
                              what, risk_id, n, n == 1 ? "" : "s", n == 1 ? "s" : "");
    return 0;
}
