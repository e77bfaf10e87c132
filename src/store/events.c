#include "isms_setup.h"
#include "model/actor.h"
#include "store/change.h"
#include "store/db.h"
#include "store/events.h"
#include "store/query.h"
#include "store/store.h"
#include "util/error.h"

struct record {
    struct isms_event_record_counts *out;
    int64_t org_id, window;
    const struct isms_event_burst *bursts;
    size_t count;
    const char *origin;
    const struct isms_log_offset *offset;
    const struct isms_log_hourly *hourly;
    struct isms_db *db; /* while the counts are added */
};

static int merge_burst(struct isms_db *db, const struct record *r, const struct isms_event_burst *b,
                       int64_t *merged_id)
{
    char first[ISMS_TIMESTAMP_SIZE], last[ISMS_TIMESTAMP_SIZE];
    char reach_back[ISMS_TIMESTAMP_SIZE], reach_on[ISMS_TIMESTAMP_SIZE];
    const struct isms_sql_value values[] = {
        isms_sql_int(r->org_id),     isms_sql_text(isms_event_kind_name(b->kind)),
        isms_sql_text(b->signature), isms_sql_text(b->source),
        isms_sql_text(reach_back),   isms_sql_text(reach_on),
        isms_sql_int(b->count),      isms_sql_text(first),
        isms_sql_text(last),
    };

    isms_time_from_epoch(first, b->first);
    isms_time_from_epoch(last, b->last);
    isms_time_from_epoch(reach_back, b->first - r->window);
    isms_time_from_epoch(reach_on, b->last + r->window);
    return isms_store_exec(
        db,
        "UPDATE events SET count = count + $7, first_at = min(first_at, $8), last_at = "
        "max(last_at, $9) WHERE id = (SELECT id FROM events WHERE org_id = $1 AND kind = $2 AND "
        "signature = $3 AND source = $4 AND last_at >= $5 AND first_at <= $6 ORDER BY last_at "
        "DESC, id DESC LIMIT 1) RETURNING id",
        values, ISMS_ARRAY_SIZE(values), merged_id, NULL);
}

static int insert_burst(struct isms_db *db, const struct record *r,
                        const struct isms_event_burst *b, const char *now)
{
    char first[ISMS_TIMESTAMP_SIZE], last[ISMS_TIMESTAMP_SIZE];
    const struct isms_sql_value values[] = {
        isms_sql_int(r->org_id),      isms_sql_text(isms_event_kind_name(b->kind)),
        isms_sql_text(b->signature),  isms_sql_text(b->type),
        isms_sql_text(b->source),     isms_sql_text(b->name),
        isms_sql_text(r->origin),     isms_sql_int(b->line),
        isms_sql_text(b->sample),     isms_sql_text(first),
        isms_sql_text(last),          isms_sql_int(b->count),
        isms_sql_id(b->indicator_id), isms_sql_text(now),
    };

    isms_time_from_epoch(first, b->first);
    isms_time_from_epoch(last, b->last);
    /* A hit is named after its indicator's threat; an indicator deleted
     * meanwhile leaves the event without its reference. */
    return isms_store_exec(
        db,
        "INSERT INTO events (org_id, kind, signature, type, source, name, origin, line, sample, "
        "first_at, last_at, count, indicator_id, created_at) VALUES ($1, $2, $3, $4, $5, CASE WHEN "
        "$6 = '' THEN coalesce((SELECT threat FROM indicators WHERE org_id = $1 AND id = $13), '') "
        "ELSE $6 END, $7, $8, $9, $10, $11, $12, (SELECT id FROM indicators WHERE org_id = $1 AND "
        "id = $13), $14)",
        values, ISMS_ARRAY_SIZE(values), NULL, NULL);
}

static int save_offset(struct isms_db *db, int64_t org_id, const struct isms_log_offset *o,
                       const char *now)
{
    const struct isms_sql_value values[] = {
        isms_sql_int(org_id),   isms_sql_text(o->path),  isms_sql_int(o->device),
        isms_sql_int(o->inode), isms_sql_int(o->offset), isms_sql_text(now),
        isms_sql_int(o->line),
    };

    return isms_store_exec(db,
                           "INSERT INTO log_watch_offsets (org_id, path, device, inode, offset, "
                           "updated_at, line) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT "
                           "(org_id, path) DO UPDATE SET device = $3, inode = $4, offset = $5, "
                           "updated_at = $6, line = $7",
                           values, ISMS_ARRAY_SIZE(values), NULL, NULL);
}

