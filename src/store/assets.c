#include "isms_setup.h"
#include <jansson.h>
#include "model/asset.h"
#include "store/assets.h"
#include "store/db.h"
#include "store/journal.h"
#include "store/query.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/error.h"

/* The service's name comes from the same org's row: the join repeats the
 * org condition so no other org's data can appear. */
#define SELECT_ASSET                                                                               \
    "SELECT a.id, a.org_id, a.name, a.type, a.owner, a.classification, a.confidentiality, "        \
    "a.integrity, a.availability, a.location, a.cloud_service_id, c.name, a.retention_period, "    \
    "a.retention_basis, a.retention_basis_date, a.deletion_due, a.notes, a.created_at, "           \
    "a.updated_at FROM assets a "                                                                  \
    "LEFT JOIN cloud_services c ON c.org_id = a.org_id AND c.id = a.cloud_service_id "

static int read_retention(struct isms_asset *a, struct isms_stmt *st)
{
    if (!isms_stmt_is_null(st, 12) &&
        isms_retention_parse(&a->retention, isms_stmt_text(st, 12), isms_stmt_text(st, 13),
                             isms_stmt_text(st, 14)) < 0)
        return isms_error_set(ISMS_ERROR, "asset %" PRId64 " has a corrupt retention rule", a->id);
    if (!isms_stmt_is_null(st, 15) && isms_date_parse(&a->deletion_due, isms_stmt_text(st, 15)) < 0)
        return isms_error_set(ISMS_ERROR, "asset %" PRId64 " has a corrupt due date", a->id);
    return 0;
}

/* Fills *a from the current row; on failure *a still releases cleanly. */
static int read_row(struct isms_asset *a, struct isms_stmt *st)
{
    int error;

    memset(a, 0, sizeof(*a));
    a->id = isms_stmt_int64(st, 0);
    a->org_id = isms_stmt_int64(st, 1);
    a->confidentiality = (int)isms_stmt_int64(st, 6);
    a->integrity = (int)isms_stmt_int64(st, 7);
    a->availability = (int)isms_stmt_int64(st, 8);
    a->cloud_service_id = isms_stmt_is_null(st, 10) ? 0 : isms_stmt_int64(st, 10);
    snprintf(a->created_at, sizeof(a->created_at), "%s", isms_stmt_text(st, 17));
    snprintf(a->updated_at, sizeof(a->updated_at), "%s", isms_stmt_text(st, 18));
    if ((error = isms_store_dup_text(&a->name, isms_stmt_text(st, 2))) < 0 ||
        (error = isms_store_dup_text(&a->owner, isms_stmt_text(st, 4))) < 0 ||
        (error = isms_store_dup_text(&a->location, isms_stmt_text(st, 9))) < 0 ||
        (error = isms_store_dup_text(&a->cloud_service_name, isms_stmt_text(st, 11))) < 0 ||
        (error = isms_store_dup_text(&a->notes, isms_stmt_text(st, 16))) < 0 ||
        (error = isms_asset_type_parse(&a->type, isms_stmt_text(st, 3))) < 0 ||
        (error = isms_asset_classification_parse(&a->classification, isms_stmt_text(st, 5))) < 0)
        return error;
    return read_retention(a, st);
}

