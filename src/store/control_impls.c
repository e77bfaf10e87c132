#include "isms_setup.h"
#include "model/actor.h"
#include "store/control_impls.h"
#include "store/db.h"
#include "store/journal.h"
#include "store/query.h"
#include "store/store.h"
#include "util/error.h"
#include "util/time.h"

#define IMPL_COLUMNS                                                                               \
    "c.control_id, c.status, c.level, c.target_level, c.owner_user_id, "                           \
    "COALESCE(NULLIF(u.display_name, ''), u.name, ''), c.due_date, c.review_interval_months, "     \
    "c.last_review, c.next_review, c.notes, c.updated_at, "                                        \
    "(SELECT count(*) FROM control_evidence e WHERE e.org_id = c.org_id "                          \
    "AND e.control_id = c.control_id)"
#define IMPL_FROM " FROM control_implementations c LEFT JOIN users u ON u.id = c.owner_user_id "

static int read_date(struct isms_date *out, const char *text)
{
    *out = (struct isms_date){0};
    return text && *text ? isms_date_parse(out, text) : 0;
}

static int read_level(enum isms_control_level *out, const char *text)
{
    *out = ISMS_LEVEL_NONE;
    return text ? isms_control_level_parse(out, text) : 0;
}

static int read_impl(void *item, struct isms_stmt *st)
{
    struct isms_control_impl *c = item;
    int error;

    isms_store_copy_text(c->control_id, sizeof(c->control_id), isms_stmt_text(st, 0));
    c->owner_user_id = isms_stmt_int64(st, 4);
    isms_store_copy_text(c->owner, sizeof(c->owner), isms_stmt_text(st, 5));
    c->review_interval_months = (int)isms_stmt_int64(st, 7);
    isms_store_copy_text(c->updated_at, sizeof(c->updated_at), isms_stmt_text(st, 11));
    c->evidence_count = (int)isms_stmt_int64(st, 12);
    if ((error = isms_control_status_parse(&c->status, isms_stmt_text(st, 1))) < 0 ||
        (error = read_level(&c->level, isms_stmt_text(st, 2))) < 0 ||
        (error = read_level(&c->target_level, isms_stmt_text(st, 3))) < 0 ||
        (error = read_date(&c->due, isms_stmt_text(st, 6))) < 0 ||
        (error = read_date(&c->last_review, isms_stmt_text(st, 8))) < 0 ||
        (error = read_date(&c->next_review, isms_stmt_text(st, 9))) < 0)
        return error;
    return isms_store_dup_text(&c->notes, isms_stmt_text(st, 10));
}

int isms_store_control_impl_list(struct isms_control_impl **out, size_t *count,
                                 struct isms_store *store, int64_t org_id)
{
    const struct isms_store_select q = {
        .sql = "SELECT " IMPL_COLUMNS IMPL_FROM "WHERE c.org_id = $1 ORDER BY c.control_id",
        .params = &org_id,
        .param_count = 1,
        .read = read_impl,
        .item_size = sizeof(**out),
    };
    return isms_store_select_all(out, count, store, &q);
}

int isms_store_control_impl_get(struct isms_control_impl *out, struct isms_store *store,
                                int64_t org_id, const char *control_id)
{
    const struct isms_store_select q = {
        .sql = "SELECT " IMPL_COLUMNS IMPL_FROM "WHERE c.org_id = $1 AND c.control_id = $2",
        .params = &org_id,
        .param_count = 1,
        .text = control_id,
        .read = read_impl,
    };

    memset(out, 0, sizeof(*out));
    return isms_store_select_one(out, store, &q);
}

struct impl_write {
    int64_t org_id;
    const struct isms_control_impl *impl;
    enum isms_control_level old_level;
    const char *detail;
};