static int add_count(const struct isms_log_hour_count *c, void *ctx)
{
    const struct record *r = ctx;
    const struct isms_sql_value values[] = {
        isms_sql_int(r->org_id), isms_sql_text(c->rule), isms_sql_text(c->source),
        isms_sql_int(c->hour),   isms_sql_int(c->count),
    };

    return isms_store_exec(r->db,
                           "INSERT INTO log_hourly_counts (org_id, rule, source, hour, count) "
                           "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (org_id, rule, source, hour) "
                           "DO UPDATE SET count = count + excluded.count",
                           values, ISMS_ARRAY_SIZE(values), NULL, NULL);
}

static int record_all(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    struct record *r = ctx;
    char now[ISMS_TIMESTAMP_SIZE];
    int error = 0;

    isms_time_now(now);
    for (size_t i = 0; error == 0 && i < r->count; i++) {
        int64_t merged = 0;
        if ((error = merge_burst(db, r, &r->bursts[i], &merged)) < 0)
            break;
        if (merged)
            r->out->merged++;
        else if ((error = insert_burst(db, r, &r->bursts[i], now)) == 0)
            r->out->added++;
    }
    if (error == 0 && r->offset)
        error = save_offset(db, r->org_id, r->offset, now);
    r->db = db;
    if (error == 0 && r->hourly)
        error = isms_log_hourly_each(r->hourly, add_count, r);
    if (error < 0 || (r->count == 0))
        return error;
    return isms_store_journal_json(db, actor, r->org_id, "event.record", r->origin,
                                   json_pack("{s:I, s:I}", "added", (json_int_t)r->out->added,
                                             "merged", (json_int_t)r->out->merged));
}

int isms_store_events_record(struct isms_event_record_counts *out, struct isms_store *store,
                             int64_t org_id, const struct isms_event_batch *b,
                             const struct isms_actor *actor)
{
    struct record r = {out,       org_id,    b->window, b->bursts, b->count,
                       b->origin, b->offset, b->hourly, NULL};

    memset(out, 0, sizeof(*out));
    if (!b->count && !b->offset && !b->hourly)
        return 0;
    return isms_store_write(store, actor, NULL, record_all, &r);
}

static int read_count(void *item, struct isms_stmt *st)
{
    const struct isms_log_hour_count c = {isms_stmt_text(st, 0), isms_stmt_text(st, 1),
                                          isms_stmt_int64(st, 2), isms_stmt_int64(st, 3)};

    return isms_log_hourly_put(item, &c);
}

int isms_store_log_counts_load(struct isms_log_hourly *out, struct isms_store *store,
                               int64_t org_id, int64_t since)
{
    const int64_t params[] = {org_id, since};
    struct isms_db *db = isms_store_acquire(store);
    int error = isms_store_each_row(db,
                                    "SELECT rule, source, hour, count FROM log_hourly_counts "
                                    "WHERE org_id = $1 AND hour >= $2 ORDER BY rule, source, hour",
                                    params, 2, read_count, out);

    isms_store_release(store, db);
    return error;
}

#define EVENT_COLUMNS                                                                              \
    "id, kind, signature, type, source, name, origin, line, sample, first_at, last_at, count, "    \
    "indicator_id, incident_id"

static int read_event(void *item, struct isms_stmt *st)
{
    struct isms_event *e = item;

    memset(e, 0, sizeof(*e));
    e->id = isms_stmt_int64(st, 0);
    if (isms_event_kind_parse(&e->kind, isms_stmt_text(st, 1)) < 0)
        return isms_error_set(ISMS_ERROR, "event %" PRId64 " is corrupt", e->id);
    isms_store_copy_text(e->signature, sizeof(e->signature), isms_stmt_text(st, 2));
    isms_store_copy_text(e->type, sizeof(e->type), isms_stmt_text(st, 3));
    isms_store_copy_text(e->source, sizeof(e->source), isms_stmt_text(st, 4));
    isms_store_copy_text(e->name, sizeof(e->name), isms_stmt_text(st, 5));
    isms_store_copy_text(e->origin, sizeof(e->origin), isms_stmt_text(st, 6));
    e->line = isms_stmt_int64(st, 7);
    isms_store_copy_text(e->sample, sizeof(e->sample), isms_stmt_text(st, 8));
    isms_store_copy_text(e->first_at, sizeof(e->first_at), isms_stmt_text(st, 9));
    isms_store_copy_text(e->last_at, sizeof(e->last_at), isms_stmt_text(st, 10));
    e->count = isms_stmt_int64(st, 11);
    e->indicator_id = isms_stmt_is_null(st, 12) ? 0 : isms_stmt_int64(st, 12);
    e->incident_id = isms_stmt_is_null(st, 13) ? 0 : isms_stmt_int64(st, 13);
    return 0;
}

