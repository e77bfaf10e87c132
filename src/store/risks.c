#include "isms_setup.h"
#include <jansson.h>
#include "model/org.h"
#include "model/risk.h"
#include "model/risk_link.h"
#include "model/risk_treatment.h"
#include "store/journal.h"
#include "store/db.h"
#include "store/query.h"
#include "store/risks.h"
#include "store/soa.h"
#include "store/store.h"
#include "util/array.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/time.h"

/* Column order matters: read_risk() reads them by position. */
#define RISK_COLUMNS                                                                               \
    "r.id, r.org_id, r.title, r.threat_source, r.threat_id, r.risk_source, r.event, "              \
    "r.consequence, r.owner, r.matrix_key, r.likelihood, r.impact, r.vulnerability, "              \
    "r.level, r.band, r.treatment, r.residual_likelihood, r.residual_impact, "                     \
    "r.residual_vulnerability, r.residual_level, r.residual_band, r.residual_acceptable, "         \
    "r.accepted_by, r.accepted_at, r.shared, r.provider_org_id, r.provider_risk_id, "              \
    "r.created_at, r.updated_at, "                                                                 \
    "(SELECT count(*) FROM risk_treatment_items t WHERE t.org_id = r.org_id "                      \
    "AND t.risk_id = r.id AND t.status IN ('planned', 'in_progress')), "                           \
    "r.accepted_by_user_id, "                                                                      \
    "(SELECT count(*) FROM risk_treatment_items t WHERE t.org_id = r.org_id "                      \
    "AND t.risk_id = r.id AND t.status <> 'cancelled'), "                                          \
    "r.accepted_comment, r.accepted_level, r.accepted_on_behalf, r.accepted_reason, "              \
    "r.accepted_overdue_items, r.number, r.owner_user_id"
#define RISK_COLUMN_COUNT 39

static int not_found(int64_t id)
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
static int read_risk(void *item, struct isms_stmt *st)
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
    return read_risk(one->risk, st);
}

/* Fills *out (zeroed first) with risk `id` of org `org_id` selected by
 * `sql` ($1 org, $2 id); ISMS_ENOTFOUND when there is no such row. */
static int select_risk(struct isms_risk *out, struct isms_db *db, const char *sql, int64_t org_id,
                       int64_t id)
{
    struct one_risk one = {out, false};
    int error;

    memset(out, 0, sizeof(*out));
    if ((error = isms_store_each_row(db, sql, (const int64_t[]){org_id, id}, 2, read_one, &one)) <
        0)
        return error;
    return one.found ? 0 : not_found(id);
}

