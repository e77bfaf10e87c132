#include "isms_setup.h"
#include "model/actor.h"
#include "store/change.h"
#include "store/db.h"
#include "store/incidents.h"
#include "store/query.h"
#include "store/store.h"
#include "util/error.h"

static int add_entry(struct isms_db *db, int64_t org_id, int64_t id,
                     enum isms_incident_entry_kind kind, const char *text, const char *now,
                     const struct isms_actor *actor)
{
    const struct isms_sql_value values[] = {
        isms_sql_int(org_id),
        isms_sql_int(id),
        isms_sql_text(isms_incident_entry_kind_name(kind)),
        isms_sql_text(text),
        isms_sql_text(now),
        isms_sql_text(actor->name),
    };
    int64_t changes = 0;
    int error = isms_store_exec(
        db,
        "INSERT INTO incident_entries (org_id, incident_id, kind, text, at, "
        "author) SELECT $1, $2, $3, $4, $5, $6 WHERE EXISTS (SELECT 1 FROM "
        "incidents WHERE org_id = $1 AND id = $2)",
        values, ISMS_ARRAY_SIZE(values), NULL, &changes);

    if (error == 0 && changes == 0)
        return isms_error_set(ISMS_ENOTFOUND, _("no such incident in this organization"));
    if (error == 0) {
        const struct isms_sql_value touch[] = {isms_sql_int(org_id), isms_sql_int(id),
                                               isms_sql_text(now)};
        error = isms_store_exec(db,
                                "UPDATE incidents SET updated_at = $3 WHERE org_id = $1 AND id = "
                                "$2",
                                touch, ISMS_ARRAY_SIZE(touch), NULL, NULL);
    }
    return error;
}

/* The event's line of the timeline; ISMS_ECONFLICT when it is another
 * incident's, ISMS_ENOTFOUND when it is not the org's. */
static int attach_event(struct isms_db *db, int64_t org_id, int64_t id, int64_t event_id,
                        const char *text, const char *now, const struct isms_actor *actor)
{
    const struct isms_sql_value values[] = {isms_sql_int(org_id), isms_sql_int(id),
                                            isms_sql_int(event_id)};
    int64_t changes = 0, exists = 0;
    int error = isms_store_exec(db,
                                "UPDATE events SET incident_id = $2 WHERE org_id = $1 AND id = $3 "
                                "AND (incident_id IS NULL OR incident_id = $2)",
                                values, ISMS_ARRAY_SIZE(values), NULL, &changes);

    if (error == 0 && changes == 0) {
        const int64_t params[] = {org_id, event_id};
        if ((error = isms_store_query_int64(&exists, db,
                                            "SELECT count(*) FROM events WHERE org_id = $1 AND "
                                            "id = $2",
                                            params, 2)) == 0)
            error = exists
                        ? isms_error_set(ISMS_ECONFLICT,
                                         _("event %lld is part of another incident"),
                                         (long long)event_id)
                        : isms_error_set(ISMS_ENOTFOUND, _("no such event in this organization"));
    }
    return error < 0 ? error : add_entry(db, org_id, id, ISMS_ENTRY_EVENT, text, now, actor);
}

struct open_write {
    int64_t org_id, id;
    const struct isms_incident *incident;
    const int64_t *event_ids;
    size_t event_count;
};

static int open_all(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    struct open_write *w = ctx;
    const struct isms_incident *in = w->incident;
    char now[ISMS_TIMESTAMP_SIZE], entity[40];
    const struct isms_sql_value values[] = {
        isms_sql_int(w->org_id),
        isms_sql_text(in->title),
        isms_sql_text(in->description),
        isms_sql_text(isms_severity_name(in->severity)),
        isms_sql_text(now),
        isms_sql_text(actor->name),
    };
    json_t *events = json_array();
    int error;

    isms_time_now(now);
    if ((error = isms_store_exec(db,
                                 "INSERT INTO incidents (org_id, title, description, severity, "
                                 "status, opened_at, opened_by, updated_at) VALUES ($1, $2, $3, "
                                 "$4, 'new', $5, $6, $5) RETURNING id",
                                 values, ISMS_ARRAY_SIZE(values), &w->id, NULL)) == 0)
        error = add_entry(db, w->org_id, w->id, ISMS_ENTRY_OPENED, in->title, now, actor);
    for (size_t i = 0; error == 0 && i < w->event_count; i++) {
        char text[64];
        snprintf(text, sizeof(text), "%" PRId64, w->event_ids[i]);
        error = attach_event(db, w->org_id, w->id, w->event_ids[i], text, now, actor);
        json_array_append_new(events, json_integer(w->event_ids[i]));
    }
    if (error < 0) {
        json_decref(events);
        return error;
    }
    snprintf(entity, sizeof(entity), "incident:%" PRId64, w->id);
    return isms_store_journal_json(db, actor, w->org_id, "incident.open", entity,
                                   json_pack("{s:s, s:s, s:o}", "title", in->title, "severity",
                                             isms_severity_name(in->severity), "events", events));
}

