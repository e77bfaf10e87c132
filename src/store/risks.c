#include "isms_setup.h"
#include <jansson.h>
#include "isms/risk.h"
#include "isms/risk_link.h"
#include "isms/risk_treatment.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/risks.h"
#include "store/soa.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/time.h"

/* Column order matters: read_row() reads them by position. */
#define RISK_COLUMNS                                                                           \
    "r.id, r.org_id, r.title, r.threat_source, r.threat_id, r.risk_source, r.event, "         \
    "r.consequence, r.owner, r.matrix_key, r.likelihood, r.impact, r.vulnerability, "         \
    "r.level, r.band, r.treatment, r.residual_likelihood, r.residual_impact, "                \
    "r.residual_vulnerability, r.residual_level, r.residual_band, r.residual_acceptable, "    \
    "r.accepted_by, r.accepted_at, r.shared, r.provider_org_id, r.provider_risk_id, "         \
    "r.created_at, r.updated_at, "                                                             \
    "(SELECT count(*) FROM risk_treatment_items t WHERE t.org_id = r.org_id "                 \
    "AND t.risk_id = r.id AND t.status IN ('planned', 'in_progress')), "                      \
    "r.accepted_by_user_id"

static void copy_text(char *dst, size_t size, const char *src)
{
    snprintf(dst, size, "%s", src ? src : "");
}

/* Grows *array of `size`-byte elements so index n fits. */
static int grow(void **array, size_t *cap, size_t n, size_t size)
{
    void *grown;

    if (n < *cap)
        return 0;
    *cap = *cap ? *cap * 2 : 16;
    if (!(grown = realloc(*array, *cap * size)))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    *array = grown;
    return 0;
}

static int dup_text(char **field, const char *value)
{
    char *copy = strdup(value ? value : "");

    if (!copy)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    free(*field);
    *field = copy;
    return 0;
}

static int read_row(struct isms_risk *r, struct isms_stmt *st)
{
    int error;

    r->id = isms_stmt_int64(st, 0);
    r->org_id = isms_stmt_int64(st, 1);
    copy_text(r->title, sizeof(r->title), isms_stmt_text(st, 2));
    copy_text(r->threat_source, sizeof(r->threat_source), isms_stmt_text(st, 3));
    copy_text(r->threat_id, sizeof(r->threat_id), isms_stmt_text(st, 4));
    if ((error = dup_text(&r->risk_source, isms_stmt_text(st, 5))) < 0 ||
        (error = dup_text(&r->event, isms_stmt_text(st, 6))) < 0 ||
        (error = dup_text(&r->consequence, isms_stmt_text(st, 7))) < 0)
        return error;
    copy_text(r->owner, sizeof(r->owner), isms_stmt_text(st, 8));
    copy_text(r->matrix_key, sizeof(r->matrix_key), isms_stmt_text(st, 9));
    r->score.likelihood = (int)isms_stmt_int64(st, 10);
    r->score.impact = (int)isms_stmt_int64(st, 11);
    r->score.vulnerability = (int)isms_stmt_int64(st, 12);
    r->level = (int)isms_stmt_int64(st, 13);
    r->band = (enum isms_risk_band)isms_stmt_int64(st, 14);
    r->treatment = ISMS_RISK_TREATMENT_UNSET;
    if (!isms_stmt_is_null(st, 15) &&
        (error = isms_risk_treatment_parse(&r->treatment, isms_stmt_text(st, 15))) < 0)
        return error;
    r->has_residual = !isms_stmt_is_null(st, 19);
    r->residual.likelihood = (int)isms_stmt_int64(st, 16);
    r->residual.impact = (int)isms_stmt_int64(st, 17);
    r->residual.vulnerability = (int)isms_stmt_int64(st, 18);
    r->residual_level = (int)isms_stmt_int64(st, 19);
    r->residual_band = (enum isms_risk_band)isms_stmt_int64(st, 20);
    r->residual_acceptable = isms_stmt_int64(st, 21) != 0;
    copy_text(r->accepted_by, sizeof(r->accepted_by), isms_stmt_text(st, 22));
    copy_text(r->accepted_at, sizeof(r->accepted_at), isms_stmt_text(st, 23));
    r->shared = isms_stmt_int64(st, 24) != 0;
    r->provider_org_id = isms_stmt_int64(st, 25);
    r->provider_risk_id = isms_stmt_int64(st, 26);
    copy_text(r->created_at, sizeof(r->created_at), isms_stmt_text(st, 27));
    copy_text(r->updated_at, sizeof(r->updated_at), isms_stmt_text(st, 28));
    r->open_items = (int)isms_stmt_int64(st, 29);
    r->accepted_by_user_id = isms_stmt_int64(st, 30);
    r->status = isms_risk_status_of(r);
    return 0;
}

/* Finishes a write transaction: commit on success, roll back otherwise. */
static int finish(struct isms_db *db, int error)
{
    if (error < 0) {
        isms_db_rollback(db);
        return error;
    }
    return isms_db_commit(db);
}

static int audit(struct isms_db *db, const struct isms_actor *actor, int64_t org_id,
                 const char *action, int64_t risk_id, const char *detail)
{
    char entity[32];

    snprintf(entity, sizeof(entity), "risk:%" PRId64, risk_id);
    return isms_store_audit_append(db, actor,
                                   &(struct isms_audit_event){org_id, action, entity, detail});
}

