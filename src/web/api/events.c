/*
 * Events (isms/event.h): the list with filters, one event, and a log
 * uploaded to be scanned into events (POST .../events/scan, the raw log as
 * the body; ?name= names it, ?rules=builtin adds the threshold rules,
 * ?format= tells the timestamps, ?tz= the zone of syslog's zone-less times),
 * and the baseline of what the rules matched (GET .../events/baseline).
 */
#include "isms_setup.h"
#include <time.h>
#include "export/baseline_json.h"
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

/* A number of the query within [min, max], `fallback` when absent. */
static int query_bounded(double *out, const struct isms_web_request *req, const char *name,
                         double fallback, double min, double max)
{
    const char *text = isms_web_request_query(req, name);
    char *end;

    *out = fallback;
    if (!text || !*text)
        return 0;
    *out = strtod(text, &end);
    if (*end || !(*out >= min && *out <= max))
        return isms_error_set(ISMS_EINVALID, _("'%s' must be a number from %g to %g"), name, min,
                              max);
    return 0;
}

/* The baseline of what the rules matched in the org's recorded scans and
 * watched logs (8.16): ?days= (30) of counts, ?learn= hours (168),
 * ?sigmas= (3), ?min_count= (5); days in ?tz= (else the user's zone). */
static int handle_baseline(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_log_baseline_options o;
    struct isms_log_hourly *h;
    double days, learn, sigmas, min_count;
    json_t *body;
    int error;

    isms_log_baseline_defaults(&o);
    if ((error = query_bounded(&days, req, "days", 30, 1, 3660)) < 0 ||
        (error = query_bounded(&learn, req, "learn", o.learn_hours, 1, 24 * 366)) < 0 ||
        (error = query_bounded(&sigmas, req, "sigmas", o.sigmas, 0.5, 100)) < 0 ||
        (error = query_bounded(&min_count, req, "min_count", (double)o.min_count, 1, 1e9)) < 0)
        return error;
    if (!isms_tz_known(zone_of(req)))
        return isms_error_set(ISMS_EINVALID, _("'tz' must be a time zone such as Asia/Tokyo"));
    o.learn_hours = (int)learn;
    o.sigmas = sigmas;
    o.min_count = (int64_t)min_count;
    if (!(h = isms_log_hourly_new()))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    error = isms_event_counts_load(h, req->store, req->org.id,
                                   (int64_t)time(NULL) - (int64_t)(days * 86400));
    body = error < 0 ? NULL : isms_json_baseline(h, &o, isms_tz_offset_now(zone_of(req)));
    isms_log_hourly_free(h);
    if (error < 0)
        return error;
    return body ? isms_web_respond_json(res, 200, body)
                : isms_error_set(ISMS_ENOMEM, "out of memory");
}

const struct isms_web_route isms_api_events_routes[] = {
    {"GET", "/api/orgs/{org}/events", handle_list, ISMS_WEB_NEEDS_ORG},
    {"GET", "/api/orgs/{org}/events/baseline", handle_baseline, ISMS_WEB_NEEDS_ORG},
    {"GET", "/api/orgs/{org}/events/{event}", handle_get, ISMS_WEB_NEEDS_ORG},
    {"POST", "/api/orgs/{org}/events/scan", handle_scan, ISMS_WEB_NEEDS_ORG | ISMS_WEB_LARGE_BODY},
    {NULL, NULL, NULL, 0},
};