int isms_store_incident_open(int64_t *id_out, struct isms_store *store, int64_t org_id,
                             const struct isms_incident *incident, const int64_t *event_ids,
                             size_t event_count, const struct isms_actor *actor)
{
    struct open_write w = {org_id, 0, incident, event_ids, event_count};
    int error = isms_store_write(store, actor, NULL, open_all, &w);

    if (error == 0 && id_out)
        *id_out = w.id;
    return error;
}

#define INCIDENT_COLUMNS                                                                           \
    "i.id, i.title, i.description, i.severity, i.status, i.opened_at, i.opened_by, i.closed_at, "  \
    "i.updated_at, (SELECT count(*) FROM events e WHERE e.org_id = i.org_id AND e.incident_id = "  \
    "i.id)"

static int read_incident(void *item, struct isms_stmt *st)
{
    struct isms_incident *i = item;

    memset(i, 0, sizeof(*i));
    i->id = isms_stmt_int64(st, 0);
    isms_store_copy_text(i->title, sizeof(i->title), isms_stmt_text(st, 1));
    isms_store_copy_text(i->description, sizeof(i->description), isms_stmt_text(st, 2));
    isms_store_copy_text(i->opened_at, sizeof(i->opened_at), isms_stmt_text(st, 5));
    isms_store_copy_text(i->opened_by, sizeof(i->opened_by), isms_stmt_text(st, 6));
    isms_store_copy_text(i->closed_at, sizeof(i->closed_at), isms_stmt_text(st, 7));
    isms_store_copy_text(i->updated_at, sizeof(i->updated_at), isms_stmt_text(st, 8));
    i->event_count = isms_stmt_int64(st, 9);
    if (isms_severity_parse(&i->severity, isms_stmt_text(st, 3)) < 0 ||
        isms_incident_status_parse(&i->status, isms_stmt_text(st, 4)) < 0)
        return isms_error_set(ISMS_ERROR, "incident %" PRId64 " is corrupt", i->id);
    return 0;
}

int isms_store_incidents_list(struct isms_incident **out, size_t *count, struct isms_store *store,
                              int64_t org_id, enum isms_incident_status status)
{
    const struct isms_store_select q = {
        .sql = "SELECT " INCIDENT_COLUMNS " FROM incidents i WHERE i.org_id = $1 AND ($2 = '' OR "
               "i.status = $2) ORDER BY i.id DESC",
        .params = &org_id,
        .param_count = 1,
        .text = status ? isms_incident_status_name(status) : "",
        .read = read_incident,
        .item_size = sizeof(**out),
    };
    return isms_store_select_all(out, count, store, &q);
}

int isms_store_incident_get(struct isms_incident *out, struct isms_store *store, int64_t org_id,
                            int64_t id)
{
    const int64_t params[] = {org_id, id};
    const struct isms_store_select q = {
        .sql = "SELECT " INCIDENT_COLUMNS " FROM incidents i WHERE i.org_id = $1 AND i.id = $2",
        .params = params,
        .param_count = 2,
        .read = read_incident,
    };
    int error = isms_store_select_one(out, store, &q);

    if (error == ISMS_ENOTFOUND)
        return isms_error_set(ISMS_ENOTFOUND, _("no such incident in this organization"));
    return error;
}

struct update_write {
    int64_t org_id;
    const struct isms_incident *incident;
    const struct isms_incident_entry *entries;
    size_t entry_count;
};

static int update_all(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    struct update_write *w = ctx;
    const struct isms_incident *in = w->incident;
    char now[ISMS_TIMESTAMP_SIZE], entity[40];
    const struct isms_sql_value values[] = {
        isms_sql_int(w->org_id),
        isms_sql_int(in->id),
        isms_sql_text(in->title),
        isms_sql_text(in->description),
        isms_sql_text(isms_severity_name(in->severity)),
        isms_sql_text(isms_incident_status_name(in->status)),
        isms_sql_text(now),
    };
    int64_t changes = 0;
    int error;

    isms_time_now(now);
    if ((error = isms_store_exec(db,
                                 "UPDATE incidents SET title = $3, description = $4, severity = "
                                 "$5, status = $6, updated_at = $7, closed_at = CASE WHEN $6 = "
                                 "'closed' THEN coalesce(closed_at, $7) END WHERE org_id = $1 AND "
                                 "id = $2",
                                 values, ISMS_ARRAY_SIZE(values), NULL, &changes)) < 0)
        return error;
    if (!changes)
        return isms_error_set(ISMS_ENOTFOUND, _("no such incident in this organization"));
    for (size_t i = 0; error == 0 && i < w->entry_count; i++)
        error = add_entry(db, w->org_id, in->id, w->entries[i].kind, w->entries[i].text, now,
                          actor);
    if (error < 0)
        return error;
    snprintf(entity, sizeof(entity), "incident:%" PRId64, in->id);
    return isms_store_journal_json(db, actor, w->org_id, "incident.update", entity,
                                   json_pack("{s:s, s:s, s:s}", "title", in->title, "severity",
                                             isms_severity_name(in->severity), "status",
                                             isms_incident_status_name(in->status)));
}