/* A page of risks: room for `limit` rows, filled by page_add(). */
static int page_init(struct isms_risk_list *list, int64_t limit)
{
    memset(list, 0, sizeof(*list));
    if (!(list->items = calloc((size_t)limit + 1, sizeof(*list->items))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    return 0;
}

static int page_add(void *ctx, struct isms_stmt *st)
{
    struct isms_risk_list *list = ctx;

    return read_risk(&list->items[list->count++], st);
}

/* isms_store_each_row() for a query with a text parameter: $1 org_id,
 * $2 `text` and, when `limit` is not NULL, $3 *limit. */
static int each_row_text(struct isms_db *db, const char *sql, int64_t org_id, const char *text,
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

static int read_count(void *ctx, struct isms_stmt *st)
{
    *(int64_t *)ctx = isms_stmt_int64(st, 0);
    return 0;
}

/* --- journal --- */

static int journal_risk(struct isms_db *db, const struct isms_actor *actor, int64_t org_id,
                      const char *action, int64_t risk_id, json_t *detail)
{
    char entity[32];

    snprintf(entity, sizeof(entity), "risk:%" PRId64, risk_id);
    if (!detail)
        return isms_store_journal_append(db, actor,
                                       &(struct isms_journal_event){org_id, action, entity, NULL});
    return isms_store_journal_json(db, actor, org_id, action, entity, detail);
}

/* What the journal records of a created or updated risk. */
static json_t *risk_detail(const struct isms_risk *r)
{
    const char *treatment = isms_risk_treatment_name(r->treatment);
    json_t *detail =
        json_pack("{s:s, s:s, s:s, s:i, s:i, s:i, s:s?, s:b}", "title", r->title, "owner", r->owner,
                  "matrix", r->matrix_key, "likelihood", r->score.likelihood, "impact",
                  r->score.impact, "level", r->level, "treatment", treatment, "shared", r->shared);

    if (detail && r->has_residual &&
        json_object_set_new(detail, "residual_level", json_integer(r->residual_level)) < 0) {
        json_decref(detail);
        return NULL;
    }
    return detail;
}

/* --- writing risks --- */

/* Binds the inputs and computed fields $2..$23 shared by insert and update. */
static int bind_residual(struct isms_stmt *st, const struct isms_risk *r)
{
    int error;

    if (!r->has_residual) {
        for (int i = 16; i <= 20; i++)
            if ((error = isms_stmt_bind_null(st, i)) < 0)
                return error;
        return isms_stmt_bind_null(st, 23);
    }
    if ((error = isms_stmt_bind_int64(st, 16, r->residual.likelihood)) < 0 ||
        (error = isms_stmt_bind_int64(st, 17, r->residual.impact)) < 0 ||
        (error = isms_stmt_bind_int64(st, 18, r->residual.vulnerability)) < 0 ||
        (error = isms_stmt_bind_int64(st, 19, r->residual_level)) < 0 ||
        (error = isms_stmt_bind_int64(st, 20, r->residual_band)) < 0)
        return error;
    return isms_stmt_bind_int64(st, 23, r->residual_acceptable);
}

static int bind_fields(struct isms_stmt *st, const struct isms_risk *r)
{
    const char *treatment = isms_risk_treatment_name(r->treatment);
    int error;

    if ((error = isms_stmt_bind_int64(st, 1, r->org_id)) < 0 ||
        (error = isms_stmt_bind_text(st, 2, r->title)) < 0 ||
        (error = isms_stmt_bind_text(st, 3, r->threat_source)) < 0 ||
        (error = isms_stmt_bind_text(st, 4, r->threat_id)) < 0 ||
        (error = isms_stmt_bind_text(st, 5, r->risk_source)) < 0 ||
        (error = isms_stmt_bind_text(st, 6, r->event)) < 0 ||
        (error = isms_stmt_bind_text(st, 7, r->consequence)) < 0 ||
        (error = isms_stmt_bind_text(st, 8, r->owner)) < 0 ||
        (error = isms_stmt_bind_text(st, 9, r->matrix_key)) < 0 ||
        (error = isms_stmt_bind_int64(st, 10, r->score.likelihood)) < 0 ||
        (error = isms_stmt_bind_int64(st, 11, r->score.impact)) < 0 ||
        (error = isms_stmt_bind_int64(st, 12, r->score.vulnerability)) < 0 ||
        (error = isms_stmt_bind_int64(st, 13, r->level)) < 0 ||
        (error = isms_stmt_bind_int64(st, 14, r->band)) < 0 ||
        (error = isms_stmt_bind_text(st, 15, treatment)) < 0 ||
        (error = isms_stmt_bind_int64(st, 21, r->shared)) < 0 ||
        (error = isms_stmt_bind_text(st, 22, r->updated_at)) < 0)
        return error;
    return bind_residual(st, r);
}

static int insert_assets(struct isms_db *db, const struct isms_risk *r)
{
    int error = 0;

    for (size_t i = 0; i < r->asset_count && error >= 0; i++) {
        error = isms_store_each_row(db,
                                    "INSERT INTO risk_assets (org_id, risk_id, asset_id) "
                                    "VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                                    (const int64_t[]){r->org_id, r->id, r->asset_ids[i]}, 3, NULL,
                                    NULL);
        if (error == ISMS_ECONFLICT)
            error = isms_error_set(ISMS_ENOTFOUND, "asset %" PRId64 " not found", r->asset_ids[i]);
    }
    return error < 0 ? error : 0;
}

static int refuse_if_depended_on(struct isms_db *db, int64_t org_id, int64_t risk_id,
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

/* Inserts the row and its assets on `db` (inside the caller's transaction). */
/* The owner as a user (kept beside the name shown; 0 stores NULL). */
static int set_owner_user(struct isms_db *db, const struct isms_risk *r)
{
    return isms_store_each_row(db,
                               "UPDATE risks SET owner_user_id = NULLIF($3, 0) "
                               "WHERE org_id = $1 AND id = $2",
                               (const int64_t[]){r->org_id, r->id, r->owner_user_id}, 3, NULL,
                               NULL);
}

/* The org's next risk number, from its counter (never reused). */
static int next_number(struct isms_db *db, struct isms_risk *r)
{
    int error = isms_store_each_row(db,
                                    "INSERT INTO risk_number_counters (org_id, last_number) "
                                    "VALUES ($1, 1) ON CONFLICT (org_id) DO UPDATE "
                                    "SET last_number = last_number + 1",
                                    &r->org_id, 1, NULL, NULL);

    if (error < 0)
        return error;
    return isms_store_query_int64(&r->number, db,
                                  "SELECT last_number FROM risk_number_counters WHERE org_id = $1",
                                  &r->org_id, 1);
}

static int insert_row(struct isms_db *db, struct isms_risk *r)
{
    struct isms_stmt *st = NULL;
    int error;

    error = isms_db_prepare(
        &st, db,
        "INSERT INTO risks (org_id, title, threat_source, threat_id, risk_source, event, "
        "consequence, owner, matrix_key, likelihood, impact, vulnerability, level, band, "
        "treatment, residual_likelihood, residual_impact, residual_vulnerability, residual_level, "
        "residual_band, shared, updated_at, residual_acceptable, created_at, number) VALUES ($1, "
        "$2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, "
        "$21, $22, $23, $22, $24) RETURNING id, number");
    if (error >= 0 && (error = next_number(db, r)) >= 0 && (error = bind_fields(st, r)) >= 0 &&
        (error = isms_stmt_bind_int64(st, 24, r->number)) >= 0 &&
        (error = isms_stmt_step(st)) == 1) {
        r->id = isms_stmt_int64(st, 0);
        r->number = isms_stmt_int64(st, 1);
        error = 0;
    }
    isms_stmt_finalize(st);
    if (error >= 0)
        error = set_owner_user(db, r);
    return error < 0 ? error : insert_assets(db, r);
}

static int insert_journaled(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    struct isms_risk *r = ctx;
    int error;

    if ((error = insert_row(db, r)) < 0)
        return error;
    return journal_risk(db, actor, r->org_id, "risk.create", r->id, risk_detail(r));
}

int isms_store_risk_insert(struct isms_store *store, struct isms_risk *r,
                           const struct isms_actor *actor)
{
    return isms_store_write(store, actor, NULL, insert_journaled, r);
}

struct bulk_insert {
    int64_t org_id;
    size_t count;
    isms_store_risk_next_fn next;
    void *ctx;
    int64_t first_id;
};

static int insert_many_journaled(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    struct bulk_insert *b = ctx;
    int error = 0;

    for (size_t i = 0; error >= 0 && i < b->count; i++) {
        struct isms_risk r = {.org_id = b->org_id};
        if ((error = b->next(&r, i, b->ctx)) >= 0 && (error = insert_row(db, &r)) >= 0 && i == 0)
            b->first_id = r.id;
        isms_risk_release(&r);
    }
    if (error < 0)
        return error;
    return journal_risk(db, actor, b->org_id, "risk.import", b->first_id,
                      json_pack("{s:I, s:I}", "count", (json_int_t)b->count, "first_id",
                                (json_int_t)b->first_id));
}

int isms_store_risk_insert_many(int64_t *first_id_out, struct isms_store *store, int64_t org_id,
                                size_t count, isms_store_risk_next_fn next, void *ctx,
                                const struct isms_actor *actor)
{
    struct bulk_insert b = {org_id, count, next, ctx, 0};
    struct isms_db *db;
    int error;

    if ((error = isms_store_write(store, actor, NULL, insert_many_journaled, &b)) < 0)
        return error;
    /* A bulk import changes the data's shape: refresh the planner's statistics
     * so list filters pick their selective index (e.g. owner over band). */
    db = isms_store_acquire(store);
    error = isms_db_exec(db, "ANALYZE risks");
    isms_store_release(store, db);
    if (error >= 0 && first_id_out)
        *first_id_out = b.first_id;
    return error;
}

static int update_row(struct isms_db *db, const struct isms_risk *r, bool clear_acceptance)
{
    struct isms_stmt *st = NULL;
    int error;

    error = isms_db_prepare(
        &st, db,
        clear_acceptance
            ? "UPDATE risks SET title = $2, threat_source = $3, threat_id = $4, "
              "risk_source = $5, event = $6, consequence = $7, owner = $8, matrix_key = $9, "
              "likelihood = $10, impact = $11, vulnerability = $12, level = $13, band = $14, "
              "treatment = $15, residual_likelihood = $16, residual_impact = $17, "
              "residual_vulnerability = $18, residual_level = $19, residual_band = $20, "
              "shared = $21, updated_at = $22, residual_acceptable = $23, accepted_by = NULL, "
              "accepted_at = NULL, accepted_by_user_id = NULL, accepted_comment = NULL, "
              "accepted_level = NULL, accepted_on_behalf = 0, accepted_reason = NULL, "
              "accepted_overdue_items = 0 WHERE org_id = $1 AND id = $24"
            : "UPDATE risks SET title = $2, threat_source = $3, threat_id = $4, "
              "risk_source = $5, event = $6, consequence = $7, owner = $8, matrix_key = $9, "
              "likelihood = $10, impact = $11, vulnerability = $12, level = $13, band = $14, "
              "treatment = $15, residual_likelihood = $16, residual_impact = $17, "
              "residual_vulnerability = $18, residual_level = $19, residual_band = $20, "
              "shared = $21, updated_at = $22, residual_acceptable = $23 "
              "WHERE org_id = $1 AND id = $24");
    if (error >= 0 && (error = bind_fields(st, r)) >= 0 &&
        (error = isms_stmt_bind_int64(st, 24, r->id)) >= 0 && (error = isms_stmt_step(st)) >= 0 &&
        isms_stmt_changes(st) == 0)
        error = not_found(r->id);
    isms_stmt_finalize(st);
    return error < 0 ? error : 0;
}

struct risk_update {
    const struct isms_risk *risk;
    bool clear_acceptance;
};

static int update_journaled(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    const struct risk_update *u = ctx;
    const struct isms_risk *r = u->risk;
    int error = 0;

    if (!r->shared)
        error = refuse_if_depended_on(db, r->org_id, r->id, "stop sharing");
    if (error >= 0)
        error = update_row(db, r, u->clear_acceptance);
    if (error >= 0)
        error = set_owner_user(db, r);
    if (error >= 0)
        error = isms_store_each_row(db,
                                    "DELETE FROM risk_assets WHERE org_id = $1 "
                                    "AND risk_id = $2",
                                    (const int64_t[]){r->org_id, r->id}, 2, NULL, NULL);
    if (error >= 0)
        error = insert_assets(db, r);
    if (error < 0)
        return error;
    return journal_risk(db, actor, r->org_id, "risk.update", r->id, risk_detail(r));
}

int isms_store_risk_update(struct isms_store *store, const struct isms_risk *r,
                           bool clear_acceptance, const struct isms_actor *actor)
{
    struct risk_update u = {r, clear_acceptance};

    return isms_store_write(store, actor, NULL, update_journaled, &u);
}

/* --- reading one risk --- */

#define SELECT_RISK "SELECT " RISK_COLUMNS " FROM risks r WHERE r.org_id = $1 AND r.id = $2"

/* A risk's assets or controls as rows arrive. */
struct risk_children {
    struct isms_risk *risk;
    size_t cap;
};

static int add_asset(void *ctx, struct isms_stmt *st)
{
    struct risk_children *c = ctx;
    struct isms_risk *r = c->risk;
    int error;

    if ((error = ISMS_ARRAY_RESERVE(r->asset_ids, c->cap, r->asset_count)) < 0)
        return error;
    r->asset_ids[r->asset_count++] = isms_stmt_int64(st, 0);
    return 0;
}

static int add_control(void *ctx, struct isms_stmt *st)
{
    struct risk_children *c = ctx;
    struct isms_risk *r = c->risk;
    int error;

    if ((error = ISMS_ARRAY_RESERVE(r->controls, c->cap, r->control_count)) < 0)
        return error;
    isms_store_copy_text(r->controls[r->control_count++], sizeof(*r->controls),
                         isms_stmt_text(st, 0));
    return 0;
}

/* The assets, selected controls and dependents of risk `r` (already read). */
static int read_children(struct isms_risk *r, struct isms_db *db)
{
    const int64_t key[] = {r->org_id, r->id};
    struct risk_children assets = {r, 0}, controls = {r, 0};
    int64_t dependents;
    int error;

    if ((error = isms_store_each_row(db,
                                     "SELECT asset_id FROM risk_assets WHERE org_id = $1 "
                                     "AND risk_id = $2 ORDER BY asset_id",
                                     key, 2, add_asset, &assets)) < 0 ||
        (error = isms_store_each_row(db,
                                     "SELECT control_id FROM risk_controls WHERE org_id = $1 "
                                     "AND risk_id = $2 ORDER BY control_id",
                                     key, 2, add_control, &controls)) < 0 ||
        (error = isms_store_query_int64(&dependents, db,
                                        "SELECT count(*) FROM risks WHERE provider_org_id = $1 "
                                        "AND provider_risk_id = $2",
                                        key, 2)) < 0)
        return error;
    r->dependent_count = (int)dependents;
    return 0;
}

int isms_store_risk_get(struct isms_risk *out, struct isms_store *store, int64_t org_id, int64_t id)
{
    struct isms_db *db = isms_store_acquire(store);
    int error;

    if ((error = select_risk(out, db, SELECT_RISK, org_id, id)) >= 0)
        error = read_children(out, db);
    isms_store_release(store, db);
    if (error < 0)
        isms_risk_release(out);
    return error < 0 ? error : 0;
}

int isms_store_risk_get_shared(struct isms_risk *out, struct isms_store *store, int64_t org_id,
                               int64_t id)
{
    struct isms_db *db = isms_store_acquire(store);
    int error = select_risk(out, db, SELECT_RISK " AND r.shared = 1", org_id, id);

    isms_store_release(store, db);
    if (error < 0)
        isms_risk_release(out);
    return error < 0 ? error : 0;
}

/* --- acceptance --- */

/* the journal detail of an acceptance: who is recorded, and whether it was
 * recorded for the owner by someone else (the event's actor). */
static json_t *acceptance_detail(const struct isms_risk_acceptance *a)
{
    json_t *detail = json_pack("{s:s, s:s, s:i, s:i}", "accepted_by", a->accepted_by,
                               "accepted_at", a->accepted_at, "residual_level", a->residual_level,
                               "overdue_items", a->overdue_items);

    if (detail && a->accepted_by_user_id &&
        json_object_set_new(detail, "accepted_by_user_id", json_integer(a->accepted_by_user_id)) <
            0)
        goto fail;
    if (detail && a->on_behalf_of_owner &&
        (json_object_set_new(detail, "on_behalf_of_owner", json_true()) < 0 ||
         json_object_set_new(detail, "reason", json_string(a->reason ? a->reason : "")) < 0))
        goto fail;
    return detail;
fail:
    json_decref(detail);
    return NULL;
}

struct risk_acceptance_write {
    int64_t org_id;
    int64_t id;
    const struct isms_risk_acceptance *acceptance;
};

static int accept_journaled(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    const struct risk_acceptance_write *w = ctx;
    const struct isms_risk_acceptance *a = w->acceptance;
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db,
                                 "UPDATE risks SET accepted_by = $3, accepted_at = $4, "
                                 "accepted_by_user_id = $5, accepted_comment = $6, "
                                 "accepted_level = $7, accepted_on_behalf = $8, "
                                 "accepted_reason = $9, accepted_overdue_items = $10 "
                                 "WHERE org_id = $1 AND id = $2")) >= 0 &&
        (error = isms_stmt_bind_int64(st, 1, w->org_id)) >= 0 &&
        (error = isms_stmt_bind_int64(st, 2, w->id)) >= 0 &&
        (error = isms_stmt_bind_text(st, 3, a->accepted_by)) >= 0 &&
        (error = isms_stmt_bind_text(st, 4, a->accepted_at)) >= 0 &&
        (error = a->accepted_by_user_id ? isms_stmt_bind_int64(st, 5, a->accepted_by_user_id)
                                        : isms_stmt_bind_null(st, 5)) >= 0 &&
        (error = isms_stmt_bind_text(st, 6, a->comment ? a->comment : "")) >= 0 &&
        (error = isms_stmt_bind_int64(st, 7, a->residual_level)) >= 0 &&
        (error = isms_stmt_bind_int64(st, 8, a->on_behalf_of_owner)) >= 0 &&
        (error = a->reason ? isms_stmt_bind_text(st, 9, a->reason)
                           : isms_stmt_bind_null(st, 9)) >= 0 &&
        (error = isms_stmt_bind_int64(st, 10, a->overdue_items)) >= 0 &&
        (error = isms_stmt_step(st)) >= 0 && isms_stmt_changes(st) == 0)
        error = not_found(w->id);
    isms_stmt_finalize(st);
    if (error < 0)
        return error;
    return journal_risk(db, actor, w->org_id, "risk.accept", w->id, acceptance_detail(a));
}

int isms_store_risk_accept(struct isms_store *store, int64_t org_id, int64_t id,
                           const struct isms_risk_acceptance *acceptance,
                           const struct isms_actor *actor)
{
    struct risk_acceptance_write w = {org_id, id, acceptance};

    return isms_store_write(store, actor, NULL, accept_journaled, &w);
}

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
    int error =
        isms_buf_puts(sql, by_subquery(f) ? " WHERE +r.org_id = $1" : " WHERE r.org_id = $1");

    if (error >= 0 && f->has_level_min)
        error =
            isms_buf_puts(sql, f->residual ? " AND r.residual_level >= $2" : " AND r.level >= $2");
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
        if ((error = page_add(out, st)) < 0)
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

    if ((error = page_init(out, f->limit)) >= 0 && f->query)
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

    error = each_row_text(db,
                          residual ? "SELECT residual_likelihood, residual_impact, "
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
        error = each_row_text(db,
                              "SELECT count(*) FROM risks "
                              "WHERE org_id = $1 AND matrix_key <> $2",
                              org_id, matrix_key, NULL, read_count, other_out);
    isms_store_release(store, db);
    if (error < 0) {
        free(cells.items);
        return error;
    }
    *out = cells.items;
    *count = cells.count;
    return 0;
}

/* --- selected controls --- */

static int soa_journal(struct isms_db *db, const struct isms_actor *actor, int64_t org_id,
                     int64_t risk_id, const struct isms_soa_entry *e,
                     const struct isms_store_soa_change *change)
{
    return isms_store_journal_json(
        db, actor, org_id, "soa.decide", e->control_id,
        json_pack("{s:I, s:b, s:b, s:i, s:s, s:b}", "risk", (json_int_t)risk_id, "selected",
                  change->added, "applicable", e->applicability == ISMS_SOA_APPLICABLE,
                  "inclusion_basis", (int)e->inclusion_basis, "inclusion_justification",
                  e->inclusion_justification, "exclusion_cleared", change->was_excluded));
}

/* Runs `sql` with $1 org_id, $2 risk_id and $3 control_id; *count_out (if
 * not NULL) gets the first column of its row. */
static int control_row(struct isms_db *db, const char *sql, int64_t org_id, int64_t risk_id,
                       const char *control_id, int64_t *count_out)
{
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db, sql)) >= 0 &&
        (error = isms_stmt_bind_int64(st, 1, org_id)) >= 0 &&
        (error = isms_stmt_bind_int64(st, 2, risk_id)) >= 0 &&
        (error = isms_stmt_bind_text(st, 3, control_id)) >= 0 &&
        (error = isms_stmt_step(st)) == 1 && count_out)
        *count_out = isms_stmt_int64(st, 0);
    isms_stmt_finalize(st);
    return error < 0 ? error : 0;
}

