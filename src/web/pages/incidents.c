/*
 * The incidents page (isms/incident.h): the list by status and the form
 * that opens one, by hand or from the events ticked on the events page.
 */
#include "isms_setup.h"
#include "isms/incident.h"
#include "util/error.h"
#include "web/http/form.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/pages/incident_labels.h"
#include "web/pages/pages.h"

#define EVENTS_MAX 200 /* ticked on one page */

static json_t *incident_row(const struct isms_page *page, const struct isms_incident *i)
{
    return json_pack("{s:I, s:s, s:s, s:s, s:b, s:b, s:o, s:o, s:I}", "id", (json_int_t)i->id,
                     "title", i->title, "severity", isms_page_severity(page, i->severity), "status",
                     isms_page_incident_status(page, i->status), "high",
                     i->severity >= ISMS_SEVERITY_HIGH, "closed", i->status == ISMS_INCIDENT_CLOSED,
                     "opened", isms_page_time(page, i->opened_at), "updated",
                     isms_page_time(page, i->updated_at), "events", (json_int_t)i->event_count);
}

static json_t *status_filters(const struct isms_page *page, const char *current)
{
    json_t *list = json_array();

    for (int s = ISMS_INCIDENT_NEW; list && s <= ISMS_INCIDENT_STATUS_COUNT; s++)
        json_array_append_new(
            list, json_pack("{s:s, s:s, s:b}", "value", isms_incident_status_name(s), "label",
                            isms_page_incident_status(page, s), "current",
                            current && strcmp(current, isms_incident_status_name(s)) == 0));
    return list;
}

static int add_list(struct isms_page *page)
{
    const char *status = isms_web_request_query(page->req, "status");
    struct isms_incident *items = NULL;
    size_t n = 0;
    json_t *rows;
    int error;

    if ((error = isms_incidents_list(&items, &n, page->req->store, page->req->org.id, status)) ==
        ISMS_EINVALID) {
        status = NULL;
        error = isms_incidents_list(&items, &n, page->req->store, page->req->org.id, NULL);
    }
    if (error < 0)
        return error;
    rows = json_array();
    for (size_t i = 0; rows && i < n; i++)
        json_array_append_new(rows, incident_row(page, &items[i]));
    free(items);
    if ((error = isms_page_set(page, "incidents", rows)) < 0 ||
        (error = isms_page_set(page, "all_current", json_boolean(!status || !*status))) < 0)
        return error;
    return isms_page_set(page, "filters", status_filters(page, status));
}

static int render(struct isms_web_response *res, struct isms_web_request *req,
                  const char *error_text, const struct isms_form *form, unsigned status,
                  const void *ctx)
{
    struct isms_page page;
    int error;

    (void)ctx;
    if ((error = isms_page_init(&page, req, "incidents", "Incidents")) < 0)
        return error;
    if ((error = isms_page_set_form_messages(&page, error_text)) < 0 ||
        (form && (error = isms_page_set(&page, "input", isms_page_form_input(form))) < 0) ||
        (error = isms_page_set(&page, "severities",
                               isms_page_severity_options(
                                   &page, form ? isms_form_get(form, "severity") : "medium"))) <
            0 ||
        (error = add_list(&page)) < 0) {
        isms_page_release(&page);
        return error;
    }
    return isms_page_respond(res, &page, "incidents.html", status);
}

static int handle_incidents(struct isms_web_response *res, struct isms_web_request *req)
{
    return render(res, req, NULL, NULL, 200, NULL);
}

static int ticked_events(int64_t *ids, size_t *n, const struct isms_form *form)
{
    const char *v;

    *n = 0;
    for (size_t i = 0; (v = isms_form_get_nth(form, "event", i)); i++) {
        if (*n == EVENTS_MAX)
            return isms_error_set(ISMS_EINVALID, _("an incident is opened with at most %d events"),
                                  EVENTS_MAX);
        if (isms_page_parse_id(&ids[(*n)++], v, "event") < 0)
            return isms_error_set(ISMS_EINVALID, _("'event' must be an event id"));
    }
    return 0;
}

static int handle_open(struct isms_web_response *res, struct isms_web_request *req)
{
    int64_t ids[EVENTS_MAX], id = 0;
    struct isms_incident_input in = {0};
    struct isms_form form;
    int error;

    if ((error = isms_page_form(&form, req)) == 0 &&
        (error = ticked_events(ids, &in.event_count, &form)) == 0) {
        in.title = isms_form_get(&form, "title");
        in.description = isms_form_get(&form, "description");
        in.severity = isms_form_get(&form, "severity");
        in.events = ids;
        error = isms_incident_open(&id, req->store, req->org.id, &in, &req->actor);
    }
    if (error == 0) {
        isms_form_release(&form);
        return isms_page_redirect_in_org(res, req, "incidents/%" PRId64, id);
    }
    return isms_page_form_done(res, req, &form, error, "incidents", render, NULL);
}

const struct isms_web_route isms_pages_incidents_routes[] = {
    {"GET", "/orgs/{org}/incidents", handle_incidents, ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/incidents", handle_open, ISMS_WEB_NEEDS_ORG},
    {NULL, NULL, NULL, 0},
};