/* Binds the inputs and computed fields $2..$24 shared by insert and update. */
static int bind_fields(struct isms_stmt *st, const struct isms_risk *r)
{
    const char *treatment = isms_risk_treatment_name(r->treatment);
    int error;

    if ((error = isms_stmt_bind_text(st, 2, r->title)) < 0 ||
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
    if (!r->has_residual) {
        for (int i = 16; i <= 20; i++)
            if ((error = isms_stmt_bind_null(st, i)) < 0)
                return error;
        return 0;
    }
    if ((error = isms_stmt_bind_int64(st, 16, r->residual.likelihood)) < 0 ||
        (error = isms_stmt_bind_int64(st, 17, r->residual.impact)) < 0 ||
        (error = isms_stmt_bind_int64(st, 18, r->residual.vulnerability)) < 0 ||
        (error = isms_stmt_bind_int64(st, 19, r->residual_level)) < 0 ||
        (error = isms_stmt_bind_int64(st, 20, r->residual_band)) < 0)
        return error;
    return 0;
}

static int residual_acceptable_bind(struct isms_stmt *st, const struct isms_risk *r)
{
    return r->has_residual ? isms_stmt_bind_int64(st, 23, r->residual_acceptable)
                           : isms_stmt_bind_null(st, 23);
}

static int insert_assets(struct isms_db *db, const struct isms_risk *r)
{
    struct isms_stmt *st = NULL;
    int error = 0;

    for (size_t i = 0; i < r->asset_count && error >= 0; i++) {
        if ((error = isms_db_prepare(&st, db, "INSERT INTO risk_assets (org_id, risk_id, asset_id) "
                                              "VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")) < 0)
            break;
        if ((error = isms_stmt_bind_int64(st, 1, r->org_id)) >= 0 &&
            (error = isms_stmt_bind_int64(st, 2, r->id)) >= 0 &&
            (error = isms_stmt_bind_int64(st, 3, r->asset_ids[i])) >= 0)
            error = isms_stmt_step(st);
        if (error == ISMS_ECONFLICT)
            error = isms_error_set(ISMS_ENOTFOUND, "asset %" PRId64 " not found",
                                   r->asset_ids[i]);
        isms_stmt_finalize(st);
        st = NULL;
    }
    return error < 0 ? error : 0;
}

static int exec_ids(struct isms_db *db, const char *sql, int64_t a, int64_t b)
{
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db, sql)) >= 0 &&
        (error = isms_stmt_bind_int64(st, 1, a)) >= 0 &&
        (error = isms_stmt_bind_int64(st, 2, b)) >= 0)
        error = isms_stmt_step(st);
    isms_stmt_finalize(st);
    return error < 0 ? error : 0;
}

/* One integer from a query with $1 and $2. */
static int query_count(int64_t *out, struct isms_db *db, const char *sql, int64_t a, int64_t b)
{
    struct isms_stmt *st = NULL;
    int error;

    *out = 0;
    if ((error = isms_db_prepare(&st, db, sql)) >= 0 &&
        (error = isms_stmt_bind_int64(st, 1, a)) >= 0 &&
        (error = isms_stmt_bind_int64(st, 2, b)) >= 0 && (error = isms_stmt_step(st)) == 1)
        *out = isms_stmt_int64(st, 0);
    isms_stmt_finalize(st);
    return error < 0 ? error : 0;
}

static int dependents_on(int64_t *out, struct isms_db *db, int64_t org_id, int64_t risk_id)
{
    return query_count(out, db,
                       "SELECT count(*) FROM risks WHERE provider_org_id = $1 "
                       "AND provider_risk_id = $2",
                       org_id, risk_id);
}

static int refuse_if_depended_on(struct isms_db *db, int64_t org_id, int64_t risk_id,
                                 const char *what)
{
    int64_t n;
    int error;

    if ((error = dependents_on(&n, db, org_id, risk_id)) < 0)
        return error;
    if (n > 0)
        return isms_error_set(ISMS_ECONFLICT,
                              "cannot %s risk %" PRId64 ": %" PRId64 " customer risk%s depend%s "
                              "on it",
                              what, risk_id, n, n == 1 ? "" : "s", n == 1 ? "s" : "");
    return 0;
}

/* What the audit log records of a created or updated risk. */
static int risk_detail(char **out, const struct isms_risk *r)
{
    const char *treatment = isms_risk_treatment_name(r->treatment);
    json_t *detail = json_pack("{s:s, s:s, s:s, s:i, s:i, s:i, s:s?, s:b}", "title", r->title,
                               "owner", r->owner, "matrix", r->matrix_key, "likelihood",
                               r->score.likelihood, "impact", r->score.impact, "level", r->level,
                               "treatment", treatment, "shared", r->shared);

    if (detail && r->has_residual &&
        json_object_set_new(detail, "residual_level", json_integer(r->residual_level)) < 0) {
        json_decref(detail);
        detail = NULL;
    }
    *out = detail ? json_dumps(detail, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    json_decref(detail);
    return *out ? 0 : isms_error_set(ISMS_ENOMEM, "out of memory");
}

/* Inserts the row and its assets on `db` (inside the caller's transaction). */
static int insert_row(struct isms_db *db, struct isms_risk *r)
{
    struct isms_stmt *st = NULL;
    int error;

    error = isms_db_prepare(
        &st, db,
        "INSERT INTO risks (org_id, title, threat_source, threat_id, risk_source, event, "
        "consequence, owner, matrix_key, likelihood, impact, vulnerability, level, band, "
        "treatment, residual_likelihood, residual_impact, residual_vulnerability, residual_level, "
        "residual_band, shared, updated_at, residual_acceptable, created_at) VALUES ($1, $2, $3, "
        "$4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, "
        "$23, $22) RETURNING id");
    if (error >= 0 && (error = isms_stmt_bind_int64(st, 1, r->org_id)) >= 0 &&
        (error = bind_fields(st, r)) >= 0 && (error = residual_acceptable_bind(st, r)) >= 0 &&
        (error = isms_stmt_step(st)) == 1) {
        r->id = isms_stmt_int64(st, 0);
        error = 0;
    }
    isms_stmt_finalize(st);
    return error < 0 ? error : insert_assets(db, r);
}

int isms_store_risk_insert(struct isms_store *store, struct isms_risk *r,
                           const struct isms_actor *actor)
{
    struct isms_db *db = isms_store_acquire(store);
    char *detail = NULL;
    int error;

    if ((error = risk_detail(&detail, r)) < 0 || (error = isms_db_begin(db)) < 0)
        goto done;
    error = insert_row(db, r);
    if (error >= 0)
        error = audit(db, actor, r->org_id, "risk.create", r->id, detail);
    error = finish(db, error);
done:
    free(detail);
    isms_store_release(store, db);
    return error;
}

int isms_store_risk_insert_many(int64_t *first_id_out, struct isms_store *store, int64_t org_id,
                                size_t count, isms_store_risk_next_fn next, void *ctx,
                                const struct isms_actor *actor)
{
    struct isms_db *db = isms_store_acquire(store);
    int64_t first = 0;
    char detail[64];
    int error;

    if ((error = isms_db_begin(db)) < 0)
        goto done;
    for (size_t i = 0; error >= 0 && i < count; i++) {
        struct isms_risk r = {.org_id = org_id};
        if ((error = next(&r, i, ctx)) >= 0 && (error = insert_row(db, &r)) >= 0 && i == 0)
            first = r.id;
        isms_risk_release(&r);
    }
    snprintf(detail, sizeof(detail), "{\"count\":%zu,\"first_id\":%" PRId64 "}", count, first);
    if (error >= 0)
        error = audit(db, actor, org_id, "risk.import", first, detail);
    error = finish(db, error);
    /* A bulk import changes the data's shape: refresh the planner's statistics
     * so list filters pick their selective index (e.g. owner over band). */
    if (error >= 0)
        error = isms_db_exec(db, "ANALYZE risks");
    if (error >= 0 && first_id_out)
        *first_id_out = first;
done:
    isms_store_release(store, db);
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
              "accepted_at = NULL, accepted_by_user_id = NULL WHERE org_id = $1 AND id = $24"
            : "UPDATE risks SET title = $2, threat_source = $3, threat_id = $4, "
              "risk_source = $5, event = $6, consequence = $7, owner = $8, matrix_key = $9, "
              "likelihood = $10, impact = $11, vulnerability = $12, level = $13, band = $14, "
              "treatment = $15, residual_likelihood = $16, residual_impact = $17, "
              "residual_vulnerability = $18, residual_level = $19, residual_band = $20, "
              "shared = $21, updated_at = $22, residual_acceptable = $23 "
              "WHERE org_id = $1 AND id = $24");
    if (error >= 0 && (error = isms_stmt_bind_int64(st, 1, r->org_id)) >= 0 &&
        (error = bind_fields(st, r)) >= 0 && (error = residual_acceptable_bind(st, r)) >= 0 &&
        (error = isms_stmt_bind_int64(st, 24, r->id)) >= 0 && (error = isms_stmt_step(st)) >= 0 &&
        isms_stmt_changes(st) == 0)
        error = isms_error_set(ISMS_ENOTFOUND, "risk %" PRId64 " not found", r->id);
    isms_stmt_finalize(st);
    return error < 0 ? error : 0;
}

