#include "isms_setup.h"
#include <jansson.h>
#include "store/db.h"
#include "store/risk_rows.h"
#include "store/risk_search.h"
#include "store/store.h"
#include "util/array.h"
#include "util/buf.h"

/* --- listing --- */

/* WHERE clause fragments; only fixed text, every value is a bound $N. */
/* Planner hints, measured on 100k risks (bench/risks.sh). Asset, control
 * and title filters select through a subquery on their own covering index;
 * the outer query then fetches the few matching rows by id, so its org
 * filter gets a unary + (which keeps SQLite from scanning an org index
 * instead). Every query still filters by org_id in both places. */
static bool by_subquery(const struct isms_risk_filter *f)
{
    return f->asset_id || f->control_id || f->query;
}

/* No filter at all: the total is the org's number of risks. */
static bool unfiltered(const struct isms_risk_filter *f)
{
    return !f->has_level_min && !f->band && !f->owner && !f->treatment && !f->treatment_unset &&
           !by_subquery(f) && !f->accepted;
}

static const char *order_by(const struct isms_risk_filter *f)
{
    return f->residual ? " ORDER BY r.residual_level DESC, r.id" : " ORDER BY r.level DESC, r.id";
}

static int build_where(struct isms_buf *sql, const struct isms_risk_filter *f)
{
    int error = isms_buf_puts(sql,
                              by_subquery(f) ? " WHERE +r.org_id = $1" : " WHERE r.org_id = $1");

    if (error >= 0 && f->has_level_min)
        error = isms_buf_puts(sql,
                              f->residual ? " AND r.residual_level >= $2" : " AND r.level >= $2");
    if (error >= 0 && f->band)
        error = isms_buf_puts(sql, f->residual ? " AND r.residual_band = $3" : " AND r.band = $3");
    if (error >= 0 && f->owner)
        error = isms_buf_puts(sql, " AND r.owner = $4");
    if (error >= 0 && f->treatment)
        error = isms_buf_puts(sql, " AND r.treatment = $5");
    else if (error >= 0 && f->treatment_unset)
        error = isms_buf_puts(sql, " AND r.treatment IS NULL");
    if (error >= 0 && f->asset_id)
        error = isms_buf_puts(sql, " AND r.id IN (SELECT risk_id FROM risk_assets "
                                   "WHERE org_id = $1 AND asset_id = $6)");
    if (error >= 0 && f->control_id)
        error = isms_buf_puts(sql, " AND r.id IN (SELECT risk_id FROM risk_controls "
                                   "WHERE org_id = $1 AND control_id = $7)");
    if (error >= 0 && f->accepted)
        error = isms_buf_puts(sql, f->accepted > 0 ? " AND r.accepted_at IS NOT NULL"
                                                   : " AND r.accepted_at IS NULL");
    if (error >= 0 && f->query)
        error = isms_buf_puts(sql, " AND r.id IN (SELECT id FROM risks WHERE org_id = $1 "
                                   "AND title LIKE $8 ESCAPE '\\')");
    return error;
}

/* "%text%" with LIKE's own wildcards escaped. */
static int like_pattern(struct isms_buf *out, const char *text)
{
    int error = isms_buf_putc(out, '%');

    for (const char *p = text; error >= 0 && *p; p++) {
        if (*p == '%' || *p == '_' || *p == '\\')
            error = isms_buf_putc(out, '\\');
        if (error >= 0)
            error = isms_buf_putc(out, *p);
    }
    return error < 0 ? error : isms_buf_putc(out, '%');
}

static int bind_filter(struct isms_stmt *st, int64_t org_id, const struct isms_risk_filter *f,
                       const char *pattern)
{
    const char *treatment = isms_risk_treatment_name(f->treatment);
    int error = isms_stmt_bind_int64(st, 1, org_id);

    if (error >= 0 && f->has_level_min)
        error = isms_stmt_bind_int64(st, 2, f->level_min);
    if (error >= 0 && f->band)
        error = isms_stmt_bind_int64(st, 3, f->band);
    if (error >= 0 && f->owner)
        error = isms_stmt_bind_text(st, 4, f->owner);
    if (error >= 0 && f->treatment)
        error = isms_stmt_bind_text(st, 5, treatment);
    if (error >= 0 && f->asset_id)
        error = isms_stmt_bind_int64(st, 6, f->asset_id);
    if (error >= 0 && f->control_id)
        error = isms_stmt_bind_text(st, 7, f->control_id);
    if (error >= 0 && f->query)
        error = isms_stmt_bind_text(st, 8, pattern);
    return error;
}