struct controls_write {
    int64_t org_id;
    int64_t risk_id;
    struct isms_soa_entry *entries;
    const bool *selected;
    size_t count;
    isms_store_soa_merge_fn merge;
    void *ctx;
    bool delete_risk;
};

/* Adds or drops one control of a risk and lets the domain update its SoA entry. */
static int apply_control(struct isms_db *db, const struct isms_actor *actor,
                         const struct controls_write *w, struct isms_soa_entry *e, bool selected)
{
    struct isms_store_soa_change change = {.added = selected};
    int64_t present = 0;
    int error;

    if ((error = control_row(db,
                             "SELECT count(*) FROM risk_controls WHERE org_id = $1 "
                             "AND risk_id = $2 AND control_id = $3",
                             w->org_id, w->risk_id, e->control_id, &present)) < 0)
        return error;
    if ((present != 0) == selected)
        return 0;
    if ((error = control_row(db,
                             selected ? "INSERT INTO risk_controls (org_id, risk_id, "
                                        "control_id) VALUES ($1, $2, $3)"
                                      : "DELETE FROM risk_controls WHERE org_id = $1 "
                                        "AND risk_id = $2 AND control_id = $3",
                             w->org_id, w->risk_id, e->control_id, NULL)) < 0 ||
        (error = control_row(db,
                             "SELECT count(*) FROM risk_controls WHERE org_id = $1 "
                             "AND risk_id <> $2 AND control_id = $3",
                             w->org_id, w->risk_id, e->control_id, &change.other_risks)) < 0 ||
        (error = isms_store_soa_fill_on(db, w->org_id, e->control_id, e, 1)) < 0 ||
        (error = w->merge(e, &change, w->ctx)) < 0)
        return error;
    if (!change.changed)
        return 0;
    if ((error = isms_store_soa_upsert_on(db, w->org_id, e)) < 0)
        return error;
    return soa_journal(db, actor, w->org_id, w->risk_id, e, &change);
}

