/*
 * One incident (isms/incident.h): its state with the form that changes
 * status and severity, the timeline with a note form, the events it came
 * from, evidence files and links to risks, assets and controls.
 */
#include "isms_setup.h"
#include "catalog/catalog.h"
#include "isms/incident.h"
#include "isms/soa.h"
#include "model/evidence.h"
#include "util/error.h"
#include "web/http/form.h"
#include "web/http/id_param.h"
#include "web/http/multipart.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/pages/evidence_form.h"
#include "web/pages/incident_labels.h"
#include "web/pages/pages.h"

/* A status or severity change ("new → contained") in the reader's words. */
static json_t *change_text(const struct isms_page *page, const struct isms_incident_entry *e)
{
    const char *arrow = strstr(e->text, " → ");
    enum isms_incident_status s1, s2;
    enum isms_incident_severity v1, v2;
    char from[32];

    if (!arrow || (size_t)(arrow - e->text) >= sizeof(from))
        return json_string(e->text);
    snprintf(from, sizeof(from), "%.*s", (int)(arrow - e->text), e->text);
    arrow += strlen(" → ");
    if (e->kind == ISMS_ENTRY_STATUS && isms_incident_status_parse(&s1, from) == 0 &&
        isms_incident_status_parse(&s2, arrow) == 0)
        return json_sprintf("%s → %s", isms_page_incident_status(page, s1),
                            isms_page_incident_status(page, s2));
    if (e->kind == ISMS_ENTRY_SEVERITY && isms_severity_parse(&v1, from) == 0 &&
        isms_severity_parse(&v2, arrow) == 0)
        return json_sprintf("%s → %s", isms_page_severity(page, v1), isms_page_severity(page, v2));
    return json_string(e->text);
}

/* A link entry ("control A.8.16 title") with its target in the reader's words. */
static json_t *link_text(const struct isms_page *page, const struct isms_incident_entry *e)
{
    enum isms_incident_link_target t;
    const char *space = strchr(e->text, ' ');
    char target[16];

    if (!space || (size_t)(space - e->text) >= sizeof(target))
        return json_string(e->text);
    snprintf(target, sizeof(target), "%.*s", (int)(space - e->text), e->text);
    if (isms_incident_link_target_parse(&t, target) < 0)
        return json_string(e->text);
    return json_sprintf("%s%s", isms_page_link_target(page, t), space);
}

static json_t *entry_text(const struct isms_page *page, const struct isms_incident_entry *e)
{
    if (e->kind == ISMS_ENTRY_STATUS || e->kind == ISMS_ENTRY_SEVERITY)
        return change_text(page, e);
    if (e->kind == ISMS_ENTRY_LINK)
        return link_text(page, e);
    return json_string(e->text);
}

static json_t *timeline(const struct isms_page *page, const struct isms_incident_detail *d)
{
    json_t *list = json_array();

    for (size_t i = 0; list && i < d->entry_count; i++) {
        const struct isms_incident_entry *e = &d->entries[i];
        json_array_append_new(list,
                              json_pack("{s:s, s:s, s:o, s:o, s:s, s:b}", "kind",
                                        isms_page_entry_kind(page, e->kind), "kind_name",
                                        isms_incident_entry_kind_name(e->kind), "text",
                                        entry_text(page, e), "at", isms_page_time(page, e->at),
                                        "author", e->author, "event", e->kind == ISMS_ENTRY_EVENT));
    }
    return list;
}

static json_t *link_href(const struct isms_page *page, const struct isms_incident_link *l)
{
    const char *part = l->target == ISMS_LINK_RISK    ? "risks"
                       : l->target == ISMS_LINK_ASSET ? "assets"
                                                      : "controls";

    return json_sprintf("/orgs/%s/%s/%s", page->req->org.slug, part, l->ref);
}

/* A control reads by its title in the page's language; risks and assets
 * by the label stored with the link. */
static const char *link_label(const struct isms_page *page, const struct isms_incident_link *l)
{
    const struct isms_control *c = NULL;
    char canonical[ISMS_SOA_ID_MAX + 1];

    if (l->target == ISMS_LINK_CONTROL &&
        isms_soa_control_resolve(canonical, &c, NULL, l->ref) == 0)
        return isms_page_pick(page, c->title_en, c->title_ja);
    return l->label;
}

static json_t *links(const struct isms_page *page, const struct isms_incident_detail *d)
{
    json_t *list = json_array();

    for (size_t i = 0; list && i < d->link_count; i++) {
        const struct isms_incident_link *l = &d->links[i];
        json_array_append_new(list, json_pack("{s:I, s:s, s:s, s:s, s:o}", "id", (json_int_t)l->id,
                                              "target", isms_page_link_target(page, l->target),
                                              "ref", l->ref, "label", link_label(page, l), "href",
                                              link_href(page, l)));
    }
    return list;
}

