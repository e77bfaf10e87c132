#include "isms_setup.h"
#include <jansson.h>
#include "model/risk_treatment.h"
#include "store/db.h"
#include "store/risk_rows.h"
#include "store/risk_treatment.h"
#include "store/soa.h"
#include "store/store.h"
#include "util/array.h"
#include "util/error.h"

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
        return isms_store_risk_not_found(w->risk_id);
    if (w->delete_risk &&
        (error = isms_store_risk_refuse_if_depended_on(db, w->org_id, w->risk_id, "delete")) < 0)
        return error;
    for (size_t i = 0; i < w->count; i++)
        if ((error = apply_control(db, actor, w, &w->entries[i], w->selected[i])) < 0)
            return error;
    if (!w->delete_risk)
        return isms_store_risk_journal(db, actor, w->org_id, "risk.controls", w->risk_id,
                                       controls_detail(w));
    if ((error = isms_store_each_row(db, "DELETE FROM risks WHERE org_id = $1 AND id = $2", key, 2,
                                     NULL, NULL)) < 0)
        return error;
    return isms_store_risk_journal(db, actor, w->org_id, "risk.delete", w->risk_id, NULL);
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
    return exists ? 0 : isms_store_risk_not_found(risk_id);
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
    return isms_store_select_all(out, count, store, &q);
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
                        ? isms_store_risk_not_found(it->risk_id)
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
    return isms_store_risk_journal(db, actor, w->item->org_id, w->action, w->item->risk_id,
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
    return isms_store_risk_journal(db, actor, d->org_id, "risk.treatment.delete", d->risk_id,
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
    if ((error = isms_store_each_row_text(
             db, "SELECT count(*) FROM risk_treatment_items t" OVERDUE_WHERE, org_id, today, NULL,
             isms_store_read_count, total)) >= 0)
        error = isms_store_each_row_text(db,
                                         "SELECT " PLAN_COLUMNS
                                         "'', t.risk_id, r.number" PLAN_FROM OVERDUE_WHERE
                                         " ORDER BY t.due_date, t.risk_id, t.id LIMIT $3",
                                         org_id, today, &limit, add_plan_row, &p);
    isms_store_release(store, db);
    return plan_rows_done(out, count, &p, error);
}

int isms_store_risk_overdue_count(int64_t *out, struct isms_store *store, int64_t org_id,
                                  int64_t risk_id, const char *today)
{
    struct isms_db *db = isms_store_acquire(store);
    const int64_t limit = risk_id; /* $3: the risk, bound like each_row_text's limit */
    int error;

    *out = 0;
    error = isms_store_each_row_text(
        db,
        "SELECT count(*) FROM risk_treatment_items t WHERE t.org_id = $1 "
        "AND t.due_date < $2 AND t.risk_id = $3 "
        "AND t.status IN ('planned', 'in_progress')",
        org_id, today, &limit, isms_store_read_count, out);
    isms_store_release(store, db);
    return error;
}
