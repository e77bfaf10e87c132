#include "isms_setup.h"
#include "export/evidence_json.h"
#include "export/incident_json.h"
#include "export/json_util.h"

static json_t *id_or_null(int64_t id)
{
    return id ? json_integer((json_int_t)id) : json_null();
}

json_t *isms_json_event(const struct isms_event *e)
{
    return json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:I, s:s, s:s, s:s, s:I, s:o, s:o}", "id",
                     (json_int_t)e->id, "kind", isms_event_kind_name(e->kind), "type", e->type,
                     "signature", e->signature, "source", e->source, "name", e->name, "origin",
                     e->origin, "line", (json_int_t)e->line, "sample", e->sample, "first_at",
                     e->first_at, "last_at", e->last_at, "count", (json_int_t)e->count,
                     "indicator_id", id_or_null(e->indicator_id), "incident_id",
                     id_or_null(e->incident_id));
}

json_t *isms_json_incident(const struct isms_incident *i)
{
    return json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:s, s:I}", "id", (json_int_t)i->id,
                     "title", i->title, "description", i->description, "severity",
                     isms_severity_name(i->severity), "status",
                     isms_incident_status_name(i->status), "opened_at", i->opened_at, "opened_by",
                     i->opened_by, "closed_at", isms_json_string_or_null(i->closed_at),
                     "updated_at", i->updated_at, "event_count", (json_int_t)i->event_count);
}

json_t *isms_json_incident_link(const struct isms_incident_link *l)
{
    return json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)l->id, "target",
                     isms_incident_link_target_name(l->target), "ref", l->ref, "label", l->label);
}

static json_t *entry_json(const struct isms_incident_entry *e)
{
    return json_pack("{s:I, s:s, s:s, s:s, s:s}", "id", (json_int_t)e->id, "kind",
                     isms_incident_entry_kind_name(e->kind), "text", e->text, "at", e->at, "author",
                     e->author);
}

json_t *isms_json_incident_detail(const struct isms_incident_detail *d)
{
    json_t *out = isms_json_incident(&d->incident);
    json_t *timeline = json_array(), *links = json_array(), *evidence = json_array(),
           *events = json_array();
    bool ok = out && timeline && links && evidence && events;

    for (size_t i = 0; ok && i < d->entry_count; i++)
        ok = isms_json_append(timeline, entry_json(&d->entries[i]));
    for (size_t i = 0; ok && i < d->link_count; i++)
        ok = isms_json_append(links, isms_json_incident_link(&d->links[i]));
    for (size_t i = 0; ok && i < d->evidence_count; i++)
        ok = isms_json_append(evidence, isms_json_evidence(&d->evidence[i]));
    for (size_t i = 0; ok && i < d->event_count; i++)
        ok = isms_json_append(events, isms_json_event(&d->events[i]));
    json_t *parts[] = {timeline, links, evidence, events};
    static const char *const keys[] = {"timeline", "links", "evidence", "events"};
    for (size_t k = 0; k < ISMS_ARRAY_SIZE(parts); k++) {
        if (ok)
            ok = isms_json_set(out, keys[k], parts[k]);
        else
            json_decref(parts[k]);
    }
    return isms_json_done(out, ok);
}
