/*
 * Incidents (isms/incident.h): the list, opening one (from events or by
 * hand), one incident with its timeline, links, evidence and events, and
 * the changes: PATCH for title, description, severity and status, a note
 * on the timeline, one more event, links, evidence.
 */
#include "isms_setup.h"
#include "export/evidence_json.h"
#include "export/incident_json.h"
#include "export/json_util.h"
#include "isms/incident.h"
#include "util/error.h"
#include "web/http/id_param.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"

static int incident_id(int64_t *out, const struct isms_web_request *req)
{
    return isms_web_parse_id(out, isms_web_request_param(req, "incident"), ISMS_ENOTFOUND,
                             "incident");
}

static int respond_incident(struct isms_web_response *res, struct isms_web_request *req, int64_t id,
                            unsigned status)
{
    struct isms_incident_detail d;
    json_t *out;
    int error;

    if ((error = isms_incident_load(&d, req->store, req->org.id, id)) < 0)
        return error;
    out = isms_json_incident_detail(&d);
    isms_incident_detail_release(&d);
    return isms_web_respond_json(res, status, out);
}

static int handle_list(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_incident *items = NULL;
    size_t n = 0;
    json_t *list;
    bool ok;
    int error;

    if ((error = isms_incidents_list(&items, &n, req->store, req->org.id,
                                     isms_web_request_query(req, "status"))) < 0)
        return error;
    ok = (list = json_array()) != NULL;
    for (size_t i = 0; ok && i < n; i++)
        ok = isms_json_append(list, isms_json_incident(&items[i]));
    free(items);
    return isms_web_respond_json(res, 200,
                                 json_pack("{s:o}", "incidents", isms_json_done(list, ok)));
}