/* Binds $2..$15, the columns an INSERT and an UPDATE both write. */
static int bind_fields(struct isms_stmt *st, const struct isms_asset_input *in,
                       const struct isms_date *due, const char *now)
{
    const struct isms_retention *r = &in->retention;
    bool has_rule = r->basis != ISMS_RETENTION_NONE || r->period.permanent;
    char period[ISMS_RETENTION_PERIOD_SIZE], basis_date[ISMS_DATE_SIZE], due_text[ISMS_DATE_SIZE];
    int error;

    isms_retention_period_format(period, &r->period);
    isms_date_format(basis_date, &r->basis_date);
    isms_date_format(due_text, due);
    if ((error = isms_stmt_bind_text(st, 2, in->name)) < 0 ||
        (error = isms_stmt_bind_text(st, 3, isms_asset_type_name(in->type))) < 0 ||
        (error = isms_stmt_bind_text(st, 4, in->owner ? in->owner : "")) < 0 ||
        (error = isms_stmt_bind_text(st, 5, isms_asset_classification_name(in->classification))) <
            0 ||
        (error = isms_stmt_bind_int64(st, 6, in->confidentiality)) < 0 ||
        (error = isms_stmt_bind_int64(st, 7, in->integrity)) < 0 ||
        (error = isms_stmt_bind_int64(st, 8, in->availability)) < 0 ||
        (error = isms_stmt_bind_text(st, 9, in->location ? in->location : "")) < 0 ||
        (error = in->cloud_service_id ? isms_stmt_bind_int64(st, 10, in->cloud_service_id)
                                      : isms_stmt_bind_null(st, 10)) < 0 ||
        (error = isms_stmt_bind_text(st, 11, has_rule ? period : NULL)) < 0 ||
        (error = isms_stmt_bind_text(st, 12, isms_retention_basis_name(r->basis))) < 0 ||
        (error = isms_stmt_bind_text(st, 13, *basis_date ? basis_date : NULL)) < 0 ||
        (error = isms_stmt_bind_text(st, 14, *due_text ? due_text : NULL)) < 0 ||
        (error = isms_stmt_bind_text(st, 15, in->notes ? in->notes : "")) < 0 ||
        (error = isms_stmt_bind_text(st, 16, now)) < 0)
        return error;
    return 0;
}

static int check_cloud_service(struct isms_db *db, int64_t org_id, int64_t id)
{
    int64_t found;
    int error;

    if (id == 0)
        return 0;
    if ((error = isms_store_query_int64(&found, db,
                                        "SELECT 1 FROM cloud_services "
                                        "WHERE org_id = $1 AND id = $2",
                                        (const int64_t[]){org_id, id}, 2)) < 0)
        return error;
    if (!found)
        return isms_error_set(
            ISMS_EINVALID,
            "'cloud_service_id' %" PRId64 " is not a cloud service of this organization", id);
    return 0;
}

static json_t *asset_detail(const struct isms_asset_input *in, const struct isms_date *due)
{
    char period[ISMS_RETENTION_PERIOD_SIZE], due_text[ISMS_DATE_SIZE];

    isms_retention_period_format(period, &in->retention.period);
    isms_date_format(due_text, due);
    return json_pack(
        "{s:s, s:s, s:s, s:s, s:i, s:i, s:i, s:I, s:s, s:s}", "name", in->name, "type",
        isms_asset_type_name(in->type), "owner", in->owner ? in->owner : "", "classification",
        isms_asset_classification_name(in->classification), "confidentiality", in->confidentiality,
        "integrity", in->integrity, "availability", in->availability, "cloud_service_id",
        (json_int_t)in->cloud_service_id, "retention_period", period, "deletion_due", due_text);
}

static int journal_insert(struct isms_db *db, const struct isms_actor *actor, int64_t org_id,
                          const struct isms_asset_input *in, const struct isms_date *due,
                          int64_t first_id, size_t count, bool bulk)
{
    char entity[48];

    if (!bulk) {
        snprintf(entity, sizeof(entity), "asset:%" PRId64, first_id);
        return isms_store_journal_json(db, actor, org_id, "asset.create", entity,
                                       asset_detail(in, due));
    }
    return isms_store_journal_json(db, actor, org_id, "asset.import", "assets",
                                   json_pack("{s:I, s:I, s:I}", "count", (json_int_t)count,
                                             "first_id", (json_int_t)first_id, "last_id",
                                             (json_int_t)(first_id + (int64_t)count - 1)));
}

