#include "isms_setup.h"
#include "engines/ioc/ioc.h"
#include "store/db.h"
#include "store/indicators.h"
#include "store/query.h"
#include "store/store.h"
#include "util/error.h"

static int bind_row(struct isms_stmt *st, const struct isms_indicator *i, const char *now)
{
    int error;

    if ((error = isms_stmt_reset(st)) < 0 ||
        (error = isms_stmt_bind_text(st, 2, isms_ioc_type_name(i->type))) < 0 ||
        (error = isms_stmt_bind_text(st, 3, i->value)) < 0 ||
        (error = isms_stmt_bind_text(st, 4, i->threat ? i->threat : "")) < 0 ||
        (error = isms_stmt_bind_text(st, 5, i->source ? i->source : "")) < 0 ||
        (error = isms_stmt_bind_text(st, 6, isms_tlp_name(i->tlp))) < 0 ||
        (error = isms_store_bind_date(st, 7, &i->first_seen)) < 0 ||
        (error = isms_store_bind_date(st, 8, &i->active_from)) < 0 ||
        (error = isms_store_bind_date(st, 9, &i->active_until)) < 0 ||
        (error = isms_stmt_bind_text(st, 10, isms_direction_name(i->direction))) < 0 ||
        (error = i->confidence < 0 ? isms_stmt_bind_null(st, 11)
                                   : isms_stmt_bind_int64(st, 11, i->confidence)) < 0 ||
        (error = isms_stmt_bind_text(st, 12, i->tags ? i->tags : "")) < 0)
        return error;
    if ((error = isms_stmt_bind_text(st, 13, now)) < 0)
        return error;
    if ((error = isms_stmt_bind_int64(st, 14, i->allow)) < 0)
        return error;
    return isms_stmt_bind_text(st, 15, i->threat_ref ? i->threat_ref : "");
}

struct upsert {
    int64_t org_id;
    const struct isms_indicator *rows;
    size_t count, added;
    const char *source_name;
};

static int upsert_journaled(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    struct upsert *u = ctx;
    char now[ISMS_TIMESTAMP_SIZE];
    struct isms_stmt *st = NULL;
    int64_t before = 0, after = 0;
    int error;

    isms_time_now(now);
    if ((error = isms_store_query_int64(&before, db,
                                        "SELECT count(*) FROM indicators WHERE org_id = $1",
                                        &u->org_id, 1)) < 0 ||
        (error = isms_db_prepare(
             &st, db,
             "INSERT INTO indicators (org_id, type, value, threat, source, tlp, first_seen, "
             "active_from, active_until, direction, confidence, tags, created_at, updated_at, "
             "allow, threat_ref) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, "
             "$13, "
             "$14, $15) ON CONFLICT (org_id, type, value) DO UPDATE SET threat = excluded.threat, "
             "threat_ref = excluded.threat_ref, "
             "source = excluded.source, tlp = excluded.tlp, first_seen = excluded.first_seen, "
             "active_from = excluded.active_from, active_until = excluded.active_until, "
             "direction = excluded.direction, confidence = excluded.confidence, "
             "tags = excluded.tags, updated_at = excluded.updated_at, allow = excluded.allow")) <
            0 ||
        (error = isms_stmt_bind_int64(st, 1, u->org_id)) < 0)
        goto done;
    /* One statement prepared once, bound and stepped per row. */
    for (size_t i = 0; i < u->count; i++)
        if ((error = bind_row(st, &u->rows[i], now)) < 0 || (error = isms_stmt_step(st)) < 0)
            goto done;
    if ((error = isms_store_query_int64(
             &after, db, "SELECT count(*) FROM indicators WHERE org_id = $1", &u->org_id, 1)) < 0)
        goto done;
    u->added = (size_t)(after - before);
    error = isms_store_journal_json(
        db, actor, u->org_id, "indicator.import", u->source_name,
        json_pack("{s:I, s:I}", "rows", (json_int_t)u->count, "added", (json_int_t)u->added));
done:
    isms_stmt_finalize(st);
    return error;
}