int isms_store_risk_update(struct isms_store *store, const struct isms_risk *r,
                           bool clear_acceptance, const struct isms_actor *actor)
{
    struct isms_db *db = isms_store_acquire(store);
    char *detail = NULL;
    int error;

    if ((error = risk_detail(&detail, r)) < 0 || (error = isms_db_begin(db)) < 0)
        goto done;
    if (!r->shared)
        error = refuse_if_depended_on(db, r->org_id, r->id, "stop sharing");
    if (error >= 0)
        error = update_row(db, r, clear_acceptance);
    if (error >= 0)
        error = exec_ids(db, "DELETE FROM risk_assets WHERE org_id = $1 AND risk_id = $2",
                         r->org_id, r->id);
    if (error >= 0)
        error = insert_assets(db, r);
    if (error >= 0)
        error = audit(db, actor, r->org_id, "risk.update", r->id, detail);
    error = finish(db, error);
done:
    free(detail);
    isms_store_release(store, db);
    return error;
}

static int select_row(struct isms_risk *out, struct isms_db *db, int64_t org_id, int64_t id,
                      bool shared_only)
{
    struct isms_stmt *st = NULL;
    int error;

    memset(out, 0, sizeof(*out));
    error = isms_db_prepare(&st, db,
                            shared_only ? "SELECT " RISK_COLUMNS " FROM risks r "
                                          "WHERE r.org_id = $1 AND r.id = $2 AND r.shared = 1"
                                        : "SELECT " RISK_COLUMNS " FROM risks r "
                                          "WHERE r.org_id = $1 AND r.id = $2");
    if (error >= 0 && (error = isms_stmt_bind_int64(st, 1, org_id)) >= 0 &&
        (error = isms_stmt_bind_int64(st, 2, id)) >= 0) {
        if ((error = isms_stmt_step(st)) == 1)
            error = read_row(out, st);
        else if (error == 0)
            error = isms_error_set(ISMS_ENOTFOUND, "risk %" PRId64 " not found", id);
    }
    isms_stmt_finalize(st);
    return error;
}

static int read_assets(struct isms_risk *r, struct isms_db *db)
{
    struct isms_stmt *st = NULL;
    size_t cap = 0;
    int error;

    if ((error = isms_db_prepare(&st, db, "SELECT asset_id FROM risk_assets "
                                          "WHERE org_id = $1 AND risk_id = $2 "
                                          "ORDER BY asset_id")) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, r->org_id)) < 0 ||
        (error = isms_stmt_bind_int64(st, 2, r->id)) < 0)
        goto done;
    while ((error = isms_stmt_step(st)) == 1) {
        if (r->asset_count == cap) {
            int64_t *grown = realloc(r->asset_ids, (cap = cap ? cap * 2 : 8) * sizeof(*grown));
            if (!grown) {
                error = isms_error_set(ISMS_ENOMEM, "out of memory");
                goto done;
            }
            r->asset_ids = grown;
        }
        r->asset_ids[r->asset_count++] = isms_stmt_int64(st, 0);
    }
done:
    isms_stmt_finalize(st);
    return error;
}

static int read_controls(struct isms_risk *r, struct isms_db *db)
{
    struct isms_stmt *st = NULL;
    size_t cap = 0;
    int error;

    if ((error = isms_db_prepare(&st, db, "SELECT control_id FROM risk_controls "
                                          "WHERE org_id = $1 AND risk_id = $2 "
                                          "ORDER BY control_id")) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, r->org_id)) < 0 ||
        (error = isms_stmt_bind_int64(st, 2, r->id)) < 0)
        goto done;
    while ((error = isms_stmt_step(st)) == 1) {
        if (r->control_count == cap) {
            void *grown = realloc(r->controls, (cap = cap ? cap * 2 : 8) * sizeof(*r->controls));
            if (!grown) {
                error = isms_error_set(ISMS_ENOMEM, "out of memory");
                goto done;
            }
            r->controls = grown;
        }
        copy_text(r->controls[r->control_count++], sizeof(*r->controls), isms_stmt_text(st, 0));
    }
done:
    isms_stmt_finalize(st);
    return error;
}

int isms_store_risk_get(struct isms_risk *out, struct isms_store *store, int64_t org_id,
                        int64_t id)
{
    struct isms_db *db = isms_store_acquire(store);
    int64_t dependents = 0;
    int error;

    if ((error = select_row(out, db, org_id, id, false)) >= 0 &&
        (error = read_assets(out, db)) >= 0 && (error = read_controls(out, db)) >= 0 &&
        (error = dependents_on(&dependents, db, org_id, id)) >= 0)
        out->dependent_count = (int)dependents;
    isms_store_release(store, db);
    if (error < 0)
        isms_risk_release(out);
    return error < 0 ? error : 0;
}

int isms_store_risk_get_shared(struct isms_risk *out, struct isms_store *store, int64_t org_id,
                               int64_t id)
{
    struct isms_db *db = isms_store_acquire(store);
    int error = select_row(out, db, org_id, id, true);

    isms_store_release(store, db);
    if (error < 0)
        isms_risk_release(out);
    return error < 0 ? error : 0;
}

/* The audit detail of an acceptance: who is recorded, and whether it was
 * recorded for the owner by someone else (the event's actor). */