static int upsert(struct isms_db *db, const struct impl_write *w)
{
    const struct isms_control_impl *c = w->impl;
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(
             &st, db,
             "INSERT INTO control_implementations (org_id, control_id, status, level, "
             "target_level, owner_user_id, due_date, review_interval_months, last_review, "
             "next_review, notes, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
             "$11, $12) ON CONFLICT (org_id, control_id) DO UPDATE SET status = $3, level = $4, "
             "target_level = $5, owner_user_id = $6, due_date = $7, review_interval_months = $8, "
             "last_review = $9, next_review = $10, notes = $11, updated_at = $12")) < 0)
        return error;
    if ((error = isms_stmt_bind_int64(st, 1, w->org_id)) >= 0 &&
        (error = isms_stmt_bind_text(st, 2, c->control_id)) >= 0 &&
        (error = isms_stmt_bind_text(st, 3, isms_control_status_name(c->status))) >= 0 &&
        (error = isms_stmt_bind_text(st, 4, isms_control_level_name(c->level))) >= 0 &&
        (error = isms_stmt_bind_text(st, 5, isms_control_level_name(c->target_level))) >= 0 &&
        (error = c->owner_user_id ? isms_stmt_bind_int64(st, 6, c->owner_user_id)
                                  : isms_stmt_bind_null(st, 6)) >= 0 &&
        (error = isms_store_bind_date(st, 7, &c->due)) >= 0 &&
        (error = isms_stmt_bind_int64(st, 8, c->review_interval_months)) >= 0 &&
        (error = isms_store_bind_date(st, 9, &c->last_review)) >= 0 &&
        (error = isms_store_bind_date(st, 10, &c->next_review)) >= 0 &&
        (error = isms_stmt_bind_text(st, 11, c->notes ? c->notes : "")) >= 0 &&
        (error = isms_stmt_bind_text(st, 12, c->updated_at)) >= 0)
        error = isms_stmt_step(st);
    isms_stmt_finalize(st);
    return error < 0 ? error : 0;
}

static int record_level_change(struct isms_db *db, const struct impl_write *w,
                               const struct isms_actor *actor)
{
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db,
                                 "INSERT INTO control_level_changes (org_id, control_id, "
                                 "from_level, to_level, changed_at, changed_by) "
                                 "VALUES ($1, $2, $3, $4, $5, $6)")) < 0)
        return error;
    if ((error = isms_stmt_bind_int64(st, 1, w->org_id)) >= 0 &&
        (error = isms_stmt_bind_text(st, 2, w->impl->control_id)) >= 0 &&
        (error = isms_stmt_bind_text(st, 3, isms_control_level_name(w->old_level))) >= 0 &&
        (error = isms_stmt_bind_text(st, 4, isms_control_level_name(w->impl->level))) >= 0 &&
        (error = isms_stmt_bind_text(st, 5, w->impl->updated_at)) >= 0 &&
        (error = isms_stmt_bind_text(st, 6, actor->name)) >= 0)
        error = isms_stmt_step(st);
    isms_stmt_finalize(st);
    return error < 0 ? error : 0;
}

static int save_journaled(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    const struct impl_write *w = ctx;
    int error;

    if ((error = upsert(db, w)) < 0 ||
        (w->impl->level != w->old_level && (error = record_level_change(db, w, actor)) < 0))
        return error;
    return isms_store_journal_append(
        db, actor,
        &(struct isms_journal_event){w->org_id, "control.set", w->impl->control_id, w->detail});
}

int isms_store_control_impl_save(struct isms_store *store, int64_t org_id,
                                 const struct isms_control_impl *impl,
                                 enum isms_control_level old_level, const char *detail,
                                 const struct isms_actor *actor)
{
    struct impl_write w = {org_id, impl, old_level, detail};

    return isms_store_write(store, actor, NULL, save_journaled, &w);
}

static int read_change(void *item, struct isms_stmt *st)
{
    struct isms_control_level_change *c = item;
    int error;

    if ((error = read_level(&c->from, isms_stmt_text(st, 0))) < 0 ||
        (error = read_level(&c->to, isms_stmt_text(st, 1))) < 0)
        return error;
    isms_store_copy_text(c->changed_at, sizeof(c->changed_at), isms_stmt_text(st, 2));
    isms_store_copy_text(c->changed_by, sizeof(c->changed_by), isms_stmt_text(st, 3));
    return 0;
}

int isms_store_control_level_history(struct isms_control_level_change **out, size_t *count,
                                     struct isms_store *store, int64_t org_id,
                                     const char *control_id)
{
    const struct isms_store_select q = {
        .sql = "SELECT from_level, to_level, changed_at, changed_by FROM control_level_changes "
               "WHERE org_id = $1 AND control_id = $2 ORDER BY id",
        .params = &org_id,
        .param_count = 1,
        .text = control_id,
        .read = read_change,
        .item_size = sizeof(**out),
    };
    return isms_store_select_all(out, count, store, &q);
}

const struct isms_store_evidence_table isms_store_control_evidence = {
    .insert_sql = "INSERT INTO control_evidence (org_id, control_id, name, url, sha256, size, "
                  "content, added_by, added_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
                  "RETURNING id",
    .list_sql = "SELECT " ISMS_STORE_EVIDENCE_COLUMNS " FROM control_evidence WHERE org_id = $1 "
                "AND control_id = $2 ORDER BY id DESC",
    .file_sql = "SELECT " ISMS_STORE_EVIDENCE_COLUMNS ", content FROM control_evidence WHERE "
                "org_id = $1 AND id = $2 AND control_id = $3 AND content IS NOT NULL",
    .action = "control.evidence",
    .kind = "",
};