int isms_store_indicators_upsert(size_t *added, struct isms_store *store, int64_t org_id,
                                 const struct isms_indicator *rows, size_t count,
                                 const char *source_name, const struct isms_actor *actor)
{
    struct upsert u = {org_id, rows, count, 0, source_name};
    int error = isms_store_write(store, actor, NULL, upsert_journaled, &u);

    *added = u.added;
    return error;
}

static int read_date(struct isms_date *out, struct isms_stmt *st, int column)
{
    memset(out, 0, sizeof(*out));
    return isms_stmt_is_null(st, column) ? 0 : isms_date_parse(out, isms_stmt_text(st, column));
}

struct visit {
    isms_indicator_visit_fn fn;
    void *ctx;
    struct isms_indicator row;
};

static int read_row(void *item, struct isms_stmt *st)
{
    struct visit *v = item;
    struct isms_indicator *i = &v->row;
    enum isms_ioc_type type;
    enum isms_tlp tlp;
    enum isms_direction direction;

    i->id = isms_stmt_int64(st, 0);
    if (isms_ioc_type_parse(&type, isms_stmt_text(st, 1)) < 0 ||
        isms_tlp_parse(&tlp, isms_stmt_text(st, 5)) < 0 ||
        isms_direction_parse(&direction, isms_stmt_text(st, 9)) < 0 ||
        read_date(&i->first_seen, st, 6) < 0 || read_date(&i->active_from, st, 7) < 0 ||
        read_date(&i->active_until, st, 8) < 0)
        return isms_error_set(ISMS_ERROR, "indicator %" PRId64 " is corrupt", i->id);
    i->type = type;
    i->tlp = tlp;
    i->direction = direction;
    /* Borrowed from the row: valid for the visit. */
    i->value = isms_stmt_text(st, 2);
    i->threat = isms_stmt_text(st, 3);
    i->source = isms_stmt_text(st, 4);
    i->confidence = isms_stmt_is_null(st, 10) ? -1 : (int)isms_stmt_int64(st, 10);
    i->tags = isms_stmt_text(st, 11);
    i->allow = isms_stmt_int64(st, 12) != 0;
    i->threat_ref = isms_stmt_text(st, 13);
    return v->fn(i, v->ctx);
}

int isms_store_indicators_each(struct isms_store *store, int64_t org_id, int type,
                               isms_indicator_visit_fn visit, void *ctx)
{
    const int64_t params[] = {org_id, type};
    struct isms_db *db = isms_store_acquire(store);
    struct visit *v = calloc(1, sizeof(*v));
    int error;

    if (!v) {
        isms_store_release(store, db);
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    }
    v->fn = visit;
    v->ctx = ctx;
    error = isms_store_each_row(
        db,
        "SELECT id, type, value, threat, source, tlp, first_seen, active_from, active_until, "
        "direction, confidence, tags, allow, threat_ref FROM indicators WHERE org_id = $1 AND "
        "($2 = 0 OR type = (CASE $2 WHEN 1 THEN 'ipv4' WHEN 2 THEN 'ipv6' WHEN 3 THEN 'cidr' "
        "WHEN 4 THEN 'domain' WHEN 5 THEN 'url' WHEN 6 THEN 'md5' WHEN 7 THEN 'sha1' WHEN 8 "
        "THEN 'sha256' WHEN 9 THEN 'email' WHEN 10 THEN 'file_path' ELSE 'registry_key' END)) "
        "ORDER BY type, value",
        params, 2, read_row, v);
    free(v);
    isms_store_release(store, db);
    return error;
}

int isms_store_indicator_count(int64_t *out, struct isms_store *store, int64_t org_id)
{
    struct isms_db *db = isms_store_acquire(store);
    int error = isms_store_query_int64(out, db, "SELECT count(*) FROM indicators WHERE org_id = $1",
                                       &org_id, 1);

    isms_store_release(store, db);
    return error;
}