static char *acceptance_detail(const struct isms_risk_acceptance *a)
{
    json_t *detail = json_pack("{s:s, s:s}", "accepted_by", a->accepted_by, "accepted_at",
                               a->accepted_at);
    char *text = NULL;

    if (detail && a->accepted_by_user_id)
        json_object_set_new(detail, "accepted_by_user_id", json_integer(a->accepted_by_user_id));
    if (detail && a->on_behalf_of_owner)
        json_object_set_new(detail, "on_behalf_of_owner", json_true());
    if (detail)
        text = json_dumps(detail, JSON_COMPACT | JSON_SORT_KEYS);
    json_decref(detail);
    return text;
}

int isms_store_risk_accept(struct isms_store *store, int64_t org_id, int64_t id,
                           const struct isms_risk_acceptance *acceptance,
                           const struct isms_actor *actor)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_stmt *st = NULL;
    char *text = acceptance_detail(acceptance);
    int error;

    if (!text) {
        error = isms_error_set(ISMS_ENOMEM, "out of memory");
        goto done;
    }
    if ((error = isms_db_begin(db)) < 0)
        goto done;
    if ((error = isms_db_prepare(&st, db, "UPDATE risks SET accepted_by = $3, accepted_at = $4, "
                                          "accepted_by_user_id = $5 "
                                          "WHERE org_id = $1 AND id = $2")) >= 0 &&
        (error = isms_stmt_bind_int64(st, 1, org_id)) >= 0 &&
        (error = isms_stmt_bind_int64(st, 2, id)) >= 0 &&
        (error = isms_stmt_bind_text(st, 3, acceptance->accepted_by)) >= 0 &&
        (error = isms_stmt_bind_text(st, 4, acceptance->accepted_at)) >= 0 &&
        (error = acceptance->accepted_by_user_id
                     ? isms_stmt_bind_int64(st, 5, acceptance->accepted_by_user_id)
                     : isms_stmt_bind_null(st, 5)) >= 0 &&
        (error = isms_stmt_step(st)) >= 0 && isms_stmt_changes(st) == 0)
        error = isms_error_set(ISMS_ENOTFOUND, "risk %" PRId64 " not found", id);
    isms_stmt_finalize(st);
    if (error >= 0)
        error = audit(db, actor, org_id, "risk.accept", id, text);
    error = finish(db, error);
done:
    free(text);
    isms_store_release(store, db);
    return error;
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

static const char *order_by(const struct isms_risk_filter *f)
{
    return f->residual ? " ORDER BY r.residual_level DESC, r.id" : " ORDER BY r.level DESC, r.id";
}