static json_t *evidence(const struct isms_page *page, const struct isms_incident_detail *d)
{
    json_t *list = json_array();

    for (size_t i = 0; list && i < d->evidence_count; i++) {
        const struct isms_evidence *e = &d->evidence[i];
        json_array_append_new(list,
                              json_pack("{s:I, s:s, s:s, s:s, s:I, s:o, s:s}", "id",
                                        (json_int_t)e->id, "name", e->name, "url", e->url, "sha256",
                                        e->sha256, "size", (json_int_t)e->size, "at",
                                        isms_page_time(page, e->added_at), "by", e->added_by));
    }
    return list;
}

static json_t *events(const struct isms_page *page, const struct isms_incident_detail *d)
{
    json_t *list = json_array();

    for (size_t i = 0; list && i < d->event_count; i++) {
        const struct isms_event *e = &d->events[i];
        json_array_append_new(
            list,
            json_pack("{s:I, s:s, s:s, s:s, s:s, s:I, s:o, s:o, s:s}", "id", (json_int_t)e->id,
                      "kind", isms_page_event_kind(page, e->kind), "signature", e->signature,
                      "source", e->source, "name", isms_page_event_name(page, e), "count",
                      (json_int_t)e->count, "first", isms_page_time(page, e->first_at), "last",
                      isms_page_time(page, e->last_at), "origin", e->origin));
    }
    return list;
}

static int add_detail(struct isms_page *page, const struct isms_incident_detail *d)
{
    const struct isms_incident *i = &d->incident;
    int error;

    if ((error = isms_page_set(
             page, "incident",
             json_pack("{s:I, s:s, s:s, s:s, s:s, s:b, s:o, s:s, s:o}", "id", (json_int_t)i->id,
                       "title", i->title, "description", i->description, "severity",
                       isms_page_severity(page, i->severity), "status",
                       isms_page_incident_status(page, i->status), "high",
                       i->severity >= ISMS_SEVERITY_HIGH, "opened",
                       isms_page_time(page, i->opened_at), "opened_by", i->opened_by, "closed",
                       isms_page_time(page, i->closed_at)))) < 0 ||
        (error = isms_page_set(page, "timeline", timeline(page, d))) < 0 ||
        (error = isms_page_set(page, "links", links(page, d))) < 0 ||
        (error = isms_page_set(page, "evidence", evidence(page, d))) < 0 ||
        (error = isms_page_set(page, "events", events(page, d))) < 0 ||
        (error = isms_page_set(page, "severities",
                               isms_page_severity_options(page, isms_severity_name(i->severity)))) <
            0)
        return error;
    return isms_page_set(page, "statuses",
                         isms_page_status_options(page, isms_incident_status_name(i->status)));
}

static int incident_id(int64_t *out, const struct isms_web_request *req)
{
    return isms_page_parse_id(out, isms_web_request_param(req, "incident"), "incident");
}

static int render(struct isms_web_response *res, struct isms_web_request *req,
                  const char *error_text, const struct isms_form *form, unsigned status,
                  const void *ctx)
{
    struct isms_incident_detail d;
    struct isms_page page;
    int64_t id;
    int error;

    (void)ctx;
    if ((error = incident_id(&id, req)) < 0 ||
        (error = isms_incident_load(&d, req->store, req->org.id, id)) < 0)
        return error;
    if ((error = isms_page_init(&page, req, "incidents", "Incident")) < 0) {
        isms_incident_detail_release(&d);
        return error;
    }
    error = isms_page_set_form_messages(&page, error_text);
    if (error == 0 && form)
        error = isms_page_set(&page, "input", isms_page_form_input(form));
    if (error == 0)
        error = add_detail(&page, &d);
    isms_incident_detail_release(&d);
    if (error < 0) {
        isms_page_release(&page);
        return error;
    }
    return isms_page_respond(res, &page, "incident.html", status);
}

/* The end of each form of the page: back to the incident at `anchor`. */
static int done(struct isms_web_response *res, struct isms_web_request *req, struct isms_form *form,
                int error, int64_t id, const char *anchor)
{
    char location[96];

    snprintf(location, sizeof(location), "incidents/%" PRId64 "?saved=1%s", id, anchor);
    return isms_page_form_done(res, req, form, error, location, render, NULL);
}

static int handle_incident(struct isms_web_response *res, struct isms_web_request *req)
{
    return render(res, req, NULL, NULL, 200, NULL);
}

