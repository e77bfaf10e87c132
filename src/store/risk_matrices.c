/*
 * Custom risk matrices: one risk_matrices row, one risk_matrix_scales row per
 * axis and one risk_matrix_labels row per axis value. A save replaces the
 * scales and labels wholesale, so a definition is always stored complete.
 */
#include "isms_setup.h"
#include <jansson.h>
#include "model/risk_matrix.h"
#include "store/db.h"
#include "store/journal.h"
#include "store/query.h"
#include "store/risk_matrices.h"
#include "store/store.h"
#include "util/array.h"
#include "util/error.h"
#include "util/time.h"

#define MATRIX_COLUMNS                                                                             \
    "id, key, name_ja, name_en, method, acceptance_threshold, medium_from, high_from"

static const char *const axes[] = {"likelihood", "impact", "vulnerability"};

static struct isms_risk_scale *scale_of(struct isms_risk_matrix *m, const char *axis)
{
    if (strcmp(axis, "likelihood") == 0)
        return &m->likelihood;
    if (strcmp(axis, "impact") == 0)
        return &m->impact;
    return strcmp(axis, "vulnerability") == 0 ? &m->vulnerability : NULL;
}

static int read_matrix_row(struct isms_risk_matrix *m, struct isms_stmt *st)
{
    memset(m, 0, sizeof(*m));
    m->id = isms_stmt_int64(st, 0);
    isms_store_copy_text(m->key, sizeof(m->key), isms_stmt_text(st, 1));
    isms_store_copy_text(m->name_ja, sizeof(m->name_ja), isms_stmt_text(st, 2));
    isms_store_copy_text(m->name_en, sizeof(m->name_en), isms_stmt_text(st, 3));
    m->acceptance_threshold = (int)isms_stmt_int64(st, 5);
    m->medium_from = (int)isms_stmt_int64(st, 6);
    m->high_from = (int)isms_stmt_int64(st, 7);
    return isms_risk_method_parse(&m->method, isms_stmt_text(st, 4));
}

/* Fills the scale of the current row's axis in the matrix `ctx`. */
static int read_scale(void *ctx, struct isms_stmt *st)
{
    struct isms_risk_scale *s = scale_of(ctx, isms_stmt_text(st, 0));

    if (s) {
        s->min = (int)isms_stmt_int64(st, 1);
        s->max = (int)isms_stmt_int64(st, 2);
        isms_store_copy_text(s->name.ja, sizeof(s->name.ja), isms_stmt_text(st, 3));
        isms_store_copy_text(s->name.en, sizeof(s->name.en), isms_stmt_text(st, 4));
    }
    return 0;
}

/* Fills the label of the current row's axis value (the scales read first). */
static int read_label(void *ctx, struct isms_stmt *st)
{
    struct isms_risk_scale *s = scale_of(ctx, isms_stmt_text(st, 0));
    int64_t value = isms_stmt_int64(st, 1);

    if (s && value >= s->min && value <= s->max) {
        struct isms_risk_label *label = &s->labels[value - s->min];
        isms_store_copy_text(label->ja, sizeof(label->ja), isms_stmt_text(st, 2));
        isms_store_copy_text(label->en, sizeof(label->en), isms_stmt_text(st, 3));
    }
    return 0;
}

/* Fills the scales and labels of `m` (id set) from their rows. */
static int read_details(struct isms_db *db, int64_t org_id, struct isms_risk_matrix *m)
{
    const int64_t key[] = {org_id, m->id};
    int error;

    if ((error = isms_store_each_row(db,
                                     "SELECT axis, min, max, name_ja, name_en "
                                     "FROM risk_matrix_scales "
                                     "WHERE org_id = $1 AND matrix_id = $2",
                                     key, 2, read_scale, m)) < 0)
        return error;
    return isms_store_each_row(db,
                               "SELECT axis, value, label_ja, label_en FROM risk_matrix_labels "
                               "WHERE org_id = $1 AND matrix_id = $2",
                               key, 2, read_label, m);
}

int isms_store_risk_matrix_get(struct isms_risk_matrix *out, struct isms_store *store,
                               int64_t org_id, const char *key)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db,
                                 "SELECT " MATRIX_COLUMNS " FROM risk_matrices "
                                 "WHERE org_id = $1 AND key = $2")) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, org_id)) < 0 ||
        (error = isms_stmt_bind_text(st, 2, key)) < 0)
        goto done;
    if ((error = isms_stmt_step(st)) == 0)
        error = isms_error_set(ISMS_ENOTFOUND, _("risk matrix '%s' not found"), key);
    else if (error == 1 && (error = read_matrix_row(out, st)) == 0)
        error = read_details(db, org_id, out);
done:
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    return error;
}

static int append_row(struct isms_risk_matrix **list, size_t *n, size_t *cap, struct isms_stmt *st)
{
    int error = isms_array_reserve(list, cap, *n, sizeof(**list));

    if (error < 0)
        return error;
    return read_matrix_row(&(*list)[(*n)++], st);
}