static json_t *controls_detail(const struct controls_write *w)
{
    json_t *list = json_array();

    for (size_t i = 0; list && i < w->count; i++)
        if (w->selected[i] &&
            json_array_append_new(list, json_string(w->entries[i].control_id)) < 0) {
            json_decref(list);
            return NULL;
        }
    return list ? json_pack("{s:o}", "controls", list) : NULL;
}

static int controls_journaled(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    const struct controls_write *w = ctx;
    const int64_t key[] = {w->org_id, w->risk_id};
    int64_t exists;
    int error;

    if ((error = isms_store_query_int64(&exists, db,
                                        "SELECT count(*) FROM risks "
                                        "WHERE org_id = $1 AND id = $2",
                                        key, 2)) < 0)
        return error;
    if (!exists)
        return not_found(w->risk_id);
    if (w->delete_risk && (error = refuse_if_depended_on(db, w->org_id, w->risk_id, "delete")) < 0)
        return error;
    for (size_t i = 0; i < w->count; i++)
        if ((error = apply_control(db, actor, w, &w->entries[i], w->selected[i])) < 0)
            return error;
    if (!w->delete_risk)
        return journal_risk(db, actor, w->org_id, "risk.controls", w->risk_id, controls_detail(w));
    if ((error = isms_store_each_row(db, "DELETE FROM risks WHERE org_id = $1 AND id = $2", key, 2,
                                     NULL, NULL)) < 0)
        return error;
    return journal_risk(db, actor, w->org_id, "risk.delete", w->risk_id, NULL);
}