int isms_store_incident_update(struct isms_store *store, int64_t org_id,
                               const struct isms_incident *incident,
                               const struct isms_incident_entry *entries, size_t entry_count,
                               const struct isms_actor *actor)
{
    struct update_write w = {org_id, incident, entries, entry_count};

    return isms_store_write(store, actor, NULL, update_all, &w);
}

struct entry_write {
    int64_t org_id, id, event_id;
    const char *text;
};

static int journal_entry(struct isms_db *db, const struct isms_actor *actor,
                         const struct entry_write *w, const char *action)
{
    char entity[40];

    snprintf(entity, sizeof(entity), "incident:%" PRId64, w->id);
    return isms_store_journal_json(db, actor, w->org_id, action, entity,
                                   w->event_id
                                       ? json_pack("{s:I}", "event", (json_int_t)w->event_id)
                                       : json_pack("{s:s}", "text", w->text));
}

static int note_one(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    const struct entry_write *w = ctx;
    char now[ISMS_TIMESTAMP_SIZE];
    int error;

    isms_time_now(now);
    if ((error = add_entry(db, w->org_id, w->id, ISMS_ENTRY_NOTE, w->text, now, actor)) < 0)
        return error;
    return journal_entry(db, actor, w, "incident.note");
}

int isms_store_incident_note(struct isms_store *store, int64_t org_id, int64_t id, const char *text,
                             const struct isms_actor *actor)
{
    struct entry_write w = {org_id, id, 0, text};

    return isms_store_write(store, actor, NULL, note_one, &w);
}

static int event_one(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    const struct entry_write *w = ctx;
    char now[ISMS_TIMESTAMP_SIZE];
    int error;

    isms_time_now(now);
    if ((error = attach_event(db, w->org_id, w->id, w->event_id, w->text, now, actor)) < 0)
        return error;
    return journal_entry(db, actor, w, "incident.event");
}

int isms_store_incident_add_event(struct isms_store *store, int64_t org_id, int64_t id,
                                  int64_t event_id, const char *text,
                                  const struct isms_actor *actor)
{
    struct entry_write w = {org_id, id, event_id, text};

    return isms_store_write(store, actor, NULL, event_one, &w);
}

static int read_entry(void *item, struct isms_stmt *st)
{
    struct isms_incident_entry *e = item;

    memset(e, 0, sizeof(*e));
    e->id = isms_stmt_int64(st, 0);
    isms_store_copy_text(e->text, sizeof(e->text), isms_stmt_text(st, 2));
    isms_store_copy_text(e->at, sizeof(e->at), isms_stmt_text(st, 3));
    isms_store_copy_text(e->author, sizeof(e->author), isms_stmt_text(st, 4));
    return isms_incident_entry_kind_parse(&e->kind, isms_stmt_text(st, 1));
}

int isms_store_incident_entries(struct isms_incident_entry **out, size_t *count,
                                struct isms_store *store, int64_t org_id, int64_t id)
{
    const int64_t params[] = {org_id, id};
    const struct isms_store_select q = {
        .sql = "SELECT id, kind, text, at, author FROM incident_entries WHERE org_id = $1 AND "
               "incident_id = $2 ORDER BY at, id",
        .params = params,
        .param_count = 2,
        .read = read_entry,
        .item_size = sizeof(**out),
    };
    return isms_store_select_all(out, count, store, &q);
}

struct link_write {
    int64_t org_id, id, link_id;
    const struct isms_incident_link *link;
};

