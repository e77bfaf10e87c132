#include "isms_setup.h"
#include "catalog/catalog.h"
#include "isms/asset.h"
#include "isms/evidence.h"
#include "isms/incident.h"
#include "isms/risk.h"
#include "isms/soa.h"
#include "store/events.h"
#include "store/incidents.h"
#include "util/error.h"
#include "util/text.h"

#define MAX_EVENTS 1000 /* of one request */

int isms_incident_open(int64_t *id_out, struct isms_store *store, int64_t org_id,
                       const struct isms_incident_input *in, const struct isms_actor *actor)
{
    struct isms_incident incident;
    int error;

    memset(&incident, 0, sizeof(incident));
    if ((error = isms_text_take(incident.title, sizeof(incident.title), in->title, true, false,
                                "title")) < 0 ||
        (error = isms_text_take(incident.description, sizeof(incident.description), in->description,
                                false, true, "description")) < 0 ||
        (error = isms_severity_parse(&incident.severity, in->severity)) < 0)
        return error;
    if (in->event_count > MAX_EVENTS)
        return isms_error_set(ISMS_EINVALID, _("an incident is opened with at most %d events"),
                              MAX_EVENTS);
    return isms_store_incident_open(id_out, store, org_id, &incident, in->events, in->event_count,
                                    actor);
}

/* Forward one step at a time or several, back to triage from anywhere;
 * closing needs the incident resolved first. */
static int check_status(enum isms_incident_status from, enum isms_incident_status to)
{
    if (to == ISMS_INCIDENT_CLOSED && from != ISMS_INCIDENT_RESOLVED && from != to)
        return isms_error_set(ISMS_ECONFLICT, _("an incident is closed only once it is "
                                                "resolved: set it to resolved first"));
    if (to == ISMS_INCIDENT_NEW && from != ISMS_INCIDENT_NEW)
        return isms_error_set(ISMS_ECONFLICT, _("an incident cannot go back to new; reopen it "
                                                "as triage"));
    return 0;
}

static int apply_change(struct isms_incident *next, struct isms_incident_entry entries[2],
                        size_t *n, const struct isms_incident *now,
                        const struct isms_incident_change *c)
{
    int error;

    *next = *now;
    *n = 0;
    if ((c->title && (error = isms_text_take(next->title, sizeof(next->title), c->title, true,
                                             false, "title")) < 0) ||
        (c->description &&
         (error = isms_text_take(next->description, sizeof(next->description), c->description,
                                 false, true, "description")) < 0) ||
        (c->severity && (error = isms_severity_parse(&next->severity, c->severity)) < 0) ||
        (c->status && (error = isms_incident_status_parse(&next->status, c->status)) < 0) ||
        (error = check_status(now->status, next->status)) < 0)
        return error;
    if (next->status != now->status) {
        entries[*n].kind = ISMS_ENTRY_STATUS;
        snprintf(entries[(*n)++].text, sizeof(entries->text), "%s → %s",
                 isms_incident_status_name(now->status), isms_incident_status_name(next->status));
    }
    if (next->severity != now->severity) {
        entries[*n].kind = ISMS_ENTRY_SEVERITY;
        snprintf(entries[(*n)++].text, sizeof(entries->text), "%s → %s",
                 isms_severity_name(now->severity), isms_severity_name(next->severity));
    }
    return 0;
}

int isms_incident_update(struct isms_incident *out, struct isms_store *store, int64_t org_id,
                         int64_t id, const struct isms_incident_change *c,
                         const struct isms_actor *actor)
{
    struct isms_incident now, next;
    struct isms_incident_entry *entries = calloc(2, sizeof(*entries));
    size_t n = 0;
    int error;

    if (!entries)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    if ((error = isms_store_incident_get(&now, store, org_id, id)) == 0 &&
        (error = apply_change(&next, entries, &n, &now, c)) == 0)
        error = isms_store_incident_update(store, org_id, &next, entries, n, actor);
    free(entries);
    if (error == 0 && out)
        error = isms_store_incident_get(out, store, org_id, id);
    return error;
}

int isms_incident_note(struct isms_store *store, int64_t org_id, int64_t id, const char *text,
                       const struct isms_actor *actor)
{
    char *note = malloc(ISMS_INCIDENT_TEXT_MAX + 1);
    int error;

    if (!note)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    if ((error = isms_text_take(note, ISMS_INCIDENT_TEXT_MAX + 1, text, true, true, "text")) == 0)
        error = isms_store_incident_note(store, org_id, id, note, actor);
    free(note);
    return error;
}

int isms_incident_add_event(struct isms_store *store, int64_t org_id, int64_t id, int64_t event_id,
                            const struct isms_actor *actor)
{
    char text[32];

    snprintf(text, sizeof(text), "%" PRId64, event_id);
    return isms_store_incident_add_event(store, org_id, id, event_id, text, actor);
}

static int parse_row_id(int64_t *out, const char *ref, const char *field)
{
    char *end;
    long long v = ref ? strtoll(ref, &end, 10) : 0;

    if (!ref || !*ref || *end || v <= 0)
        return isms_error_set(ISMS_EINVALID, _("'%s' must be an id, not '%.40s'"), field,
                              ref ? ref : "");
    *out = v;
    return 0;
}

