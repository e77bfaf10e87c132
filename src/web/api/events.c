/*
 * Events (isms/event.h): the list with filters, one event, and a log
 * uploaded to be scanned into events (POST .../events/scan, the raw log as
 * the body; ?name= names it, ?rules=builtin adds the threshold rules,
 * ?format= tells the timestamps, ?tz= the zone of syslog's zone-less times).
 */
#include "isms_setup.h"
#include "export/incident_json.h"
#include "export/json_util.h"
#include "isms/event.h"
#include "util/error.h"
#include "util/timezone.h"
#include "web/http/id_param.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"

static int query_number(int64_t *out, const struct isms_web_request *req, const char *name,
                        int64_t fallback)
{
    const char *text = isms_web_request_query(req, name);
    char *end;

    *out = fallback;
    if (!text || !*text)
        return 0;
    *out = strtoll(text, &end, 10);
    if (*end || *out < 0)
        return isms_error_set(ISMS_EINVALID, _("'%s' must be a number, not '%.40s'"), name, text);
    return 0;
}

static int handle_list(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *open = isms_web_request_query(req, "open");
    struct isms_event_filter f = {
        .kind = isms_web_request_query(req, "kind"),
        .type = isms_web_request_query(req, "type"),
        .q = isms_web_request_query(req, "q"),
        .open_only = open && (strcmp(open, "1") == 0 || strcmp(open, "true") == 0),
    };
    struct isms_event *events = NULL;
    size_t n = 0;
    int64_t total = 0;
    json_t *list;
    bool ok;
    int error;

    if ((error = query_number(&f.limit, req, "limit", 100)) < 0 ||
        (error = query_number(&f.offset, req, "offset", 0)) < 0 ||
        (error = isms_events_list(&events, &n, &total, req->store, req->org.id, &f)) < 0)
        return error;
    ok = (list = json_array()) != NULL;
    for (size_t i = 0; ok && i < n; i++)
        ok = isms_json_append(list, isms_json_event(&events[i]));
    free(events);
    return isms_web_respond_json(
        res, 200,
        json_pack("{s:o, s:I}", "events", isms_json_done(list, ok), "total", (json_int_t)total));
}

static int handle_get(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_event e;
    int64_t id;
    int error;

    if ((error = isms_web_parse_id(&id, isms_web_request_param(req, "event"), ISMS_ENOTFOUND,
                                   "event")) < 0 ||
        (error = isms_event_get(&e, req->store, req->org.id, id)) < 0)
        return error;
    return isms_web_respond_json(res, 200, isms_json_event(&e));
}

/* Syslog writes the host's local time without a zone: ?tz= names it, else
 * the user's zone, else UTC. */
static const char *zone_of(const struct isms_web_request *req)
{
    const char *tz = isms_web_request_query(req, "tz");

    if (tz && *tz)
        return tz;
    return req->session && req->session->time_zone[0] ? req->session->time_zone : "UTC";
}

static int handle_scan(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *rules = isms_web_request_query(req, "rules");
    const char *name = isms_web_request_query(req, "name");
    struct isms_event_scan_result r;
    char origin[160];
    int error;

    if (rules && *rules && strcmp(rules, "builtin") != 0)
        return isms_error_set(ISMS_EINVALID, _("'rules' must be builtin or left out"));
    if (!isms_tz_known(zone_of(req)))
        return isms_error_set(ISMS_EINVALID, _("'tz' must be a time zone such as Asia/Tokyo"));
    snprintf(origin, sizeof(origin), "upload:%.140s", name && *name ? name : "log");
    if ((error = isms_event_scan_upload(
             &r, req->store, req->org.id,
             &(struct isms_event_upload){req->body.ptr, req->body.len, origin, rules && *rules,
                                         isms_web_request_query(req, "format"), zone_of(req)},
             &req->actor)) < 0)
        return error;
    return isms_web_respond_json(
        res, 200,
        json_pack("{s:s, s:I, s:I, s:I, s:I, s:I, s:I}", "origin", origin, "lines",
                  (json_int_t)r.stats.lines, "bytes", (json_int_t)r.stats.bytes, "hits",
                  (json_int_t)r.stats.hits, "events",
                  (json_int_t)(r.recorded.added + r.recorded.merged), "added",
                  (json_int_t)r.recorded.added, "merged", (json_int_t)r.recorded.merged));
}

const struct isms_web_route isms_api_events_routes[] = {
    {"GET", "/api/orgs/{org}/events", handle_list, ISMS_WEB_NEEDS_ORG},
    {"GET", "/api/orgs/{org}/events/{event}", handle_get, ISMS_WEB_NEEDS_ORG},
    {"POST", "/api/orgs/{org}/events/scan", handle_scan, ISMS_WEB_NEEDS_ORG | ISMS_WEB_LARGE_BODY},
    {NULL, NULL, NULL, 0},
};