int isms_store_risk_matrix_list(struct isms_risk_matrix **out, size_t *count,
                                struct isms_store *store, int64_t org_id)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_stmt *st = NULL;
    struct isms_risk_matrix *list = NULL;
    size_t n = 0, cap = 0;
    int error;

    if ((error = isms_db_prepare(&st, db,
                                 "SELECT " MATRIX_COLUMNS " FROM risk_matrices "
                                 "WHERE org_id = $1 ORDER BY key")) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, org_id)) < 0)
        goto done;
    while ((error = isms_stmt_step(st)) == 1)
        if ((error = append_row(&list, &n, &cap, st)) < 0)
            goto done;
    isms_stmt_finalize(st);
    st = NULL;
    for (size_t i = 0; error == 0 && i < n; i++)
        error = read_details(db, org_id, &list[i]);
done:
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    if (error < 0) {
        free(list);
        return error;
    }
    *out = list;
    *count = n;
    return 0;
}

static int upsert_matrix(struct isms_db *db, int64_t org_id, struct isms_risk_matrix *m,
                         const char *now)
{
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(
             &st, db,
             "INSERT INTO risk_matrices (org_id, key, name_ja, name_en, method, "
             "acceptance_threshold, medium_from, high_from, updated_at) "
             "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
             "ON CONFLICT (org_id, key) DO UPDATE SET name_ja = excluded.name_ja, "
             "name_en = excluded.name_en, method = excluded.method, "
             "acceptance_threshold = excluded.acceptance_threshold, "
             "medium_from = excluded.medium_from, high_from = excluded.high_from, "
             "updated_at = excluded.updated_at RETURNING id")) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, org_id)) < 0 ||
        (error = isms_stmt_bind_text(st, 2, m->key)) < 0 ||
        (error = isms_stmt_bind_text(st, 3, m->name_ja)) < 0 ||
        (error = isms_stmt_bind_text(st, 4, m->name_en)) < 0 ||
        (error = isms_stmt_bind_text(st, 5, isms_risk_method_name(m->method))) < 0 ||
        (error = isms_stmt_bind_int64(st, 6, m->acceptance_threshold)) < 0 ||
        (error = isms_stmt_bind_int64(st, 7, m->medium_from)) < 0 ||
        (error = isms_stmt_bind_int64(st, 8, m->high_from)) < 0 ||
        (error = isms_stmt_bind_text(st, 9, now)) < 0)
        goto done;
    if ((error = isms_stmt_step(st)) == 1) {
        m->id = isms_stmt_int64(st, 0);
        error = 0;
    } else if (error == 0) {
        error = isms_error_set(ISMS_ERROR, "saving risk matrix '%s' returned no row", m->key);
    }
done:
    isms_stmt_finalize(st);
    return error;
}

static int delete_details(struct isms_db *db, int64_t org_id, int64_t matrix_id)
{
    static const char *const sql[] = {
        "DELETE FROM risk_matrix_labels WHERE org_id = $1 AND matrix_id = $2",
        "DELETE FROM risk_matrix_scales WHERE org_id = $1 AND matrix_id = $2",
    };
    const int64_t key[] = {org_id, matrix_id};
    int error = 0;

    for (size_t i = 0; error == 0 && i < ISMS_ARRAY_SIZE(sql); i++)
        error = isms_store_each_row(db, sql[i], key, 2, NULL, NULL);
    return error;
}

static int insert_scale(struct isms_db *db, int64_t org_id, int64_t matrix_id, const char *axis,
                        const struct isms_risk_scale *s)
{
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db,
                                 "INSERT INTO risk_matrix_scales (org_id, matrix_id, "
                                 "axis, min, max, name_ja, name_en) "
                                 "VALUES ($1, $2, $3, $4, $5, $6, $7)")) == 0 &&
        (error = isms_stmt_bind_int64(st, 1, org_id)) == 0 &&
        (error = isms_stmt_bind_int64(st, 2, matrix_id)) == 0 &&
        (error = isms_stmt_bind_text(st, 3, axis)) == 0 &&
        (error = isms_stmt_bind_int64(st, 4, s->min)) == 0 &&
        (error = isms_stmt_bind_int64(st, 5, s->max)) == 0 &&
        (error = isms_stmt_bind_text(st, 6, s->name.ja)) == 0 &&
        (error = isms_stmt_bind_text(st, 7, s->name.en)) == 0)
        error = isms_stmt_step(st);
    isms_stmt_finalize(st);
    return error < 0 ? error : 0;
}

static int insert_label(struct isms_db *db, int64_t org_id, int64_t matrix_id, const char *axis,
                        int value, const struct isms_risk_label *label)
{
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db,
                                 "INSERT INTO risk_matrix_labels (org_id, matrix_id, "
                                 "axis, value, label_ja, label_en) "
                                 "VALUES ($1, $2, $3, $4, $5, $6)")) == 0 &&
        (error = isms_stmt_bind_int64(st, 1, org_id)) == 0 &&
        (error = isms_stmt_bind_int64(st, 2, matrix_id)) == 0 &&
        (error = isms_stmt_bind_text(st, 3, axis)) == 0 &&
        (error = isms_stmt_bind_int64(st, 4, value)) == 0 &&
        (error = isms_stmt_bind_text(st, 5, label->ja)) == 0 &&
        (error = isms_stmt_bind_text(st, 6, label->en)) == 0)
        error = isms_stmt_step(st);
    isms_stmt_finalize(st);
    return error < 0 ? error : 0;
}