static int count_matching(int64_t *total, struct isms_db *db, int64_t org_id,
                          const struct isms_risk_filter *f, const char *pattern)
{
    struct isms_buf sql = ISMS_BUF_INIT(4096);
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_buf_puts(&sql, "SELECT count(*) FROM risks r")) >= 0 &&
        (error = build_where(&sql, f)) >= 0 &&
        (error = isms_db_prepare(&st, db, isms_buf_cstr(&sql))) >= 0 &&
        (error = bind_filter(st, org_id, f, pattern)) >= 0 && (error = isms_stmt_step(st)) == 1)
        *total = isms_stmt_int64(st, 0);
    isms_stmt_finalize(st);
    isms_buf_release(&sql);
    return error < 0 ? error : 0;
}

/* The total of a list whose page `out` is already read (`counted`: the
 * page query counted the matches, -1 if not). A page that ends before
 * `limit` ends the list, so its total is known without counting; without
 * filters, risk_totals (kept by triggers) has it; else count. */
static int list_total(struct isms_risk_list *out, int64_t counted, struct isms_db *db,
                      int64_t org_id, const struct isms_risk_filter *f, const char *pattern)
{
    if (out->count < (size_t)f->limit && (out->count > 0 || f->offset == 0)) {
        out->total = f->offset + (int64_t)out->count;
        return 0;
    }
    if (counted >= 0) {
        out->total = counted;
        return 0;
    }
    if (unfiltered(f))
        return isms_store_query_int64(&out->total, db,
                                      "SELECT risks FROM risk_totals WHERE org_id = $1",
                                      (const int64_t[]){org_id}, 1);
    return count_matching(&out->total, db, org_id, f, pattern);
}

/* The page's ids first, from the indexes alone (OFFSET skips index
 * entries, not rows), then only those rows. Asset, control and title
 * filters read every match anyway, so count(*) OVER () counts them in the
 * same pass: the column after RISK_COLUMNS (else NULL). */
static int page_sql(struct isms_buf *sql, const struct isms_risk_filter *f)
{
    bool counting = by_subquery(f);
    int error = isms_buf_puts(sql, counting ? "SELECT " RISK_COLUMNS ", p.total FROM "
                                              "(SELECT r.id, count(*) OVER () AS total "
                                              "FROM risks r"
                                            : "SELECT " RISK_COLUMNS ", NULL FROM risks r "
                                              "WHERE +r.org_id = $1 AND r.id IN "
                                              "(SELECT r.id FROM risks r");

    if (error >= 0)
        error = build_where(sql, f);
    if (error >= 0)
        error = isms_buf_puts(sql, order_by(f));
    if (error >= 0)
        error = isms_buf_puts(sql, counting ? " LIMIT $9 OFFSET $10) p JOIN risks r "
                                              "ON r.id = p.id WHERE +r.org_id = $1"
                                            : " LIMIT $9 OFFSET $10)");
    return error < 0 ? error : isms_buf_puts(sql, order_by(f));
}

static int list_rows(struct isms_risk_list *out, int64_t *counted, struct isms_db *db,
                     int64_t org_id, const struct isms_risk_filter *f, const char *pattern)
{
    struct isms_buf sql = ISMS_BUF_INIT(8192);
    struct isms_stmt *st = NULL;
    int error;

    *counted = -1;
    if ((error = page_sql(&sql, f)) < 0 ||
        (error = isms_db_prepare(&st, db, isms_buf_cstr(&sql))) < 0 ||
        (error = bind_filter(st, org_id, f, pattern)) < 0 ||
        (error = isms_stmt_bind_int64(st, 9, f->limit)) < 0 ||
        (error = isms_stmt_bind_int64(st, 10, f->offset)) < 0)
        goto done;
    while (out->count < (size_t)f->limit && (error = isms_stmt_step(st)) == 1) {
        if (!isms_stmt_is_null(st, RISK_COLUMN_COUNT))
            *counted = isms_stmt_int64(st, RISK_COLUMN_COUNT);
        if ((error = isms_store_risk_page_add(out, st)) < 0)
            break;
    }
done:
    isms_stmt_finalize(st);
    isms_buf_release(&sql);
    return error < 0 ? error : 0;
}

int isms_store_risk_list(struct isms_risk_list *out, struct isms_store *store, int64_t org_id,
                         const struct isms_risk_filter *f)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_buf pattern = ISMS_BUF_INIT(4 * ISMS_RISK_QUERY_MAX + 8);
    int64_t counted;
    int error;

    if ((error = isms_store_risk_page_init(out, f->limit)) >= 0 && f->query)
        error = like_pattern(&pattern, f->query);
    if (error >= 0)
        error = list_rows(out, &counted, db, org_id, f, isms_buf_cstr(&pattern));
    if (error >= 0)
        error = list_total(out, counted, db, org_id, f, isms_buf_cstr(&pattern));
    isms_buf_release(&pattern);
    isms_store_release(store, db);
    if (error < 0)
        isms_risk_list_release(out);
    return error;
}