static int build_where(struct isms_buf *sql, const struct isms_risk_filter *f)
{
    int error = isms_buf_puts(sql, by_subquery(f) ? " WHERE +r.org_id = $1"
                                                  : " WHERE r.org_id = $1");

    if (error >= 0 && f->has_level_min)
        error = isms_buf_puts(sql, f->residual ? " AND r.residual_level >= $2"
                                               : " AND r.level >= $2");
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

static int list_total(int64_t *total, struct isms_db *db, int64_t org_id,
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

static int list_rows(struct isms_risk_list *out, struct isms_db *db, int64_t org_id,
                     const struct isms_risk_filter *f, const char *pattern)
{
    struct isms_buf sql = ISMS_BUF_INIT(8192);
    struct isms_stmt *st = NULL;
    int error;

    /* The page's ids first, from the indexes alone (OFFSET skips index
     * entries, not rows), then only those rows. */
    if ((error = isms_buf_puts(&sql, "SELECT " RISK_COLUMNS " FROM risks r WHERE +r.org_id = $1 "
                                     "AND r.id IN (SELECT r.id FROM risks r")) < 0 ||
        (error = build_where(&sql, f)) < 0 || (error = isms_buf_puts(&sql, order_by(f))) < 0 ||
        (error = isms_buf_puts(&sql, " LIMIT $9 OFFSET $10)")) < 0 ||
        (error = isms_buf_puts(&sql, order_by(f))) < 0 ||
        (error = isms_db_prepare(&st, db, isms_buf_cstr(&sql))) < 0 ||
        (error = bind_filter(st, org_id, f, pattern)) < 0 ||
        (error = isms_stmt_bind_int64(st, 9, f->limit)) < 0 ||
        (error = isms_stmt_bind_int64(st, 10, f->offset)) < 0)
        goto done;
    if (!(out->items = calloc((size_t)f->limit, sizeof(*out->items)))) {
        error = isms_error_set(ISMS_ENOMEM, "out of memory");
        goto done;
    }
    while (out->count < (size_t)f->limit && (error = isms_stmt_step(st)) == 1)
        if ((error = read_row(&out->items[out->count++], st)) < 0)
            break;
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
    int error = 0;

    memset(out, 0, sizeof(*out));
    if (f->query)
        error = like_pattern(&pattern, f->query);
    if (error >= 0)
        error = list_total(&out->total, db, org_id, f, isms_buf_cstr(&pattern));
    if (error >= 0)
        error = list_rows(out, db, org_id, f, isms_buf_cstr(&pattern));
    isms_buf_release(&pattern);
    isms_store_release(store, db);
    if (error < 0)
        isms_risk_list_release(out);
    return error;
}

int isms_store_risk_heatmap(struct isms_risk_cell **out, size_t *count, int64_t *other_out,
                            struct isms_store *store, int64_t org_id, const char *matrix_key,
                            bool residual)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_risk_cell *cells = NULL;
    struct isms_stmt *st = NULL;
    size_t n = 0, cap = 0;
    int error;

    error = isms_db_prepare(&st, db,
                            residual ? "SELECT residual_likelihood, residual_impact, "
                                       "residual_vulnerability, count(*) FROM risks "
                                       "WHERE org_id = $1 AND matrix_key = $2 "
                                       "AND residual_likelihood IS NOT NULL "
                                       "GROUP BY residual_likelihood, residual_impact, "
                                       "residual_vulnerability"
                                     : "SELECT likelihood, impact, vulnerability, count(*) "
                                       "FROM risks WHERE org_id = $1 AND matrix_key = $2 "
                                       "GROUP BY likelihood, impact, vulnerability");
    if (error < 0 || (error = isms_stmt_bind_int64(st, 1, org_id)) < 0 ||
        (error = isms_stmt_bind_text(st, 2, matrix_key)) < 0)
        goto done;
    while ((error = isms_stmt_step(st)) == 1) {
        if ((error = grow((void **)&cells, &cap, n, sizeof(*cells))) < 0)
            goto done;
        cells[n].score.likelihood = (int)isms_stmt_int64(st, 0);
        cells[n].score.impact = (int)isms_stmt_int64(st, 1);
        cells[n].score.vulnerability = (int)isms_stmt_int64(st, 2);
        cells[n++].count = isms_stmt_int64(st, 3);
    }
    isms_stmt_finalize(st);
    st = NULL;
    if (error < 0 || (error = isms_db_prepare(&st, db, "SELECT count(*) FROM risks "
                                                       "WHERE org_id = $1 AND matrix_key <> $2")) <
                         0 ||
        (error = isms_stmt_bind_int64(st, 1, org_id)) < 0 ||
        (error = isms_stmt_bind_text(st, 2, matrix_key)) < 0)
        goto done;
    if ((error = isms_stmt_step(st)) == 1)
        *other_out = isms_stmt_int64(st, 0);
done:
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    if (error < 0) {
        free(cells);
        return error;
    }
    *out = cells;
    *count = n;
    return 0;
}

/* --- selected controls --- */

static int soa_audit(struct isms_db *db, const struct isms_actor *actor, int64_t org_id,
                     int64_t risk_id, const struct isms_soa_entry *e,
                     const struct isms_store_soa_change *change)
{
    json_t *detail = json_pack("{s:I, s:b, s:b, s:i, s:s, s:b}", "risk", (json_int_t)risk_id,
                               "selected", change->added, "applicable",
                               e->applicability == ISMS_SOA_APPLICABLE, "inclusion_basis",
                               (int)e->inclusion_basis, "inclusion_justification",
                               e->inclusion_justification, "exclusion_cleared",
                               change->was_excluded);
    char *text = detail ? json_dumps(detail, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    int error = text ? isms_store_audit_append(db, actor,
                                               &(struct isms_audit_event){
                                                   org_id, "soa.decide", e->control_id, text})
                     : isms_error_set(ISMS_ENOMEM, "out of memory");

    free(text);
    json_decref(detail);
    return error;
}

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

/* Adds or drops one control of a risk and lets the domain update its SoA entry. */
static int apply_control(struct isms_db *db, int64_t org_id, int64_t risk_id,
                         struct isms_soa_entry *e, bool selected, isms_store_soa_merge_fn merge,
                         void *ctx, const struct isms_actor *actor)
{
    struct isms_store_soa_change change = {.added = selected};
    int64_t present = 0;
    int error;

    if ((error = control_row(db, "SELECT count(*) FROM risk_controls WHERE org_id = $1 "
                                 "AND risk_id = $2 AND control_id = $3",
                             org_id, risk_id, e->control_id, &present)) < 0)
        return error;
    if ((present != 0) == selected)
        return 0;
    if ((error = control_row(db, selected ? "INSERT INTO risk_controls (org_id, risk_id, "
                                            "control_id) VALUES ($1, $2, $3)"
                                          : "DELETE FROM risk_controls WHERE org_id = $1 "
                                            "AND risk_id = $2 AND control_id = $3",
                             org_id, risk_id, e->control_id, NULL)) < 0 ||
        (error = control_row(db, "SELECT count(*) FROM risk_controls WHERE org_id = $1 "
                                 "AND risk_id <> $2 AND control_id = $3",
                             org_id, risk_id, e->control_id, &change.other_risks)) < 0 ||
        (error = isms_store_soa_fill_on(db, org_id, e->control_id, e, 1)) < 0 ||
        (error = merge(e, &change, ctx)) < 0)
        return error;
    if (!change.changed)
        return 0;
    if ((error = isms_store_soa_upsert_on(db, org_id, e)) < 0)
        return error;
    return soa_audit(db, actor, org_id, risk_id, e, &change);
}

static int controls_detail(char **out, const struct isms_soa_entry *entries, const bool *selected,
                           size_t count)
{
    json_t *list = json_array();
    json_t *detail;

    for (size_t i = 0; list && i < count; i++)
        if (selected[i] && json_array_append_new(list, json_string(entries[i].control_id)) < 0) {
            json_decref(list);
            list = NULL;
        }
    detail = list ? json_pack("{s:o}", "controls", list) : NULL;
    *out = detail ? json_dumps(detail, JSON_COMPACT) : NULL;
    json_decref(detail);
    return *out ? 0 : isms_error_set(ISMS_ENOMEM, "out of memory");
}

int isms_store_risk_controls_apply(struct isms_store *store, int64_t org_id, int64_t risk_id,
                                   struct isms_soa_entry *entries, const bool *selected,
                                   size_t count, isms_store_soa_merge_fn merge, void *ctx,
                                   bool delete_risk, const struct isms_actor *actor)
{
    struct isms_db *db = isms_store_acquire(store);
    int64_t exists = 0;
    char *detail = NULL;
    int error;

    if ((error = controls_detail(&detail, entries, selected, count)) < 0 ||
        (error = isms_db_begin(db)) < 0)
        goto done;
    error = query_count(&exists, db, "SELECT count(*) FROM risks WHERE org_id = $1 AND id = $2",
                        org_id, risk_id);
    if (error >= 0 && !exists)
        error = isms_error_set(ISMS_ENOTFOUND, "risk %" PRId64 " not found", risk_id);
    if (error >= 0 && delete_risk)
        error = refuse_if_depended_on(db, org_id, risk_id, "delete");
    for (size_t i = 0; error >= 0 && i < count; i++)
        error = apply_control(db, org_id, risk_id, &entries[i], selected[i], merge, ctx, actor);
    if (error >= 0 && delete_risk) {
        error = exec_ids(db, "DELETE FROM risks WHERE org_id = $1 AND id = $2", org_id, risk_id);
        if (error >= 0)
            error = audit(db, actor, org_id, "risk.delete", risk_id, NULL);
    } else if (error >= 0) {
        error = audit(db, actor, org_id, "risk.controls", risk_id, detail);
    }
    error = finish(db, error);
done:
    free(detail);
    isms_store_release(store, db);
    return error;
}

/* --- treatment plan items --- */

#define ITEM_COLUMNS                                                                           \
    "t.id, t.org_id, t.risk_id, t.action, t.owner, t.due_date, t.status, t.created_at, "      \
    "t.updated_at"

static int read_item(struct isms_risk_treatment_item *it, struct isms_stmt *st)
{
    it->id = isms_stmt_int64(st, 0);
    it->org_id = isms_stmt_int64(st, 1);
    it->risk_id = isms_stmt_int64(st, 2);
    copy_text(it->action, sizeof(it->action), isms_stmt_text(st, 3));
    copy_text(it->owner, sizeof(it->owner), isms_stmt_text(st, 4));
    copy_text(it->due_date, sizeof(it->due_date), isms_stmt_text(st, 5));
    copy_text(it->created_at, sizeof(it->created_at), isms_stmt_text(st, 7));
    copy_text(it->updated_at, sizeof(it->updated_at), isms_stmt_text(st, 8));
    return isms_risk_item_status_parse(&it->status, isms_stmt_text(st, 6));
}

int isms_store_risk_items(struct isms_risk_treatment_item **out, size_t *count,
                          struct isms_store *store, int64_t org_id, int64_t risk_id)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_risk_treatment_item *items = NULL;
    struct isms_stmt *st = NULL;
    size_t n = 0, cap = 0;
    int64_t exists = 0;
    int error;

    if ((error = query_count(&exists, db, "SELECT count(*) FROM risks WHERE org_id = $1 "
                                          "AND id = $2", org_id, risk_id)) < 0)
        goto done;
    if (!exists) {
        error = isms_error_set(ISMS_ENOTFOUND, "risk %" PRId64 " not found", risk_id);
        goto done;
    }
    if ((error = isms_db_prepare(&st, db, "SELECT " ITEM_COLUMNS " FROM risk_treatment_items t "
                                          "WHERE t.org_id = $1 AND t.risk_id = $2 "
                                          "ORDER BY t.due_date, t.id")) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, org_id)) < 0 ||
        (error = isms_stmt_bind_int64(st, 2, risk_id)) < 0)
        goto done;
    while ((error = isms_stmt_step(st)) == 1)
        if ((error = grow((void **)&items, &cap, n, sizeof(*items))) < 0 ||
            (error = read_item(&items[n++], st)) < 0)
            break;