static int insert_details(struct isms_db *db, int64_t org_id, struct isms_risk_matrix *m)
{
    size_t axis_count = m->method == ISMS_RISK_ASSET_THREAT_VULNERABILITY ? 3 : 2;
    int error = 0;

    for (size_t a = 0; error == 0 && a < axis_count; a++) {
        const struct isms_risk_scale *s = scale_of(m, axes[a]);
        error = insert_scale(db, org_id, m->id, axes[a], s);
        for (int v = s->min; error == 0 && v <= s->max; v++)
            error = insert_label(db, org_id, m->id, axes[a], v, &s->labels[v - s->min]);
    }
    return error;
}

static int journal_define(struct isms_db *db, const struct isms_actor *actor, int64_t org_id,
                          const struct isms_risk_matrix *m)
{
    char entity[96];

    snprintf(entity, sizeof(entity), "risk_matrix:%s", m->key);
    return isms_store_journal_json(
        db, actor, org_id, "risk_matrix.define", entity,
        json_pack("{s:I, s:s, s:s, s:i, s:i, s:i, s:[i,i], s:[i,i], s:[i,i]}", "id",
                  (json_int_t)m->id, "method", isms_risk_method_name(m->method), "name_en",
                  m->name_en, "acceptance_threshold", m->acceptance_threshold, "medium_from",
                  m->medium_from, "high_from", m->high_from, "likelihood", m->likelihood.min,
                  m->likelihood.max, "impact", m->impact.min, m->impact.max, "vulnerability",
                  m->vulnerability.min, m->vulnerability.max));
}

struct matrix_write {
    int64_t org_id;
    struct isms_risk_matrix *matrix;
    const char *key; /* the matrix chosen */
};

static int save_journaled(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    struct matrix_write *w = ctx;
    char now[ISMS_TIMESTAMP_SIZE];
    int error;

    isms_time_now(now);
    if ((error = upsert_matrix(db, w->org_id, w->matrix, now)) < 0 ||
        (error = delete_details(db, w->org_id, w->matrix->id)) < 0 ||
        (error = insert_details(db, w->org_id, w->matrix)) < 0)
        return error;
    return journal_define(db, actor, w->org_id, w->matrix);
}

int isms_store_risk_matrix_save(struct isms_store *store, const struct isms_actor *actor,
                                int64_t org_id, struct isms_risk_matrix *m)
{
    struct matrix_write w = {.org_id = org_id, .matrix = m};

    return isms_store_write(store, actor, NULL, save_journaled, &w);
}

int isms_store_risk_matrix_choice(char *key, struct isms_store *store, int64_t org_id)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db,
                                 "SELECT matrix_key FROM org_risk_matrix "
                                 "WHERE org_id = $1")) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, org_id)) < 0)
        goto done;
    if ((error = isms_stmt_step(st)) == 1) {
        isms_store_copy_text(key, ISMS_RISK_MATRIX_KEY_MAX + 1, isms_stmt_text(st, 0));
        error = 0;
    } else if (error == 0) {
        error = isms_error_set(ISMS_ENOTFOUND, "organization %" PRId64 " has chosen no matrix",
                               org_id);
    }
done:
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    return error;
}

static int upsert_choice(struct isms_db *db, int64_t org_id, const char *key)
{
    struct isms_stmt *st = NULL;
    char now[ISMS_TIMESTAMP_SIZE];
    int error;

    isms_time_now(now);
    if ((error = isms_db_prepare(&st, db,
                                 "INSERT INTO org_risk_matrix (org_id, matrix_key, updated_at) "
                                 "VALUES ($1, $2, $3) ON CONFLICT (org_id) DO UPDATE SET "
                                 "matrix_key = excluded.matrix_key, "
                                 "updated_at = excluded.updated_at")) == 0 &&
        (error = isms_stmt_bind_int64(st, 1, org_id)) == 0 &&
        (error = isms_stmt_bind_text(st, 2, key)) == 0 &&
        (error = isms_stmt_bind_text(st, 3, now)) == 0)
        error = isms_stmt_step(st);
    isms_stmt_finalize(st);
    return error < 0 ? error : 0;
}

static int choose_journaled(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    struct matrix_write *w = ctx;
    int error = upsert_choice(db, w->org_id, w->key);

    return error < 0 ? error
                     : isms_store_journal_json(db, actor, w->org_id, "risk_matrix.use",
                                               "risk_matrix", json_pack("{s:s}", "key", w->key));
}

int isms_store_risk_matrix_choose(struct isms_store *store, const struct isms_actor *actor,
                                  int64_t org_id, const char *key)
{
    struct matrix_write w = {.org_id = org_id, .key = key};

    return isms_store_write(store, actor, NULL, choose_journaled, &w);
}
