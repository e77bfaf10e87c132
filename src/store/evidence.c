#include "isms_setup.h"
#include "model/actor.h"
#include "store/db.h"
#include "store/evidence.h"
#include "store/query.h"
#include "store/store.h"
#include "util/error.h"

struct evidence_write {
    const struct isms_store_evidence_table *table;
    int64_t org_id;
    const struct isms_store_evidence_row *row;
    struct isms_evidence *out;
};

static int insert_evidence(struct isms_db *db, struct evidence_write *w, const char *now,
                           const struct isms_actor *actor)
{
    const struct isms_store_evidence_row *r = w->row;
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db, w->table->insert_sql)) < 0)
        return error;
    if ((error = isms_stmt_bind_int64(st, 1, w->org_id)) >= 0 &&
        (error = isms_stmt_bind_text(st, 2, r->subject)) >= 0 &&
        (error = isms_stmt_bind_text(st, 3, r->name)) >= 0 &&
        (error = isms_stmt_bind_text(st, 4, r->url ? r->url : "")) >= 0 &&
        (error = isms_stmt_bind_text(st, 5, r->sha256 ? r->sha256 : "")) >= 0 &&
        (error = isms_stmt_bind_int64(st, 6, (int64_t)r->size)) >= 0 &&
        (error = r->content ? isms_stmt_bind_blob(st, 7, r->content, r->size)
                            : isms_stmt_bind_null(st, 7)) >= 0 &&
        (error = isms_stmt_bind_text(st, 8, actor->name)) >= 0 &&
        (error = isms_stmt_bind_text(st, 9, now)) >= 0 && (error = isms_stmt_step(st)) == 1) {
        w->out->id = isms_stmt_int64(st, 0);
        error = 0;
    } else if (error == 0) {
        error = isms_error_set(ISMS_ENOTFOUND, _("no such record in this organization"));
    }
    isms_stmt_finalize(st);
    return error < 0 ? error : 0;
}

static int evidence_journaled(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    struct evidence_write *w = ctx;
    char now[ISMS_TIMESTAMP_SIZE], entity[160];
    int error;

    isms_time_now(now);
    if ((error = insert_evidence(db, w, now, actor)) < 0)
        return error;
    isms_store_copy_text(w->out->added_at, sizeof(w->out->added_at), now);
    snprintf(entity, sizeof(entity), "%s%s%s", w->table->kind, *w->table->kind ? ":" : "",
             w->row->subject);
    return isms_store_journal_json(
        db, actor, w->org_id, w->table->action, entity,
        json_pack("{s:I, s:s, s:s, s:s, s:I}", "id", (json_int_t)w->out->id, "name", w->row->name,
                  "url", w->row->url ? w->row->url : "", "sha256",
                  w->row->sha256 ? w->row->sha256 : "", "size", (json_int_t)w->row->size));
}

int isms_store_evidence_add(struct isms_evidence *out, struct isms_store *store,
                            const struct isms_store_evidence_table *table, int64_t org_id,
                            const struct isms_store_evidence_row *row,
                            const struct isms_actor *actor)
{
    struct evidence_write w = {table, org_id, row, out};

    /* What was written is what a read would give back: no query for it. */
    memset(out, 0, sizeof(*out));
    isms_store_copy_text(out->name, sizeof(out->name), row->name);
    isms_store_copy_text(out->url, sizeof(out->url), row->url);
    isms_store_copy_text(out->sha256, sizeof(out->sha256), row->sha256);
    out->size = (int64_t)row->size;
    isms_store_copy_text(out->added_by, sizeof(out->added_by), actor->name);
    return isms_store_write(store, actor, NULL, evidence_journaled, &w);
}

static int read_evidence(void *item, struct isms_stmt *st)
{
    struct isms_evidence *e = item;

    e->id = isms_stmt_int64(st, 0);
    isms_store_copy_text(e->name, sizeof(e->name), isms_stmt_text(st, 1));
    isms_store_copy_text(e->url, sizeof(e->url), isms_stmt_text(st, 2));
    isms_store_copy_text(e->sha256, sizeof(e->sha256), isms_stmt_text(st, 3));
    e->size = isms_stmt_int64(st, 4);
    isms_store_copy_text(e->added_by, sizeof(e->added_by), isms_stmt_text(st, 5));
    isms_store_copy_text(e->added_at, sizeof(e->added_at), isms_stmt_text(st, 6));
    return 0;
}

int isms_store_evidence_list(struct isms_evidence **out, size_t *count, struct isms_store *store,
                             const struct isms_store_evidence_table *table, int64_t org_id,
                             const char *subject)
{
    const struct isms_store_select q = {
        .sql = table->list_sql,
        .params = &org_id,
        .param_count = 1,
        .text = subject,
        .read = read_evidence,
        .item_size = sizeof(**out),
    };
    return isms_store_select_all(out, count, store, &q);
}

static int read_evidence_file(void *item, struct isms_stmt *st)
{
    struct isms_evidence_file *f = item;
    const void *data;
    int error;

    if ((error = read_evidence(&f->meta, st)) < 0)
        return error;
    data = isms_stmt_blob(st, 7, &f->len);
    if (!(f->content = malloc(f->len ? f->len : 1)))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    if (f->len)
        memcpy(f->content, data, f->len);
    return 0;
}

int isms_store_evidence_file(struct isms_evidence_file *out, struct isms_store *store,
                             const struct isms_store_evidence_table *table, int64_t org_id,
                             const char *subject, int64_t evidence_id)
{
    const int64_t params[] = {org_id, evidence_id};
    const struct isms_store_select q = {
        .sql = table->file_sql,
        .params = params,
        .param_count = 2,
        .text = subject,
        .read = read_evidence_file,
    };

    memset(out, 0, sizeof(*out));
    return isms_store_select_one(out, store, &q);
}