/* The link's ref in canonical form and its label, after its row is found. */
static int resolve_target(struct isms_incident_link *l, struct isms_store *store, int64_t org_id,
                          const char *ref)
{
    int64_t row = 0;
    int error;

    if (l->target == ISMS_LINK_CONTROL) {
        const struct isms_control *control = NULL;
        if ((error = isms_soa_control_resolve(l->ref, &control, NULL, ref ? ref : "")) < 0)
            return error;
        snprintf(l->label, sizeof(l->label), "%s", control->title_ja);
        return 0;
    }
    if ((error = parse_row_id(&row, ref, "ref")) < 0)
        return error;
    snprintf(l->ref, sizeof(l->ref), "%" PRId64, row);
    if (l->target == ISMS_LINK_RISK) {
        struct isms_risk risk;
        if ((error = isms_risk_get(&risk, store, org_id, row)) < 0)
            return error;
        snprintf(l->label, sizeof(l->label), "#%" PRId64 " %s", risk.number, risk.title);
        isms_risk_release(&risk);
        return 0;
    }
    struct isms_asset asset;
    if ((error = isms_asset_get(&asset, store, org_id, row)) < 0)
        return error;
    snprintf(l->label, sizeof(l->label), "%s", asset.name);
    isms_asset_release(&asset);
    return 0;
}

int isms_incident_link(int64_t *id_out, struct isms_store *store, int64_t org_id, int64_t id,
                       const char *target, const char *ref, const struct isms_actor *actor)
{
    struct isms_incident_link link;
    struct isms_incident incident;
    int error;

    memset(&link, 0, sizeof(link));
    if ((error = isms_store_incident_get(&incident, store, org_id, id)) < 0 ||
        (error = isms_incident_link_target_parse(&link.target, target)) < 0 ||
        (error = resolve_target(&link, store, org_id, ref)) < 0)
        return error;
    return isms_store_incident_link_add(id_out, store, org_id, id, &link, actor);
}

int isms_incident_unlink(struct isms_store *store, int64_t org_id, int64_t id, int64_t link_id,
                         const struct isms_actor *actor)
{
    return isms_store_incident_link_delete(store, org_id, id, link_id, actor);
}

int isms_incident_evidence_add(struct isms_evidence *out, struct isms_store *store, int64_t org_id,
                               int64_t id, const char *name, const void *data, size_t len,
                               const char *url, const struct isms_actor *actor)
{
    struct isms_incident incident;
    char subject[24];
    int error;

    if ((error = isms_store_incident_get(&incident, store, org_id, id)) < 0)
        return error;
    snprintf(subject, sizeof(subject), "%" PRId64, id);
    return isms_evidence_add(out, store, &isms_store_incident_evidence, org_id, subject, name, data,
                             len, url, actor);
}

int isms_incident_evidence_file(struct isms_evidence_file *out, struct isms_store *store,
                                int64_t org_id, int64_t id, int64_t evidence_id)
{
    char subject[24];
    int error;

    snprintf(subject, sizeof(subject), "%" PRId64, id);
    if ((error = isms_store_evidence_file(out, store, &isms_store_incident_evidence, org_id,
                                          subject, evidence_id)) == ISMS_ENOTFOUND)
        return isms_error_set(ISMS_ENOTFOUND, _("the incident has no such evidence file"));
    return error;
}

int isms_incident_load(struct isms_incident_detail *d, struct isms_store *store, int64_t org_id,
                       int64_t id)
{
    const struct isms_event_filter events = {.incident_id = id, .limit = 1000};
    char subject[24];
    int error;

    memset(d, 0, sizeof(*d));
    snprintf(subject, sizeof(subject), "%" PRId64, id);
    if ((error = isms_store_incident_get(&d->incident, store, org_id, id)) < 0 ||
        (error = isms_store_incident_entries(&d->entries, &d->entry_count, store, org_id, id)) <
            0 ||
        (error = isms_store_incident_links(&d->links, &d->link_count, store, org_id, id)) < 0 ||
        (error = isms_store_evidence_list(&d->evidence, &d->evidence_count, store,
                                          &isms_store_incident_evidence, org_id, subject)) < 0 ||
        (error = isms_store_events_list(&d->events, &d->event_count, NULL, store, org_id,
                                        &events)) < 0)
        isms_incident_detail_release(d);
    return error;
}

void isms_incident_detail_release(struct isms_incident_detail *d)
{
    free(d->entries);
    free(d->links);
    free(d->evidence);
    free(d->events);
    d->entries = NULL;
    d->links = NULL;
    d->evidence = NULL;
    d->events = NULL;
}

int isms_incidents_list(struct isms_incident **out, size_t *count, struct isms_store *store,
                        int64_t org_id, const char *status)
{
    enum isms_incident_status s = 0;
    int error;

    if (status && *status && (error = isms_incident_status_parse(&s, status)) < 0)
        return error;
    return isms_store_incidents_list(out, count, store, org_id, s);
}