static int insert_rows(int64_t *first_id, struct isms_db *db, int64_t org_id,
                       const struct isms_asset_input *inputs, const struct isms_date *dues,
                       size_t count, const char *now)
{
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(
             &st, db,
             "INSERT INTO assets (org_id, name, type, owner, classification, confidentiality, "
             "integrity, availability, location, cloud_service_id, retention_period, "
             "retention_basis, retention_basis_date, deletion_due, notes, updated_at, created_at) "
             "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16) "
             "RETURNING id")) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, org_id)) < 0)
        goto done;
    for (size_t i = 0; i < count; i++) {
        if ((error = isms_stmt_reset(st)) < 0 ||
            (error = bind_fields(st, &inputs[i], &dues[i], now)) < 0)
            goto done;
        if ((error = isms_stmt_step(st)) == ISMS_ECONFLICT) {
            error = isms_error_set(ISMS_EINVALID,
                                   "asset %zu: 'cloud_service_id' %" PRId64
                                   " is not a cloud service of this organization",
                                   i + 1, inputs[i].cloud_service_id);
            goto done;
        }
        if (error < 0)
            goto done;
        if (i == 0)
            *first_id = isms_stmt_int64(st, 0);
        /* Drain RETURNING so the row is complete before the next bind. */
        while ((error = isms_stmt_step(st)) == 1)
            ;
        if (error < 0)
            goto done;
    }
done:
    isms_stmt_finalize(st);
    return error;
}

struct asset_write {
    int64_t org_id;
    int64_t id; /* the asset updated, or the first one inserted */
    const struct isms_asset_input *inputs;
    const struct isms_date *dues;
    size_t count;
    const char *now;
    bool bulk;
};

static int insert_journaled(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    struct asset_write *w = ctx;
    int error;

    if ((!w->bulk &&
         (error = check_cloud_service(db, w->org_id, w->inputs[0].cloud_service_id)) < 0) ||
        (error = insert_rows(&w->id, db, w->org_id, w->inputs, w->dues, w->count, w->now)) < 0)
        return error;
    return journal_insert(db, actor, w->org_id, w->inputs, w->dues, w->id, w->count, w->bulk);
}

int isms_store_asset_insert(int64_t *first_id, struct isms_store *store, int64_t org_id,
                            const struct isms_asset_input *inputs, const struct isms_date *dues,
                            size_t count, const char *now, bool bulk,
                            const struct isms_actor *actor)
{
    struct asset_write w = {org_id, 0, inputs, dues, count, now, bulk};
    int error;

    *first_id = 0;
    if (count == 0)
        return 0;
    error = isms_store_write(store, actor, NULL, insert_journaled, &w);
    *first_id = w.id;
    return error;
}

static int update_row(struct isms_db *db, int64_t org_id, int64_t id,
                      const struct isms_asset_input *in, const struct isms_date *due,
                      const char *now)
{
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(
             &st, db,
             "UPDATE assets SET name = $2, type = $3, owner = $4, classification = $5, "
             "confidentiality = $6, integrity = $7, availability = $8, location = $9, "
             "cloud_service_id = $10, retention_period = $11, retention_basis = $12, "
             "retention_basis_date = $13, deletion_due = $14, notes = $15, updated_at = $16 "
             "WHERE org_id = $1 AND id = $17")) < 0 ||
        (error = isms_stmt_bind_int64(st, 1, org_id)) < 0 ||
        (error = isms_stmt_bind_int64(st, 17, id)) < 0 ||
        (error = bind_fields(st, in, due, now)) < 0)
        goto done;
    if ((error = isms_stmt_step(st)) == 0 && isms_stmt_changes(st) == 0)
        error = isms_error_set(ISMS_ENOTFOUND, "asset %" PRId64 " not found", id);
done:
    isms_stmt_finalize(st);
    return error;
}

static int update_journaled(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    struct asset_write *w = ctx;
    char entity[48];
    int error;

    snprintf(entity, sizeof(entity), "asset:%" PRId64, w->id);
    if ((error = check_cloud_service(db, w->org_id, w->inputs->cloud_service_id)) < 0 ||
        (error = update_row(db, w->org_id, w->id, w->inputs, w->dues, w->now)) < 0)
        return error;
    return isms_store_journal_json(db, actor, w->org_id, "asset.update", entity,
                                   asset_detail(w->inputs, w->dues));
}