/* "events": an array of event ids. */
static int event_ids(int64_t **out, size_t *count, const json_t *body)
{
    const json_t *list = json_object_get(body, "events");
    size_t i;
    json_t *v;

    *out = NULL;
    *count = 0;
    if (!list || json_is_null(list))
        return 0;
    if (!json_is_array(list))
        return isms_error_set(ISMS_EINVALID, _("'events' must be a list of event ids"));
    if (json_array_size(list) && !(*out = calloc(json_array_size(list), sizeof(**out))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    json_array_foreach(list, i, v)
    {
        if (!json_is_integer(v) || json_integer_value(v) <= 0) {
            free(*out);
            *out = NULL;
            return isms_error_set(ISMS_EINVALID, _("'events' must be a list of event ids"));
        }
        (*out)[(*count)++] = (int64_t)json_integer_value(v);
    }
    return 0;
}

static int handle_open(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_incident_input in = {0};
    int64_t *events = NULL, id = 0;
    int error;

    if ((error = isms_json_optional_string(&in.title, req->json, "title")) < 0 ||
        (error = isms_json_optional_string(&in.description, req->json, "description")) < 0 ||
        (error = isms_json_optional_string(&in.severity, req->json, "severity")) < 0 ||
        (error = event_ids(&events, &in.event_count, req->json)) < 0)
        return error;
    in.events = events;
    error = isms_incident_open(&id, req->store, req->org.id, &in, &req->actor);
    free(events);
    return error < 0 ? error : respond_incident(res, req, id, 201);
}

static int handle_get(struct isms_web_response *res, struct isms_web_request *req)
{
    int64_t id;
    int error = incident_id(&id, req);

    return error < 0 ? error : respond_incident(res, req, id, 200);
}

static int handle_patch(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_incident_change c = {0};
    int64_t id;
    int error;

    if ((error = incident_id(&id, req)) < 0 ||
        (error = isms_json_optional_string(&c.title, req->json, "title")) < 0 ||
        (error = isms_json_optional_string(&c.description, req->json, "description")) < 0 ||
        (error = isms_json_optional_string(&c.severity, req->json, "severity")) < 0 ||
        (error = isms_json_optional_string(&c.status, req->json, "status")) < 0 ||
        (error = isms_incident_update(NULL, req->store, req->org.id, id, &c, &req->actor)) < 0)
        return error;
    return respond_incident(res, req, id, 200);
}

static int handle_note(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *text = NULL;
    int64_t id;
    int error;

    if ((error = incident_id(&id, req)) < 0 ||
        (error = isms_json_optional_string(&text, req->json, "text")) < 0 ||
        (error = isms_incident_note(req->store, req->org.id, id, text, &req->actor)) < 0)
        return error;
    return respond_incident(res, req, id, 201);
}

static int handle_add_event(struct isms_web_response *res, struct isms_web_request *req)
{
    const json_t *event = json_object_get(req->json, "event");
    int64_t id;
    int error;

    if ((error = incident_id(&id, req)) < 0)
        return error;
    if (!json_is_integer(event) || json_integer_value(event) <= 0)
        return isms_error_set(ISMS_EINVALID, _("'event' must be an event id"));
    if ((error = isms_incident_add_event(req->store, req->org.id, id,
                                         (int64_t)json_integer_value(event), &req->actor)) < 0)
        return error;
    return respond_incident(res, req, id, 200);
}

static int handle_link(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *target = NULL, *ref = NULL;
    char number[ISMS_JSON_NUMBER_SIZE];
    int64_t id, link = 0;
    int error;

    if ((error = incident_id(&id, req)) < 0 ||
        (error = isms_json_optional_string(&target, req->json, "target")) < 0 ||
        (error = isms_json_optional_text(&ref, number, req->json, "ref")) < 0 ||
        (error = isms_incident_link(&link, req->store, req->org.id, id, target, ref, &req->actor)) <
            0)
        return error;
    return respond_incident(res, req, id, 201);
}

static int handle_unlink(struct isms_web_response *res, struct isms_web_request *req)
{
    int64_t id, link;
    int error;

    if ((error = incident_id(&id, req)) < 0 ||
        (error = isms_web_parse_id(&link, isms_web_request_param(req, "link"), ISMS_ENOTFOUND,
                                   "link")) < 0 ||
        (error = isms_incident_unlink(req->store, req->org.id, id, link, &req->actor)) < 0)
        return error;
    return isms_web_respond_no_content(res);
}

/* A link as JSON {"name", "url"}, or a file as the raw body with ?name=. */
static int handle_evidence_post(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *name = NULL, *url = NULL;
    struct isms_evidence added;
    const void *data = NULL;
    size_t len = 0;
    int64_t id;
    int error;

    if ((error = incident_id(&id, req)) < 0)
        return error;
    if (isms_web_request_is_json(req)) {
        if ((error = isms_web_request_parse_json(req)) < 0 ||
            (error = isms_json_optional_string(&name, req->json, "name")) < 0 ||
            (error = isms_json_optional_string(&url, req->json, "url")) < 0)
            return error;
    } else {
        name = isms_web_request_query(req, "name");
        data = req->body.ptr ? (const void *)req->body.ptr : "";
        len = req->body.len;
    }
    if ((error = isms_incident_evidence_add(&added, req->store, req->org.id, id, name, data, len,
                                            url, &req->actor)) < 0)
        return error;
    return isms_web_respond_json(res, 201, isms_json_evidence(&added));
}

static int handle_evidence_get(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_evidence_file file;
    int64_t id, evidence;
    int error;

    if ((error = incident_id(&id, req)) < 0 ||
        (error = isms_web_parse_id(&evidence, isms_web_request_param(req, "evidence"),
                                   ISMS_ENOTFOUND, "evidence")) < 0 ||
        (error = isms_incident_evidence_file(&file, req->store, req->org.id, id, evidence)) < 0)
        return error;
    /* Never shown inline: an uploaded HTML file must not run as our page. */
    return isms_web_respond_attachment(res, "application/octet-stream", file.content, file.len,
                                       file.meta.name);
}

#define ORG ISMS_WEB_NEEDS_ORG
#define ORG_JSON (ISMS_WEB_NEEDS_ORG | ISMS_WEB_NEEDS_JSON)

const struct isms_web_route isms_api_incidents_routes[] = {
    {"GET", "/api/orgs/{org}/incidents", handle_list, ORG},
    {"POST", "/api/orgs/{org}/incidents", handle_open, ORG_JSON},
    {"GET", "/api/orgs/{org}/incidents/{incident}", handle_get, ORG},
    {"PATCH", "/api/orgs/{org}/incidents/{incident}", handle_patch, ORG_JSON},
    {"POST", "/api/orgs/{org}/incidents/{incident}/timeline", handle_note, ORG_JSON},
    {"POST", "/api/orgs/{org}/incidents/{incident}/events", handle_add_event, ORG_JSON},
    {"POST", "/api/orgs/{org}/incidents/{incident}/links", handle_link, ORG_JSON},
    {"DELETE", "/api/orgs/{org}/incidents/{incident}/links/{link}", handle_unlink, ORG},
    {"POST", "/api/orgs/{org}/incidents/{incident}/evidence", handle_evidence_post,
     ORG | ISMS_WEB_LARGE_BODY},
    {"GET", "/api/orgs/{org}/incidents/{incident}/evidence/{evidence}", handle_evidence_get, ORG},
    {NULL, NULL, NULL, 0},
};