done:
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    if (error < 0) {
        free(items);
        return error;
    }
    *out = items;
    *count = n;
    return 0;
}

static int item_detail(char **out, const struct isms_risk_treatment_item *it)
{
    json_t *detail = json_pack("{s:I, s:s, s:s, s:s, s:s}", "item", (json_int_t)it->id,
                               "action", it->action, "owner", it->owner, "due_date", it->due_date,
                               "status", isms_risk_item_status_name(it->status));

    *out = detail ? json_dumps(detail, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    json_decref(detail);
    return *out ? 0 : isms_error_set(ISMS_ENOMEM, "out of memory");
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
            error = insert ? isms_error_set(ISMS_ENOTFOUND, "risk %" PRId64 " not found",
                                            it->risk_id)
                           : isms_error_set(ISMS_ENOTFOUND, "treatment item %" PRId64
                                            " of risk %" PRId64 " not found", it->id, it->risk_id);
        }
    }
    isms_stmt_finalize(st);
    return error;
}

int isms_store_risk_item_save(struct isms_store *store, struct isms_risk_treatment_item *it,
                              const struct isms_actor *actor)
{
    struct isms_db *db = isms_store_acquire(store);
    const char *action = it->id ? "risk.treatment.update" : "risk.treatment.create";
    char *detail = NULL;
    int error;

    if ((error = isms_db_begin(db)) < 0)
        goto done;
    error = write_item(db, it);
    if (error >= 0)
        error = item_detail(&detail, it);
    if (error >= 0)
        error = audit(db, actor, it->org_id, action, it->risk_id, detail);
    error = finish(db, error);
done:
    free(detail);
    isms_store_release(store, db);
    return error;
}

int isms_store_risk_item_delete(struct isms_store *store, int64_t org_id, int64_t risk_id,
                                int64_t item_id, const struct isms_actor *actor)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_stmt *st = NULL;
    char detail[64];
    int error;

    if ((error = isms_db_begin(db)) < 0)
        goto done;
    if ((error = isms_db_prepare(&st, db, "DELETE FROM risk_treatment_items WHERE org_id = $1 "
                                          "AND risk_id = $2 AND id = $3")) >= 0 &&
        (error = isms_stmt_bind_int64(st, 1, org_id)) >= 0 &&
        (error = isms_stmt_bind_int64(st, 2, risk_id)) >= 0 &&
        (error = isms_stmt_bind_int64(st, 3, item_id)) >= 0 &&
        (error = isms_stmt_step(st)) >= 0 && isms_stmt_changes(st) == 0)
        error = isms_error_set(ISMS_ENOTFOUND,
                               "treatment item %" PRId64 " of risk %" PRId64 " not found",
                               item_id, risk_id);
    isms_stmt_finalize(st);
    snprintf(detail, sizeof(detail), "{\"item\":%" PRId64 "}", item_id);
    if (error >= 0)
        error = audit(db, actor, org_id, "risk.treatment.delete", risk_id, detail);
    error = finish(db, error);
done:
    isms_store_release(store, db);
    return error;
}

static int read_plan_row(struct isms_risk_plan_row *row, struct isms_stmt *st)
{
    int error;

    memset(row, 0, sizeof(*row));
    if ((error = read_item(&row->item, st)) < 0)
        return error;
    copy_text(row->risk_title, sizeof(row->risk_title), isms_stmt_text(st, 9));
    copy_text(row->risk_owner, sizeof(row->risk_owner), isms_stmt_text(st, 10));
    row->level = (int)isms_stmt_int64(st, 11);
    row->band = (enum isms_risk_band)isms_stmt_int64(st, 12);
    if (!isms_stmt_is_null(st, 13) &&
        (error = isms_risk_treatment_parse(&row->treatment, isms_stmt_text(st, 13))) < 0)
        return error;
    row->has_residual = !isms_stmt_is_null(st, 14);
    row->residual_level = (int)isms_stmt_int64(st, 14);
    row->residual_acceptable = isms_stmt_int64(st, 15) != 0;
    copy_text(row->accepted_by, sizeof(row->accepted_by), isms_stmt_text(st, 16));
    copy_text(row->accepted_at, sizeof(row->accepted_at), isms_stmt_text(st, 17));
    return dup_text(&row->controls, isms_stmt_text(st, 18));
}

int isms_store_risk_plan(struct isms_risk_plan_row **out, size_t *count,
                         struct isms_store *store, int64_t org_id)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_risk_plan_row *rows = NULL;
    struct isms_stmt *st = NULL;
    size_t n = 0, cap = 0;
    int error;

    if ((error = isms_db_prepare(
             &st, db,
             "SELECT " ITEM_COLUMNS ", r.title, r.owner, r.level, r.band, r.treatment, "
             "r.residual_level, r.residual_acceptable, r.accepted_by, r.accepted_at, "
             "(SELECT group_concat(control_id, ', ') FROM (SELECT c.control_id FROM "
             "risk_controls c WHERE c.org_id = r.org_id AND c.risk_id = r.id "
             "ORDER BY c.control_id)) "
             "FROM risk_treatment_items t JOIN risks r ON r.org_id = t.org_id "
             "AND r.id = t.risk_id WHERE t.org_id = $1 ORDER BY t.due_date, t.risk_id, t.id")) <
            0 ||
        (error = isms_stmt_bind_int64(st, 1, org_id)) < 0)
        goto done;
    while ((error = isms_stmt_step(st)) == 1)
        if ((error = grow((void **)&rows, &cap, n, sizeof(*rows))) < 0 ||
            (error = read_plan_row(&rows[n++], st)) < 0)
            break;