int isms_store_asset_update(struct isms_store *store, int64_t org_id, int64_t id,
                            const struct isms_asset_input *in, const struct isms_date *due,
                            const char *now, const struct isms_actor *actor)
{
    struct asset_write w = {org_id, id, in, due, 1, now, false};

    return isms_store_write(store, actor, NULL, update_journaled, &w);
}

/* Deletes the asset whose (org_id, id) `ctx` points to. */
static int delete_row(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    const int64_t *key = ctx, org_id = key[0], id = key[1];
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db, "DELETE FROM assets WHERE org_id = $1 AND id = $2")) <
            0 ||
        (error = isms_stmt_bind_int64(st, 1, org_id)) < 0 ||
        (error = isms_stmt_bind_int64(st, 2, id)) < 0)
        goto done;
    if ((error = isms_stmt_step(st)) == ISMS_ECONFLICT)
        error = isms_error_set(ISMS_ECONFLICT,
                               "asset %" PRId64 " is still referenced "
                               "(e.g. by risks); remove those links first",
                               id);
    else if (error == 0 && isms_stmt_changes(st) == 0)
        error = isms_error_set(ISMS_ENOTFOUND, "asset %" PRId64 " not found", id);
done:
    isms_stmt_finalize(st);
    return error;
}

int isms_store_asset_delete(struct isms_store *store, int64_t org_id, int64_t id,
                            const struct isms_actor *actor)
{
    int64_t key[] = {org_id, id};
    char entity[48];

    snprintf(entity, sizeof(entity), "asset:%" PRId64, id);
    return isms_store_write(store, actor,
                            &(struct isms_journal_event){org_id, "asset.delete", entity, NULL},
                            delete_row, key);
}

/* Fills an asset from the current row; on failure it holds nothing. */
static int read_asset(void *item, struct isms_stmt *st)
{
    int error = read_row(item, st);

    if (error < 0)
        isms_asset_release(item);
    return error;
}

int isms_store_asset_get(struct isms_asset *out, struct isms_store *store, int64_t org_id,
                         int64_t id)
{
    const struct isms_store_select q = {
        .sql = SELECT_ASSET "WHERE a.org_id = $1 AND a.id = $2",
        .params = (const int64_t[]){org_id, id},
        .param_count = 2,
        .read = read_asset,
    };
    int error;

    memset(out, 0, sizeof(*out));
    if ((error = isms_store_select_one(out, store, &q)) == ISMS_ENOTFOUND)
        isms_error_set(error, "asset %" PRId64 " not found", id);
    return error;
}

/* Appends the filter's conditions to `sql`. Only fixed text goes into the
 * SQL; every value is a bound parameter ($2..$6). */
static int filter_sql(struct isms_buf *sql, const struct isms_asset_filter *f)
{
    int error = 0;

    if (f->name_contains && *f->name_contains)
        error = isms_buf_puts(sql, " AND a.name LIKE $2 ESCAPE '\\'");
    if (!error && f->type)
        error = isms_buf_puts(sql, " AND a.type = $3");
    if (!error && f->classification)
        error = isms_buf_puts(sql, " AND a.classification = $4");
    if (!error && f->cloud_service_id)
        error = isms_buf_puts(sql, " AND a.cloud_service_id = $5");
    if (!error && isms_date_is_set(&f->due_before))
        error = isms_buf_puts(sql, " AND a.deletion_due < $6");
    return error;
}

/* "%text%" with LIKE's wildcards in `text` escaped. */
static int like_pattern(struct isms_buf *out, const char *text)
{
    int error = isms_buf_putc(out, '%');

    for (const char *p = text; !error && *p; p++) {
        if (*p == '%' || *p == '_' || *p == '\\')
            error = isms_buf_putc(out, '\\');
        if (!error)
            error = isms_buf_putc(out, *p);
    }
    return error ? error : isms_buf_putc(out, '%');
}