/* Status, severity, title and description; a note typed with them goes on
 * the timeline too. */
static int handle_update(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_form form;
    const char *note;
    int64_t id = 0;
    int error;

    if ((error = isms_page_form(&form, req)) == 0 && (error = incident_id(&id, req)) == 0)
        error = isms_incident_update(
            NULL, req->store, req->org.id, id,
            &(struct isms_incident_change){
                isms_form_get(&form, "title"), isms_form_get(&form, "description"),
                isms_form_get(&form, "severity"), isms_form_get(&form, "status")},
            &req->actor);
    if (error == 0 && (note = isms_form_get(&form, "note")) && *note)
        error = isms_incident_note(req->store, req->org.id, id, note, &req->actor);
    return done(res, req, &form, error, id, "");
}

static int handle_note(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_form form;
    int64_t id = 0;
    int error;

    if ((error = isms_page_form(&form, req)) == 0 && (error = incident_id(&id, req)) == 0)
        error = isms_incident_note(req->store, req->org.id, id, isms_form_get(&form, "text"),
                                   &req->actor);
    return done(res, req, &form, error, id, "#timeline-head");
}

static int handle_link(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_form form;
    int64_t id = 0, link;
    int error;

    if ((error = isms_page_form(&form, req)) == 0 && (error = incident_id(&id, req)) == 0)
        error = isms_incident_link(&link, req->store, req->org.id, id,
                                   isms_form_get(&form, "target"), isms_form_get(&form, "ref"),
                                   &req->actor);
    return done(res, req, &form, error, id, "#links-head");
}

static int handle_unlink(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_form form;
    int64_t id = 0, link = 0;
    int error;

    if ((error = isms_page_form(&form, req)) == 0 && (error = incident_id(&id, req)) == 0 &&
        (error = isms_page_parse_id(&link, isms_web_request_param(req, "link"), "link")) == 0)
        error = isms_incident_unlink(req->store, req->org.id, id, link, &req->actor);
    return done(res, req, &form, error, id, "#links-head");
}

static int handle_evidence_post(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_page_evidence given;
    struct isms_evidence added;
    struct isms_multipart mp;
    int64_t id = 0;
    int error;

    if ((error = incident_id(&id, req)) < 0)
        return error;
    if ((error = isms_multipart_parse(&mp, req, "file", ISMS_EVIDENCE_FILE_MAX)) == 0 &&
        (error = isms_page_evidence_of(&given, &mp)) == 0)
        error = isms_incident_evidence_add(&added, req->store, req->org.id, id, given.name,
                                           given.data, given.len, given.url, &req->actor);
    isms_multipart_release(&mp);
    if (error == 0)
        return isms_page_redirect_in_org(res, req, "incidents/%" PRId64 "?saved=1#evidence-head",
                                         id);
    if (isms_page_is_user_error(error))
        return render(res, req, isms_error_last(), NULL, (unsigned)isms_error_http_status(error),
                      NULL);
    return error;
}

static int handle_evidence_get(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_evidence_file file;
    int64_t id, evidence_id;
    int error;

    if ((error = incident_id(&id, req)) < 0 ||
        (error = isms_web_parse_id(&evidence_id, isms_web_request_param(req, "evidence"),
                                   ISMS_ENOTFOUND, "evidence")) < 0 ||
        (error = isms_incident_evidence_file(&file, req->store, req->org.id, id, evidence_id)) < 0)
        return error;
    /* Never shown inline: an uploaded HTML file must not run as our page. */
    return isms_web_respond_attachment(res, "application/octet-stream", file.content, file.len,
                                       file.meta.name);
}

#define ORG ISMS_WEB_NEEDS_ORG

const struct isms_web_route isms_pages_incident_routes[] = {
    {"GET", "/orgs/{org}/incidents/{incident}", handle_incident, ORG},
    {"POST", "/orgs/{org}/incidents/{incident}", handle_update, ORG},
    {"POST", "/orgs/{org}/incidents/{incident}/timeline", handle_note, ORG},
    {"POST", "/orgs/{org}/incidents/{incident}/links", handle_link, ORG},
    {"POST", "/orgs/{org}/incidents/{incident}/links/{link}/delete", handle_unlink, ORG},
    {"POST", "/orgs/{org}/incidents/{incident}/evidence", handle_evidence_post,
     ORG | ISMS_WEB_LARGE_BODY},
    {"GET", "/orgs/{org}/incidents/{incident}/evidence/{evidence}", handle_evidence_get, ORG},
    {NULL, NULL, NULL, 0},
};