int isms_store_risk_controls_apply(struct isms_store *store, int64_t org_id, int64_t risk_id,
                                   struct isms_soa_entry *entries, const bool *selected,
                                   size_t count, isms_store_soa_merge_fn merge, void *ctx,
                                   bool delete_risk, const struct isms_actor *actor)
{
    struct controls_write w = {org_id, risk_id, entries, selected, count, merge, ctx, delete_risk};

    return isms_store_write(store, actor, NULL, controls_journaled, &w);
}

/* --- treatment plan items --- */

#define ITEM_COLUMNS                                                                               \
    "t.id, t.org_id, t.risk_id, t.action, t.owner, t.due_date, t.status, t.created_at, "           \
    "t.updated_at"

static int read_item(void *item, struct isms_stmt *st)
{
    struct isms_risk_treatment_item *it = item;

    it->id = isms_stmt_int64(st, 0);
    it->org_id = isms_stmt_int64(st, 1);
    it->risk_id = isms_stmt_int64(st, 2);
    isms_store_copy_text(it->action, sizeof(it->action), isms_stmt_text(st, 3));
    isms_store_copy_text(it->owner, sizeof(it->owner), isms_stmt_text(st, 4));
    isms_store_copy_text(it->due_date, sizeof(it->due_date), isms_stmt_text(st, 5));
    isms_store_copy_text(it->created_at, sizeof(it->created_at), isms_stmt_text(st, 7));
    isms_store_copy_text(it->updated_at, sizeof(it->updated_at), isms_stmt_text(st, 8));
    return isms_risk_item_status_parse(&it->status, isms_stmt_text(st, 6));
}

/* ISMS_ENOTFOUND unless org `org_id` has risk `risk_id`. */
static int risk_exists(struct isms_store *store, int64_t org_id, int64_t risk_id)
{
    struct isms_db *db = isms_store_acquire(store);
    int64_t exists;
    int error = isms_store_query_int64(&exists, db,
                                       "SELECT count(*) FROM risks WHERE org_id = $1 AND id = $2",
                                       (const int64_t[]){org_id, risk_id}, 2);

    isms_store_release(store, db);
    if (error < 0)
        return error;
    return exists ? 0 : not_found(risk_id);
}

int isms_store_risk_items(struct isms_risk_treatment_item **out, size_t *count,
                          struct isms_store *store, int64_t org_id, int64_t risk_id)
{
    const struct isms_store_select q = {
        .sql = "SELECT " ITEM_COLUMNS " FROM risk_treatment_items t "
               "WHERE t.org_id = $1 AND t.risk_id = $2 ORDER BY t.due_date, t.id",
        .params = (const int64_t[]){org_id, risk_id},
        .param_count = 2,
        .read = read_item,
        .item_size = sizeof(**out),
    };
    int error;

    if ((error = risk_exists(store, org_id, risk_id)) < 0)
        return error;
    return isms_store_select_all((void **)out, count, store, &q);
}

static json_t *item_detail(const struct isms_risk_treatment_item *it)
{
    return json_pack("{s:I, s:s, s:s, s:s, s:s}", "item", (json_int_t)it->id, "action", it->action,
                     "owner", it->owner, "due_date", it->due_date, "status",
                     isms_risk_item_status_name(it->status));
}

static int write_item(struct isms_db *db, struct isms_risk_treatment_item *it)
{
    struct isms_stmt *st = NULL;
    bool insert = it->id == 0;
    int error;

    error = isms_db_prepare(
        &st, db,
        insert ? "INSERT INTO risk_treatment_items (org_id, risk_id, action, owner, due_date, "
                 "status, created_at, updated_at) SELECT $1, $2, $4, $5, $6, $7, $8, $8 "
                 "WHERE EXISTS (SELECT 1 FROM risks WHERE org_id = $1 AND id = $2) "
                 "AND $3 = 0 RETURNING id"
               : "UPDATE risk_treatment_items SET action = $4, owner = $5, due_date = $6, "
                 "status = $7, updated_at = $8 WHERE org_id = $1 AND risk_id = $2 AND id = $3 "
                 "RETURNING id");
    if (error >= 0 && (error = isms_stmt_bind_int64(st, 1, it->org_id)) >= 0 &&
        (error = isms_stmt_bind_int64(st, 2, it->risk_id)) >= 0 &&
        (error = isms_stmt_bind_int64(st, 3, it->id)) >= 0 &&
        (error = isms_stmt_bind_text(st, 4, it->action)) >= 0 &&
        (error = isms_stmt_bind_text(st, 5, it->owner)) >= 0 &&
        (error = isms_stmt_bind_text(st, 6, it->due_date)) >= 0 &&
        (error = isms_stmt_bind_text(st, 7, isms_risk_item_status_name(it->status))) >= 0 &&
        (error = isms_stmt_bind_text(st, 8, it->updated_at)) >= 0) {
        if ((error = isms_stmt_step(st)) == 1) {
            it->id = isms_stmt_int64(st, 0);
            error = 0;
        } else if (error == 0) {
            error = insert
                        ? not_found(it->risk_id)
                        : isms_error_set(ISMS_ENOTFOUND,
                                         "treatment item %" PRId64 " of risk %" PRId64 " not found",
                                         it->id, it->risk_id);
        }
    }
    isms_stmt_finalize(st);
    return error;
}