done:
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    if (error < 0) {
        isms_risk_plan_release(rows, n);
        return error;
    }
    *out = rows;
    *count = n;
    return 0;
}

/* --- links --- */

/* The customer side's audit detail: which provider risk it now depends on. */
static int link_detail(char **out, int64_t provider_org_id, int64_t provider_risk_id)
{
    json_t *detail = provider_org_id ? json_pack("{s:I, s:I}", "provider_org",
                                                 (json_int_t)provider_org_id, "provider_risk",
                                                 (json_int_t)provider_risk_id)
                                     : json_pack("{s:n}", "provider_org");

    *out = detail ? json_dumps(detail, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    json_decref(detail);
    return *out ? 0 : isms_error_set(ISMS_ENOMEM, "out of memory");
}

static int write_link(struct isms_db *db, int64_t org_id, int64_t risk_id,
                      int64_t provider_org_id, int64_t provider_risk_id)
{
    struct isms_stmt *st = NULL;
    char now[ISMS_TIMESTAMP_SIZE];
    int error;

    isms_time_now(now);
    if ((error = isms_db_prepare(&st, db, "UPDATE risks SET provider_org_id = $3, "
                                          "provider_risk_id = $4, updated_at = $5 "
                                          "WHERE org_id = $1 AND id = $2")) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, org_id)) < 0 ||
        (error = isms_stmt_bind_int64(st, 2, risk_id)) < 0 ||
        (error = provider_org_id ? isms_stmt_bind_int64(st, 3, provider_org_id)
                                 : isms_stmt_bind_null(st, 3)) < 0 ||
        (error = provider_org_id ? isms_stmt_bind_int64(st, 4, provider_risk_id)
                                 : isms_stmt_bind_null(st, 4)) < 0 ||
        (error = isms_stmt_bind_text(st, 5, now)) < 0)
        goto done;
    if ((error = isms_stmt_step(st)) >= 0 && isms_stmt_changes(st) == 0)
        error = isms_error_set(ISMS_ENOTFOUND, "risk %" PRId64 " not found", risk_id);
done:
    isms_stmt_finalize(st);
    return error < 0 ? error : 0;
}

/* Appends the provider-side audit row for the provider org of the link
 * being set (new) or removed (old). */
/* The provider side's audit row: which customer org linked to (or left) its
 * risk - the customer's risk id is not the provider's to know. */
static int audit_provider(struct isms_db *db, const struct isms_actor *actor, int64_t org_id,
                          int64_t provider_org_id, int64_t provider_risk_id, bool linked)
{
    json_t *detail;
    char *text;
    int error;

    if (!provider_org_id)
        return 0;
    detail = json_pack("{s:I, s:b}", "customer_org", (json_int_t)org_id, "linked", linked);
    text = detail ? json_dumps(detail, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    error = text ? audit(db, actor, provider_org_id, "risk.linked", provider_risk_id, text)
                 : isms_error_set(ISMS_ENOMEM, "out of memory");
    free(text);
    json_decref(detail);
    return error;
}

int isms_store_risk_link(struct isms_store *store, int64_t org_id, int64_t risk_id,
                         int64_t provider_org_id, int64_t provider_risk_id,
                         const struct isms_actor *actor)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_risk old = {0};
    char *detail = NULL;
    int64_t shared = 1;
    int error;

    if ((error = isms_db_begin(db)) < 0)
        goto done;
    error = select_row(&old, db, org_id, risk_id, false);
    if (error >= 0 && provider_org_id)
        error = query_count(&shared, db, "SELECT count(*) FROM risks WHERE org_id = $1 "
                                         "AND id = $2 AND shared = 1",
                            provider_org_id, provider_risk_id);
    if (error >= 0 && !shared)
        error = isms_error_set(ISMS_ENOTFOUND, "shared risk %" PRId64 " not found",
                               provider_risk_id);
    if (error >= 0)
        error = write_link(db, org_id, risk_id, provider_org_id, provider_risk_id);
    if (error >= 0)
        error = link_detail(&detail, provider_org_id, provider_risk_id);
    if (error >= 0)
        error = audit(db, actor, org_id, provider_org_id ? "risk.link" : "risk.unlink", risk_id,
                      detail);
    if (error >= 0 && (old.provider_org_id != provider_org_id ||
                       old.provider_risk_id != provider_risk_id))
        error = audit_provider(db, actor, org_id, old.provider_org_id, old.provider_risk_id,
                               false);
    if (error >= 0 && provider_org_id &&
        (old.provider_org_id != provider_org_id || old.provider_risk_id != provider_risk_id))
        error = audit_provider(db, actor, org_id, provider_org_id, provider_risk_id, true);
    error = finish(db, error);
done:
    free(detail);
    isms_risk_release(&old);
    isms_store_release(store, db);
    return error;
}

int isms_store_risk_dependents(struct isms_risk_dependent **out, size_t *count,
                               struct isms_store *store, int64_t org_id, int64_t risk_id)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_risk_dependent *deps = NULL;
    struct isms_stmt *st = NULL;
    size_t n = 0, cap = 0;
    int error;

    /* Only the customer orgs' names and counts: see isms/risk_link.h. */
    if ((error = isms_db_prepare(&st, db, "SELECT o.id, o.slug, o.name, count(*) FROM risks c "
                                          "JOIN orgs o ON o.id = c.org_id "
                                          "WHERE c.provider_org_id = $1 "
                                          "AND c.provider_risk_id = $2 "
                                          "GROUP BY o.id, o.slug, o.name ORDER BY o.name")) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, org_id)) < 0 ||
        (error = isms_stmt_bind_int64(st, 2, risk_id)) < 0)
        goto done;
    while ((error = isms_stmt_step(st)) == 1) {
        if ((error = grow((void **)&deps, &cap, n, sizeof(*deps))) < 0)
            break;
        deps[n].org_id = isms_stmt_int64(st, 0);
        copy_text(deps[n].org_slug, sizeof(deps[n].org_slug), isms_stmt_text(st, 1));
        copy_text(deps[n].org_name, sizeof(deps[n].org_name), isms_stmt_text(st, 2));
        deps[n++].risk_count = isms_stmt_int64(st, 3);
    }