static int bind_filter(struct isms_stmt *st, int64_t org_id, const struct isms_asset_filter *f)
{
    struct isms_buf pattern = ISMS_BUF_INIT(4 * ISMS_ASSET_QUERY_MAX + 8);
    char due[ISMS_DATE_SIZE];
    int error;

    isms_date_format(due, &f->due_before);
    if ((error = isms_stmt_bind_int64(st, 1, org_id)) < 0)
        goto done;
    if (f->name_contains && *f->name_contains &&
        ((error = like_pattern(&pattern, f->name_contains)) < 0 ||
         (error = isms_stmt_bind_text(st, 2, isms_buf_cstr(&pattern))) < 0))
        goto done;
    if ((f->type && (error = isms_stmt_bind_text(st, 3, isms_asset_type_name(f->type))) < 0) ||
        (f->classification &&
         (error = isms_stmt_bind_text(st, 4, isms_asset_classification_name(f->classification))) <
             0) ||
        (f->cloud_service_id && (error = isms_stmt_bind_int64(st, 5, f->cloud_service_id)) < 0) ||
        (*due && (error = isms_stmt_bind_text(st, 6, due)) < 0))
        goto done;
done:
    isms_buf_release(&pattern);
    return error;
}

/* Prepares the filtered statement: `head` then the conditions then `tail`. */
static int prepare_filtered(struct isms_stmt **out, struct isms_db *db, const char *head,
                            const struct isms_asset_filter *f, const char *tail, int64_t org_id)
{
    struct isms_buf sql = ISMS_BUF_INIT(4096);
    int error;

    *out = NULL;
    if ((error = isms_buf_puts(&sql, head)) < 0 || (error = filter_sql(&sql, f)) < 0 ||
        (error = isms_buf_puts(&sql, tail)) < 0 ||
        (error = isms_db_prepare(out, db, isms_buf_cstr(&sql))) < 0)
        goto done;
    if ((error = bind_filter(*out, org_id, f)) < 0) {
        isms_stmt_finalize(*out);
        *out = NULL;
    }
done:
    isms_buf_release(&sql);
    return error;
}

int isms_store_asset_query(struct isms_store *store, int64_t org_id,
                           const struct isms_asset_filter *f, isms_asset_visit_fn visit, void *ctx)
{
    struct isms_db *db = isms_store_acquire(store);
    /* The due list reads soonest first; everything else in register order. */
    const char *order = isms_date_is_set(&f->due_before) ? " ORDER BY a.deletion_due, a.id"
                                                         : " ORDER BY a.id";
    struct isms_stmt *st = NULL;
    char tail[96];
    int error;

    snprintf(tail, sizeof(tail), "%s LIMIT $7 OFFSET $8", order);
    if ((error = prepare_filtered(&st, db, SELECT_ASSET "WHERE a.org_id = $1", f, tail, org_id)) <
            0 ||
        (error = isms_stmt_bind_int64(st, 7, f->limit ? (int64_t)f->limit : -1)) < 0 ||
        (error = isms_stmt_bind_int64(st, 8, (int64_t)f->offset)) < 0)
        goto done;
    while ((error = isms_stmt_step(st)) == 1) {
        struct isms_asset asset;
        if ((error = read_row(&asset, st)) == 0)
            error = visit(ctx, &asset);
        isms_asset_release(&asset);
        if (error < 0)
            break;
    }
done:
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    return error;
}

int isms_store_asset_count(int64_t *out, struct isms_store *store, int64_t org_id,
                           const struct isms_asset_filter *f)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_stmt *st = NULL;
    int error;

    if ((error = prepare_filtered(&st, db, "SELECT count(*) FROM assets a WHERE a.org_id = $1", f,
                                  "", org_id)) < 0)
        goto done;
    if ((error = isms_stmt_step(st)) == 1) {
        *out = isms_stmt_int64(st, 0);
        error = 0;
    }
done:
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    return error;
}