struct item_write {
    struct isms_risk_treatment_item *item;
    const char *action;
};

static int item_save_journaled(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    const struct item_write *w = ctx;
    int error;

    if ((error = write_item(db, w->item)) < 0)
        return error;
    return journal_risk(db, actor, w->item->org_id, w->action, w->item->risk_id,
                      item_detail(w->item));
}

int isms_store_risk_item_save(struct isms_store *store, struct isms_risk_treatment_item *it,
                              const struct isms_actor *actor)
{
    struct item_write w = {it, it->id ? "risk.treatment.update" : "risk.treatment.create"};

    return isms_store_write(store, actor, NULL, item_save_journaled, &w);
}

struct item_delete {
    int64_t org_id;
    int64_t risk_id;
    int64_t item_id;
};

static int item_delete_journaled(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    const struct item_delete *d = ctx;
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db,
                                 "DELETE FROM risk_treatment_items WHERE org_id = $1 "
                                 "AND risk_id = $2 AND id = $3")) >= 0 &&
        (error = isms_stmt_bind_int64(st, 1, d->org_id)) >= 0 &&
        (error = isms_stmt_bind_int64(st, 2, d->risk_id)) >= 0 &&
        (error = isms_stmt_bind_int64(st, 3, d->item_id)) >= 0 &&
        (error = isms_stmt_step(st)) >= 0 && isms_stmt_changes(st) == 0)
        error = isms_error_set(ISMS_ENOTFOUND,
                               "treatment item %" PRId64 " of risk %" PRId64 " not found",
                               d->item_id, d->risk_id);
    isms_stmt_finalize(st);
    if (error < 0)
        return error;
    return journal_risk(db, actor, d->org_id, "risk.treatment.delete", d->risk_id,
                      json_pack("{s:I}", "item", (json_int_t)d->item_id));
}

int isms_store_risk_item_delete(struct isms_store *store, int64_t org_id, int64_t risk_id,
                                int64_t item_id, const struct isms_actor *actor)
{
    struct item_delete d = {org_id, risk_id, item_id};

    return isms_store_write(store, actor, NULL, item_delete_journaled, &d);
}

/* --- the treatment plan --- */

/* Plan rows as they arrive; rows[0..count) release with isms_risk_plan_release(). */
struct plan_rows {
    struct isms_risk_plan_row *rows;
    size_t count, cap;
};

static int add_plan_row(void *ctx, struct isms_stmt *st)
{
    struct plan_rows *p = ctx;
    struct isms_risk_plan_row *row;
    int error;

    if ((error = ISMS_ARRAY_RESERVE(p->rows, p->cap, p->count)) < 0)
        return error;
    row = &p->rows[p->count++];
    memset(row, 0, sizeof(*row));
    /* A decided risk without plan items is one row with no item. */
    row->has_item = !isms_stmt_is_null(st, 0);
    if (row->has_item && (error = read_item(&row->item, st)) < 0)
        return error;
    row->item.risk_id = isms_stmt_int64(st, 19);
    row->risk_number = isms_stmt_int64(st, 20);
    isms_store_copy_text(row->risk_title, sizeof(row->risk_title), isms_stmt_text(st, 9));
    isms_store_copy_text(row->risk_owner, sizeof(row->risk_owner), isms_stmt_text(st, 10));
    row->level = (int)isms_stmt_int64(st, 11);
    row->band = (enum isms_risk_band)isms_stmt_int64(st, 12);
    if (!isms_stmt_is_null(st, 13) &&
        (error = isms_risk_treatment_parse(&row->treatment, isms_stmt_text(st, 13))) < 0)
        return error;
    row->has_residual = !isms_stmt_is_null(st, 14);
    row->residual_level = (int)isms_stmt_int64(st, 14);
    row->residual_acceptable = isms_stmt_int64(st, 15) != 0;
    isms_store_copy_text(row->accepted_by, sizeof(row->accepted_by), isms_stmt_text(st, 16));
    isms_store_copy_text(row->accepted_at, sizeof(row->accepted_at), isms_stmt_text(st, 17));
    return isms_store_dup_text(&row->controls, isms_stmt_text(st, 18));
}

/* Hands the rows out on success, frees them on error. */
static int plan_rows_done(struct isms_risk_plan_row **out, size_t *count, struct plan_rows *p,
                          int error)
{
    if (error < 0) {
        isms_risk_plan_release(p->rows, p->count);
        return error;
    }
    *out = p->rows;
    *count = p->count;
    return 0;
}

#define PLAN_COLUMNS                                                                               \
    ITEM_COLUMNS ", r.title, r.owner, r.level, r.band, r.treatment, r.residual_level, "            \
                 "r.residual_acceptable, r.accepted_by, r.accepted_at, "

#define PLAN_FROM                                                                                  \
    " FROM risk_treatment_items t JOIN risks r ON r.org_id = t.org_id AND r.id = t.risk_id"

int isms_store_risk_plan(struct isms_risk_plan_row **out, size_t *count, struct isms_store *store,
                         int64_t org_id)
{
    struct isms_db *db = isms_store_acquire(store);
    struct plan_rows p = {0};
    int error;

    error = isms_store_each_row(db,
                                "SELECT " PLAN_COLUMNS "(SELECT group_concat(control_id, ', ') "
                                "FROM (SELECT c.control_id FROM risk_controls c "
                                "WHERE c.org_id = r.org_id AND c.risk_id = r.id "
                                "ORDER BY c.control_id)), r.id, r.number"
                                " FROM risks r LEFT JOIN risk_treatment_items t "
                                "ON t.org_id = r.org_id AND t.risk_id = r.id "
                                "WHERE r.org_id = $1 AND (r.treatment IS NOT NULL OR t.id IS NOT "
                                "NULL OR EXISTS (SELECT 1 FROM risk_controls c "
                                "WHERE c.org_id = r.org_id AND c.risk_id = r.id)) "
                                "ORDER BY r.id, t.due_date, t.id",
                                (const int64_t[]){org_id}, 1, add_plan_row, &p);
    isms_store_release(store, db);
    return plan_rows_done(out, count, &p, error);
}

/* --- links --- */

/* The customer side's journal detail: which provider risk it now depends on. */
static json_t *link_detail(int64_t provider_org_id, int64_t provider_risk_id)
{
    if (!provider_org_id)
        return json_pack("{s:n}", "provider_org");
    return json_pack("{s:I, s:I}", "provider_org", (json_int_t)provider_org_id, "provider_risk",
                     (json_int_t)provider_risk_id);
}