done:
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    if (error < 0) {
        free(deps);
        return error;
    }
    *out = deps;
    *count = n;
    return 0;
}

int isms_store_risk_shared_list(struct isms_risk_list *out, struct isms_store *store,
                                int64_t provider_org_id, int64_t limit, int64_t offset)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_stmt *st = NULL;
    int error;

    memset(out, 0, sizeof(*out));
    if ((error = query_count(&out->total, db, "SELECT count(*) FROM risks "
                                              "WHERE org_id = $1 AND shared = $2",
                             provider_org_id, 1)) < 0 ||
        (error = isms_db_prepare(&st, db, "SELECT " RISK_COLUMNS " FROM risks r "
                                          "WHERE r.org_id = $1 AND r.shared = 1 "
                                          "ORDER BY r.id LIMIT $2 OFFSET $3")) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, provider_org_id)) < 0 ||
        (error = isms_stmt_bind_int64(st, 2, limit)) < 0 ||
        (error = isms_stmt_bind_int64(st, 3, offset)) < 0)
        goto done;
    if (!(out->items = calloc((size_t)limit, sizeof(*out->items)))) {
        error = isms_error_set(ISMS_ENOMEM, "out of memory");
        goto done;
    }
    while (out->count < (size_t)limit && (error = isms_stmt_step(st)) == 1)
        if ((error = read_row(&out->items[out->count++], st)) < 0)
            break;
done:
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    if (error < 0)
        isms_risk_list_release(out);
    return error < 0 ? error : 0;
}

/* --- the dashboard --- */

static int band_counts(int64_t counts[3], struct isms_db *db, const char *sql, int64_t org_id)
{
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db, sql)) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, org_id)) < 0)
        goto done;
    while ((error = isms_stmt_step(st)) == 1) {
        int64_t band = isms_stmt_int64(st, 0);
        if (band >= ISMS_RISK_LOW && band <= ISMS_RISK_HIGH)
            counts[band - ISMS_RISK_LOW] = isms_stmt_int64(st, 1);
    }
done:
    isms_stmt_finalize(st);
    return error < 0 ? error : 0;
}

int isms_store_risk_band_counts(int64_t inherent[3], int64_t residual[3],
                                struct isms_store *store, int64_t org_id)
{
    struct isms_db *db = isms_store_acquire(store);
    int error;

    memset(inherent, 0, 3 * sizeof(*inherent));
    memset(residual, 0, 3 * sizeof(*residual));
    if ((error = band_counts(inherent, db,
                             "SELECT band, count(*) FROM risks WHERE org_id = $1 GROUP BY band",
                             org_id)) >= 0)
        error = band_counts(residual, db,
                            "SELECT residual_band, count(*) FROM risks WHERE org_id = $1 "
                            "AND residual_band IS NOT NULL GROUP BY residual_band",
                            org_id);
    isms_store_release(store, db);
    return error;
}

#define OVERDUE_WHERE                                                                          \
    " WHERE t.org_id = $1 AND t.due_date < $2 AND t.status IN ('planned', 'in_progress')"

static int overdue_total(int64_t *total, struct isms_db *db, int64_t org_id, const char *today)
{
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db,
                                 "SELECT count(*) FROM risk_treatment_items t" OVERDUE_WHERE)) >=
            0 &&
        (error = isms_stmt_bind_int64(st, 1, org_id)) >= 0 &&
        (error = isms_stmt_bind_text(st, 2, today)) >= 0 && (error = isms_stmt_step(st)) == 1)
        *total = isms_stmt_int64(st, 0);
    isms_stmt_finalize(st);
    return error < 0 ? error : 0;
}

int isms_store_risk_overdue_items(struct isms_risk_plan_row **out, size_t *count,
                                  int64_t *total, struct isms_store *store, int64_t org_id,
                                  const char *today, int64_t limit)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_risk_plan_row *rows = NULL;
    struct isms_stmt *st = NULL;
    size_t n = 0, cap = 0;
    int error;

    *total = 0;
    if ((error = overdue_total(total, db, org_id, today)) < 0 ||
        (error = isms_db_prepare(
             &st, db,
             "SELECT " ITEM_COLUMNS ", r.title, r.owner, r.level, r.band, r.treatment, "
             "r.residual_level, r.residual_acceptable, r.accepted_by, r.accepted_at, '' "
             "FROM risk_treatment_items t JOIN risks r ON r.org_id = t.org_id "
             "AND r.id = t.risk_id" OVERDUE_WHERE " ORDER BY t.due_date, t.risk_id, t.id "
             "LIMIT $3")) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, org_id)) < 0 ||
        (error = isms_stmt_bind_text(st, 2, today)) < 0 ||
        (error = isms_stmt_bind_int64(st, 3, limit)) < 0)
        goto done;
    while ((error = isms_stmt_step(st)) == 1)
        if ((error = grow((void **)&rows, &cap, n, sizeof(*rows))) < 0 ||
            (error = read_plan_row(&rows[n++], st)) < 0)
            break;
done:
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    if (error < 0) {
        isms_risk_plan_release(rows, n);
        return error;
    }
    *out = rows;
    *count = n;
    return 0;
}

#define AWAITING_WHERE                                                                         \
    " WHERE r.org_id = $1 AND r.residual_acceptable = 0 AND r.accepted_at IS NULL"

int isms_store_risk_awaiting_acceptance(struct isms_risk_list *out, struct isms_store *store,
                                        int64_t org_id, int64_t limit)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_stmt *st = NULL;
    int error;

    memset(out, 0, sizeof(*out));
    if ((error = isms_db_prepare(&st, db, "SELECT count(*) FROM risks r" AWAITING_WHERE)) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, org_id)) < 0 ||
        (error = isms_stmt_step(st)) < 0)
        goto done;
    out->total = error == 1 ? isms_stmt_int64(st, 0) : 0;
    isms_stmt_finalize(st);
    st = NULL;
    if ((error = isms_db_prepare(&st, db,
                                 "SELECT " RISK_COLUMNS " FROM risks r" AWAITING_WHERE
                                 " ORDER BY r.residual_level DESC, r.id LIMIT $2")) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, org_id)) < 0 ||
        (error = isms_stmt_bind_int64(st, 2, limit)) < 0)
        goto done;
    if (!(out->items = calloc((size_t)limit, sizeof(*out->items)))) {
        error = isms_error_set(ISMS_ENOMEM, "out of memory");
        goto done;
    }
    while (out->count < (size_t)limit && (error = isms_stmt_step(st)) == 1)
        if ((error = read_row(&out->items[out->count++], st)) < 0)
            break;
done:
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    if (error < 0)
        isms_risk_list_release(out);
    return error < 0 ? error : 0;
}
