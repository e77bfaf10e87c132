#include "isms_setup.h"
#include <jansson.h>
#include "store/db.h"
#include "store/risk_rows.h"
#include "store/risks.h"
#include "store/store.h"
#include "util/array.h"
#include "util/error.h"

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
    return isms_store_risk_journal(db, actor, r->org_id, "risk.create", r->id,
                                   isms_store_risk_detail(r));
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
    return isms_store_risk_journal(db, actor, b->org_id, "risk.import", b->first_id,
                                   json_pack("{s:I, s:I}", "count", (json_int_t)b->count,
                                             "first_id", (json_int_t)b->first_id));
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
        error = isms_store_risk_not_found(r->id);
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
        error = isms_store_risk_refuse_if_depended_on(db, r->org_id, r->id, "stop sharing");
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
    return isms_store_risk_journal(db, actor, r->org_id, "risk.update", r->id,
                                   isms_store_risk_detail(r));
}

int isms_store_risk_update(struct isms_store *store, const struct isms_risk *r,
                           bool clear_acceptance, const struct isms_actor *actor)
{
    struct risk_update u = {r, clear_acceptance};

    return isms_store_write(store, actor, NULL, update_journaled, &u);
}

/* --- reading one risk --- */

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

    if ((error = isms_store_risk_select(out, db, SELECT_RISK, org_id, id)) >= 0)
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
    int error = isms_store_risk_select(out, db, SELECT_RISK " AND r.shared = 1", org_id, id);

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
    json_t *detail = json_pack("{s:s, s:s, s:i, s:i}", "accepted_by", a->accepted_by, "accepted_at",
                               a->accepted_at, "residual_level", a->residual_level, "overdue_items",
                               a->overdue_items);

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
        (error = a->reason ? isms_stmt_bind_text(st, 9, a->reason) : isms_stmt_bind_null(st, 9)) >=
            0 &&
        (error = isms_stmt_bind_int64(st, 10, a->overdue_items)) >= 0 &&
        (error = isms_stmt_step(st)) >= 0 && isms_stmt_changes(st) == 0)
        error = isms_store_risk_not_found(w->id);
    isms_stmt_finalize(st);
    if (error < 0)
        return error;
    return isms_store_risk_journal(db, actor, w->org_id, "risk.accept", w->id,
                                   acceptance_detail(a));
}

int isms_store_risk_accept(struct isms_store *store, int64_t org_id, int64_t id,
                           const struct isms_risk_acceptance *acceptance,
                           const struct isms_actor *actor)
{
    struct risk_acceptance_write w = {org_id, id, acceptance};

    return isms_store_write(store, actor, NULL, accept_journaled, &w);
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