struct risk_link {
    int64_t org_id;
    int64_t risk_id;
    int64_t provider_org_id; /* 0: unlink */
    int64_t provider_risk_id;
};

static int write_link(struct isms_db *db, const struct risk_link *l)
{
    struct isms_stmt *st = NULL;
    char now[ISMS_TIMESTAMP_SIZE];
    int error;

    isms_time_now(now);
    if ((error = isms_db_prepare(&st, db,
                                 "UPDATE risks SET provider_org_id = $3, "
                                 "provider_risk_id = $4, updated_at = $5 "
                                 "WHERE org_id = $1 AND id = $2")) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, l->org_id)) < 0 ||
        (error = isms_stmt_bind_int64(st, 2, l->risk_id)) < 0 ||
        (error = l->provider_org_id ? isms_stmt_bind_int64(st, 3, l->provider_org_id)
                                    : isms_stmt_bind_null(st, 3)) < 0 ||
        (error = l->provider_org_id ? isms_stmt_bind_int64(st, 4, l->provider_risk_id)
                                    : isms_stmt_bind_null(st, 4)) < 0 ||
        (error = isms_stmt_bind_text(st, 5, now)) < 0)
        goto done;
    if ((error = isms_stmt_step(st)) >= 0 && isms_stmt_changes(st) == 0)
        error = not_found(l->risk_id);
done:
    isms_stmt_finalize(st);
    return error < 0 ? error : 0;
}

/* The provider side's journal row: which customer org linked to (or left) its
 * risk - the customer's risk id is not the provider's to know. */
static int journal_provider(struct isms_db *db, const struct isms_actor *actor, int64_t org_id,
                          int64_t provider_org_id, int64_t provider_risk_id, bool linked)
{
    if (!provider_org_id)
        return 0;
    return journal_risk(
        db, actor, provider_org_id, "risk.linked", provider_risk_id,
        json_pack("{s:I, s:b}", "customer_org", (json_int_t)org_id, "linked", linked));
}

/* The provider risk must still be shared when the link is written. */
static int check_shared(struct isms_db *db, const struct risk_link *l)
{
    int64_t shared;
    int error;

    if (!l->provider_org_id)
        return 0;
    if ((error = isms_store_query_int64(&shared, db,
                                        "SELECT count(*) FROM risks WHERE org_id = $1 "
                                        "AND id = $2 AND shared = 1",
                                        (const int64_t[]){l->provider_org_id, l->provider_risk_id},
                                        2)) < 0)
        return error;
    return shared ? 0
                  : isms_error_set(ISMS_ENOTFOUND, "shared risk %" PRId64 " not found",
                                   l->provider_risk_id);
}

static int link_journaled(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    const struct risk_link *l = ctx;
    struct isms_risk old;
    bool changed;
    int error;

    if ((error = select_risk(&old, db, SELECT_RISK, l->org_id, l->risk_id)) < 0 ||
        (error = check_shared(db, l)) < 0 || (error = write_link(db, l)) < 0 ||
        (error = journal_risk(db, actor, l->org_id, l->provider_org_id ? "risk.link" : "risk.unlink",
                            l->risk_id, link_detail(l->provider_org_id, l->provider_risk_id))) < 0)
        goto done;
    changed =
        old.provider_org_id != l->provider_org_id || old.provider_risk_id != l->provider_risk_id;
    if (changed && (error = journal_provider(db, actor, l->org_id, old.provider_org_id,
                                           old.provider_risk_id, false)) < 0)
        goto done;
    if (changed)
        error = journal_provider(db, actor, l->org_id, l->provider_org_id, l->provider_risk_id, true);
done:
    isms_risk_release(&old);
    return error;
}

int isms_store_risk_link(struct isms_store *store, int64_t org_id, int64_t risk_id,
                         int64_t provider_org_id, int64_t provider_risk_id,
                         const struct isms_actor *actor)
{
    struct risk_link l = {org_id, risk_id, provider_org_id, provider_risk_id};

    return isms_store_write(store, actor, NULL, link_journaled, &l);
}

static int read_dependent(void *item, struct isms_stmt *st)
{
    struct isms_risk_dependent *d = item;

    d->org_id = isms_stmt_int64(st, 0);
    isms_store_copy_text(d->org_slug, sizeof(d->org_slug), isms_stmt_text(st, 1));
    isms_store_copy_text(d->org_name, sizeof(d->org_name), isms_stmt_text(st, 2));
    d->risk_count = isms_stmt_int64(st, 3);
    return 0;
}

int isms_store_risk_dependents(struct isms_risk_dependent **out, size_t *count,
                               struct isms_store *store, int64_t org_id, int64_t risk_id)
{
    /* Only the customer orgs' names and counts: see isms/risk_link.h. */
    const struct isms_store_select q = {
        .sql = "SELECT o.id, o.slug, o.name, count(*) FROM risks c "
               "JOIN orgs o ON o.id = c.org_id "
               "WHERE c.provider_org_id = $1 AND c.provider_risk_id = $2 "
               "GROUP BY o.id, o.slug, o.name ORDER BY o.name",
        .params = (const int64_t[]){org_id, risk_id},
        .param_count = 2,
        .read = read_dependent,
        .item_size = sizeof(**out),
    };

    return isms_store_select_all((void **)out, count, store, &q);
}

struct linked_visit {
    isms_store_risk_linked_fn visit;
    void *ctx;
    size_t count;
};

/* A row of LINKED_SHARED: the provider's risk, then the index of the
 * customer's risk among the ids given, the provider's slug and name. */
static int read_linked(void *ctx, struct isms_stmt *st)
{
    const struct linked_visit *v = ctx;
    struct isms_risk shared = {0};
    struct isms_org provider = {0};
    int64_t index = isms_stmt_int64(st, RISK_COLUMN_COUNT);
    int error;

    if (index < 0 || (size_t)index >= v->count)
        ISMS_BUG("json_each returned an index outside its array");
    if ((error = read_risk(&shared, st)) >= 0) {
        provider.id = shared.org_id;
        isms_store_copy_text(provider.slug, sizeof(provider.slug),
                             isms_stmt_text(st, RISK_COLUMN_COUNT + 1));
        isms_store_copy_text(provider.name, sizeof(provider.name),
                             isms_stmt_text(st, RISK_COLUMN_COUNT + 2));
        error = v->visit(v->ctx, (size_t)index, &provider, &shared);
    }
    isms_risk_release(&shared);
    return error;
}