/* --- the heat map --- */

struct cells {
    struct isms_risk_cell *items;
    size_t count, cap;
};

static int add_cell(void *ctx, struct isms_stmt *st)
{
    struct cells *c = ctx;
    struct isms_risk_cell *cell;
    int error;

    if ((error = ISMS_ARRAY_RESERVE(c->items, c->cap, c->count)) < 0)
        return error;
    cell = &c->items[c->count++];
    cell->score.likelihood = (int)isms_stmt_int64(st, 0);
    cell->score.impact = (int)isms_stmt_int64(st, 1);
    cell->score.vulnerability = (int)isms_stmt_int64(st, 2);
    cell->count = isms_stmt_int64(st, 3);
    return 0;
}

int isms_store_risk_heatmap(struct isms_risk_cell **out, size_t *count, int64_t *other_out,
                            struct isms_store *store, int64_t org_id, const char *matrix_key,
                            bool residual)
{
    struct isms_db *db = isms_store_acquire(store);
    struct cells cells = {0};
    int error;

    error = isms_store_each_row_text(db,
                                     residual
                                         ? "SELECT residual_likelihood, residual_impact, "
                                           "residual_vulnerability, count(*) FROM risks "
                                           "WHERE org_id = $1 AND matrix_key = $2 "
                                           "AND residual_likelihood IS NOT NULL "
                                           "GROUP BY residual_likelihood, residual_impact, "
                                           "residual_vulnerability"
                                         : "SELECT likelihood, impact, vulnerability, count(*) "
                                           "FROM risks WHERE org_id = $1 AND matrix_key = $2 "
                                           "GROUP BY likelihood, impact, vulnerability",
                                     org_id, matrix_key, NULL, add_cell, &cells);
    if (error >= 0)
        error = isms_store_each_row_text(db,
                                         "SELECT count(*) FROM risks "
                                         "WHERE org_id = $1 AND matrix_key <> $2",
                                         org_id, matrix_key, NULL, isms_store_read_count,
                                         other_out);
    isms_store_release(store, db);
    if (error < 0) {
        free(cells.items);
        return error;
    }
    *out = cells.items;
    *count = cells.count;
    return 0;
}

/* --- the dashboard --- */

static int add_band_count(void *ctx, struct isms_stmt *st)
{
    int64_t *counts = ctx;
    int64_t band = isms_stmt_int64(st, 0);

    if (band >= ISMS_RISK_LOW && band <= ISMS_RISK_HIGH)
        counts[band - ISMS_RISK_LOW] = isms_stmt_int64(st, 1);
    return 0;
}

int isms_store_risk_band_counts(int64_t inherent[3], int64_t residual[3], struct isms_store *store,
                                int64_t org_id)
{
    struct isms_db *db = isms_store_acquire(store);
    const int64_t org[] = {org_id};
    int error;

    memset(inherent, 0, 3 * sizeof(*inherent));
    memset(residual, 0, 3 * sizeof(*residual));
    if ((error = isms_store_each_row(db,
                                     "SELECT band, count(*) FROM risks WHERE org_id = $1 "
                                     "GROUP BY band",
                                     org, 1, add_band_count, inherent)) >= 0)
        error = isms_store_each_row(db,
                                    "SELECT residual_band, count(*) FROM risks "
                                    "WHERE org_id = $1 AND residual_band IS NOT NULL "
                                    "GROUP BY residual_band",
                                    org, 1, add_band_count, residual);
    isms_store_release(store, db);
    return error < 0 ? error : 0;
}

#define AWAITING_WHERE                                                                             \
    " WHERE r.org_id = $1 AND r.residual_acceptable = 0 AND r.accepted_at IS NULL"

int isms_store_risk_awaiting_acceptance(struct isms_risk_list *out, struct isms_store *store,
                                        int64_t org_id, int64_t limit)
{
    return isms_store_risk_read_list(out, store, "SELECT count(*) FROM risks r" AWAITING_WHERE,
                                     "SELECT " RISK_COLUMNS " FROM risks r" AWAITING_WHERE
                                     " ORDER BY r.residual_level DESC, r.id LIMIT $2",
                                     (const int64_t[]){org_id, limit}, 2);
}