static int link_one(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    struct link_write *w = ctx;
    const char *target = isms_incident_link_target_name(w->link->target);
    const struct isms_sql_value values[] = {
        isms_sql_int(w->org_id),     isms_sql_int(w->id),           isms_sql_text(target),
        isms_sql_text(w->link->ref), isms_sql_text(w->link->label),
    };
    char now[ISMS_TIMESTAMP_SIZE], text[400], entity[40];
    int error;

    isms_time_now(now);
    if ((error = isms_store_exec(db,
                                 "INSERT INTO incident_links (org_id, incident_id, target, ref, "
                                 "label) SELECT $1, $2, $3, $4, $5 WHERE EXISTS (SELECT 1 FROM "
                                 "incidents WHERE org_id = $1 AND id = $2) RETURNING id",
                                 values, ISMS_ARRAY_SIZE(values), &w->link_id, NULL)) < 0)
        return error == ISMS_ECONFLICT
                   ? isms_error_set(ISMS_ECONFLICT, _("the incident already has this link"))
                   : error;
    if (!w->link_id)
        return isms_error_set(ISMS_ENOTFOUND, _("no such incident in this organization"));
    /* A control is named by its id: the page shows its title in the reader's language. */
    snprintf(text, sizeof(text), "%s %s %s", target, w->link->ref,
             w->link->target == ISMS_LINK_CONTROL ? "" : w->link->label);
    if ((error = add_entry(db, w->org_id, w->id, ISMS_ENTRY_LINK, text, now, actor)) < 0)
        return error;
    snprintf(entity, sizeof(entity), "incident:%" PRId64, w->id);
    return isms_store_journal_json(db, actor, w->org_id, "incident.link", entity,
                                   json_pack("{s:s, s:s}", "target", target, "ref", w->link->ref));
}

int isms_store_incident_link_add(int64_t *id_out, struct isms_store *store, int64_t org_id,
                                 int64_t id, const struct isms_incident_link *link,
                                 const struct isms_actor *actor)
{
    struct link_write w = {org_id, id, 0, link};
    int error = isms_store_write(store, actor, NULL, link_one, &w);

    if (error == 0 && id_out)
        *id_out = w.link_id;
    return error;
}

static int read_link(void *item, struct isms_stmt *st)
{
    struct isms_incident_link *l = item;

    memset(l, 0, sizeof(*l));
    l->id = isms_stmt_int64(st, 0);
    isms_store_copy_text(l->ref, sizeof(l->ref), isms_stmt_text(st, 2));
    isms_store_copy_text(l->label, sizeof(l->label), isms_stmt_text(st, 3));
    return isms_incident_link_target_parse(&l->target, isms_stmt_text(st, 1));
}

int isms_store_incident_links(struct isms_incident_link **out, size_t *count,
                              struct isms_store *store, int64_t org_id, int64_t id)
{
    const int64_t params[] = {org_id, id};
    const struct isms_store_select q = {
        .sql = "SELECT id, target, ref, label FROM incident_links WHERE org_id = $1 AND "
               "incident_id = $2 ORDER BY target, id",
        .params = params,
        .param_count = 2,
        .read = read_link,
        .item_size = sizeof(**out),
    };
    return isms_store_select_all(out, count, store, &q);
}

int isms_store_incident_link_delete(struct isms_store *store, int64_t org_id, int64_t id,
                                    int64_t link_id, const struct isms_actor *actor)
{
    const struct isms_sql_value values[] = {isms_sql_int(org_id), isms_sql_int(id),
                                            isms_sql_int(link_id)};
    struct isms_store_change c = {
        .org_id = org_id,
        .sql = "DELETE FROM incident_links WHERE org_id = $1 AND incident_id = $2 AND id = $3",
        .values = values,
        .count = ISMS_ARRAY_SIZE(values),
        .action = "incident.unlink",
        .kind = "incident-link",
        .id = link_id,
    };

    return isms_store_change(NULL, store, actor, &c, _("the incident has no such link"));
}

const struct isms_store_evidence_table isms_store_incident_evidence = {
    .insert_sql = "INSERT INTO incident_evidence (org_id, incident_id, name, url, sha256, size, "
                  "content, added_by, added_at) SELECT $1, CAST($2 AS INTEGER), $3, $4, $5, $6, "
                  "$7, $8, $9 WHERE EXISTS (SELECT 1 FROM incidents WHERE org_id = $1 AND id = "
                  "CAST($2 AS INTEGER)) RETURNING id",
    .list_sql = "SELECT " ISMS_STORE_EVIDENCE_COLUMNS " FROM incident_evidence WHERE org_id = $1 "
                "AND incident_id = CAST($2 AS INTEGER) ORDER BY id DESC",
    .file_sql = "SELECT " ISMS_STORE_EVIDENCE_COLUMNS ", content FROM incident_evidence WHERE "
                "org_id = $1 AND id = $2 AND incident_id = CAST($3 AS INTEGER) AND content IS NOT "
                "NULL",
    .action = "incident.evidence",
    .kind = "incident",
};