/* The ids travel as one JSON array bound to $2, so the statement text is
 * the same for every page (one cached statement) and the customer's risks
 * are still read only through `c.org_id = $1`; the provider's risk must be
 * shared by the org the link names (see isms/risk_link.h). */
#define LINKED_SHARED                                                                              \
    "SELECT " RISK_COLUMNS ", j.key, o.slug, o.name FROM json_each($2) j "                         \
    "JOIN risks c ON c.org_id = $1 AND c.id = j.value "                                           \
    "JOIN risks r ON r.org_id = c.provider_org_id AND r.id = c.provider_risk_id "                  \
    "AND r.shared = 1 JOIN orgs o ON o.id = r.org_id"

int isms_store_risk_linked_shared(struct isms_store *store, int64_t org_id,
                                  const int64_t *risk_ids, size_t count,
                                  isms_store_risk_linked_fn visit, void *ctx)
{
    struct linked_visit v = {visit, ctx, count};
    struct isms_buf ids = ISMS_BUF_INIT(count * 21 + 3);
    struct isms_db *db;
    int error = isms_buf_putc(&ids, '[');

    for (size_t i = 0; i < count && error >= 0; i++)
        error = isms_buf_printf(&ids, i ? ",%" PRId64 : "%" PRId64, risk_ids[i]);
    if (error >= 0)
        error = isms_buf_putc(&ids, ']');
    if (error < 0 || count == 0) {
        isms_buf_release(&ids);
        return error < 0 ? error : 0;
    }
    db = isms_store_acquire(store);
    error = each_row_text(db, LINKED_SHARED, org_id, isms_buf_cstr(&ids), NULL, read_linked, &v);
    isms_store_release(store, db);
    isms_buf_release(&ids);
    return error;
}

/* Reads a page of risks and the total: `count_sql` takes $1 = params[0]
 * (the org), `rows_sql` every parameter, $2 = params[1] being its LIMIT. */
static int read_list(struct isms_risk_list *out, struct isms_store *store, const char *count_sql,
                     const char *rows_sql, const int64_t *params, size_t param_count)
{
    struct isms_db *db = isms_store_acquire(store);
    int error;

    if ((error = page_init(out, params[1])) >= 0 &&
        (error = isms_store_query_int64(&out->total, db, count_sql, params, 1)) >= 0)
        error = isms_store_each_row(db, rows_sql, params, param_count, page_add, out);
    isms_store_release(store, db);
    if (error < 0)
        isms_risk_list_release(out);
    return error < 0 ? error : 0;
}

int isms_store_risk_shared_list(struct isms_risk_list *out, struct isms_store *store,
                                int64_t provider_org_id, int64_t limit, int64_t offset)
{
    return read_list(out, store, "SELECT count(*) FROM risks WHERE org_id = $1 AND shared = 1",
                     "SELECT " RISK_COLUMNS " FROM risks r WHERE r.org_id = $1 AND r.shared = 1 "
                     "ORDER BY r.id LIMIT $2 OFFSET $3",
                     (const int64_t[]){provider_org_id, limit, offset}, 3);
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

#define OVERDUE_WHERE                                                                              \
    " WHERE t.org_id = $1 AND t.due_date < $2 AND t.status IN ('planned', 'in_progress')"

int isms_store_risk_overdue_items(struct isms_risk_plan_row **out, size_t *count, int64_t *total,
                                  struct isms_store *store, int64_t org_id, const char *today,
                                  int64_t limit)
{
    struct isms_db *db = isms_store_acquire(store);
    struct plan_rows p = {0};
    int error;

    *total = 0;
    if ((error = each_row_text(db, "SELECT count(*) FROM risk_treatment_items t" OVERDUE_WHERE,
                               org_id, today, NULL, read_count, total)) >= 0)
        error = each_row_text(db,
                              "SELECT " PLAN_COLUMNS "'', t.risk_id, r.number" PLAN_FROM OVERDUE_WHERE
                              " ORDER BY t.due_date, t.risk_id, t.id LIMIT $3",
                              org_id, today, &limit, add_plan_row, &p);
    isms_store_release(store, db);
    return plan_rows_done(out, count, &p, error);
}

#define AWAITING_WHERE                                                                             \
    " WHERE r.org_id = $1 AND r.residual_acceptable = 0 AND r.accepted_at IS NULL"

int isms_store_risk_awaiting_acceptance(struct isms_risk_list *out, struct isms_store *store,
                                        int64_t org_id, int64_t limit)
{
    return read_list(out, store, "SELECT count(*) FROM risks r" AWAITING_WHERE,
                     "SELECT " RISK_COLUMNS " FROM risks r" AWAITING_WHERE
                     " ORDER BY r.residual_level DESC, r.id LIMIT $2",
                     (const int64_t[]){org_id, limit}, 2);
}

int isms_store_risk_overdue_count(int64_t *out, struct isms_store *store, int64_t org_id,
                                  int64_t risk_id, const char *today)
{
    struct isms_db *db = isms_store_acquire(store);
    const int64_t limit = risk_id; /* $3: the risk, bound like each_row_text's limit */
    int error;

    *out = 0;
    error = each_row_text(db,
                          "SELECT count(*) FROM risk_treatment_items t WHERE t.org_id = $1 "
                          "AND t.due_date < $2 AND t.risk_id = $3 "
                          "AND t.status IN ('planned', 'in_progress')",
                          org_id, today, &limit, read_count, out);
    isms_store_release(store, db);
    return error;
}

int isms_store_risk_owner_find(int64_t *user_id, char *shown, size_t shown_size,
                               struct isms_store *store, int64_t org_id, const char *name)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_stmt *st = NULL;
    int error;

    *user_id = 0;
    if ((error = isms_db_prepare(&st, db,
                                 "SELECT u.id, CASE WHEN u.display_name <> '' THEN u.display_name "
                                 "ELSE u.name END FROM users u "
                                 "WHERE u.disabled = 0 AND (u.name = $2 OR u.display_name = $2) "
                                 "AND (u.is_admin = 1 OR EXISTS (SELECT 1 FROM memberships m "
                                 "WHERE m.org_id = $1 AND m.user_id = u.id)) "
                                 "ORDER BY (u.name = $2) DESC, u.id LIMIT 1")) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, org_id)) < 0 ||
        (error = isms_stmt_bind_text(st, 2, name)) < 0)
        goto done;
    if ((error = isms_stmt_step(st)) == 1) {
        *user_id = isms_stmt_int64(st, 0);
        isms_store_copy_text(shown, shown_size, isms_stmt_text(st, 1));
        error = 0;
    }
done:
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    return error < 0 ? error : 0;
}