/* $1 org, $2 open only, $3 incident ($4 limit, $5 offset); $6 kind, $7 type,
 * $8 q. */
#define EVENT_FILTER                                                                               \
    " FROM events WHERE org_id = $1 AND ($2 = 0 OR incident_id IS NULL) AND ($3 = 0 OR "           \
    "incident_id = $3) AND ($6 = '' OR kind = $6) AND ($7 = '' OR type = $7) AND ($8 = '' OR "     \
    "instr(lower(signature), lower($8)) > 0 OR instr(lower(source), lower($8)) > 0 OR "            \
    "instr(lower(name), lower($8)) > 0)"

static int read_total(void *item, struct isms_stmt *st)
{
    *(int64_t *)item = isms_stmt_int64(st, 0);
    return 0;
}

int isms_store_events_list(struct isms_event **out, size_t *count, int64_t *total,
                           struct isms_store *store, int64_t org_id,
                           const struct isms_event_filter *f)
{
    const char *texts[] = {f->kind, f->type, f->q};
    const int64_t params[] = {org_id, f->open_only, f->incident_id, f->limit > 0 ? f->limit : 200,
                              f->offset > 0 ? f->offset : 0};
    struct isms_store_select q = {
        .sql = "SELECT " EVENT_COLUMNS EVENT_FILTER
               " ORDER BY last_at DESC, id DESC LIMIT $4 OFFSET $5",
        .params = params,
        .param_count = 5,
        .texts = texts,
        .text_count = 3,
        .read = read_event,
        .item_size = sizeof(**out),
    };
    int error;

    if ((error = isms_store_select_all(out, count, store, &q)) < 0 || !total)
        return error;
    /* $4 and $5 stay bound and unused. */
    q.sql = "SELECT count(*)" EVENT_FILTER " AND $4 >= 0 AND $5 >= 0";
    q.read = read_total;
    if ((error = isms_store_select_one(total, store, &q)) < 0) {
        free(*out);
        *out = NULL;
    }
    return error;
}

int isms_store_event_get(struct isms_event *out, struct isms_store *store, int64_t org_id,
                         int64_t id)
{
    const int64_t params[] = {org_id, id};
    const struct isms_store_select q = {
        .sql = "SELECT " EVENT_COLUMNS " FROM events WHERE org_id = $1 AND id = $2",
        .params = params,
        .param_count = 2,
        .read = read_event,
    };
    int error = isms_store_select_one(out, store, &q);

    if (error == ISMS_ENOTFOUND)
        return isms_error_set(ISMS_ENOTFOUND, _("no such event in this organization"));
    return error;
}

struct offset_row {
    struct isms_log_offset *out;
    bool *found;
};

static int read_offset(void *item, struct isms_stmt *st)
{
    struct offset_row *r = item;

    r->out->device = isms_stmt_int64(st, 0);
    r->out->inode = isms_stmt_int64(st, 1);
    r->out->offset = isms_stmt_int64(st, 2);
    r->out->line = isms_stmt_int64(st, 3);
    *r->found = true;
    return 0;
}

int isms_store_log_offset_get(struct isms_log_offset *out, bool *found, struct isms_store *store,
                              int64_t org_id, const char *path)
{
    struct offset_row row = {out, found};
    const struct isms_store_select q = {
        .sql = "SELECT device, inode, offset, line FROM log_watch_offsets WHERE org_id = $1 AND "
               "path = $2",
        .params = &org_id,
        .param_count = 1,
        .text = path,
        .read = read_offset,
    };
    int error;

    *found = false;
    out->path = path;
    out->device = out->inode = out->offset = out->line = 0;
    error = isms_store_select_one(&row, store, &q);
    return error == ISMS_ENOTFOUND ? 0 : error;
}
