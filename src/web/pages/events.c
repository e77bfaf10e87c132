/*
 * The events page (isms/event.h, 8.16): what monitoring saw, latest first,
 * with filters; a log uploaded to be scanned into events; and the events
 * ticked on it raised to an incident (the form posts to the incidents
 * page). Works without JavaScript.
 */
#include "isms_setup.h"
#include "isms/event.h"
#include "model/incident.h"
#include "util/buf.h"
#include "util/error.h"
#include "web/http/form.h"
#include "web/http/multipart.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/pages/event_baseline.h"
#include "web/pages/incident_labels.h"
#include "web/pages/indicator_labels.h"
#include "web/pages/pages.h"

#define PAGE_SIZE 50
#define LOG_UPLOAD_MAX (32u << 20)

/* The indicator's kind, or the rule's word. */
static const char *event_type(const struct isms_page *page, const struct isms_event *e)
{
    enum isms_ioc_type t;

    if (isms_ioc_type_parse(&t, e->type) == 0)
        return isms_page_ioc_type(page, t);
    return strcmp(e->type, "rule") == 0 ? isms_page_pick(page, "rule", "ルール") : e->type;
}

static json_t *event_row(const struct isms_page *page, const struct isms_event *e)
{
    return json_pack(
        "{s:I, s:s, s:b, s:s, s:s, s:s, s:s, s:s, s:I, s:I, s:o, s:o, s:I, s:b}", "id",
        (json_int_t)e->id, "kind", isms_page_event_kind(page, e->kind), "alert",
        e->kind == ISMS_EVENT_ALERT, "type", event_type(page, e), "signature", e->signature,
        "source", e->source, "name", isms_page_event_name(page, e), "origin", e->origin, "line",
        (json_int_t)e->line, "count", (json_int_t)e->count, "first",
        strcmp(e->first_at, e->last_at) ? isms_page_time(page, e->first_at) : json_string(""),
        "last", isms_page_time(page, e->last_at), "incident", (json_int_t)e->incident_id, "open",
        e->incident_id == 0);
}

static int add_filter(struct isms_page *page, struct isms_buf *query,
                      const struct isms_event_filter *f)
{
    int error = 0;

    if (f->kind && *f->kind)
        error = isms_page_query_add(query, "kind", f->kind);
    if (error == 0 && f->type && *f->type)
        error = isms_page_query_add(query, "type", f->type);
    if (error == 0 && f->q && *f->q)
        error = isms_page_query_add(query, "q", f->q);
    if (error == 0 && f->open_only)
        error = isms_page_query_add(query, "open", "1");
    if (error < 0)
        return error;
    return isms_page_set(
        page, "filter",
        json_pack("{s:s, s:s, s:s, s:b, s:b, s:b, s:s}", "kind", f->kind ? f->kind : "", "type",
                  f->type ? f->type : "", "q", f->q ? f->q : "", "open", f->open_only, "hit",
                  f->kind && strcmp(f->kind, "hit") == 0, "alert",
                  f->kind && strcmp(f->kind, "alert") == 0, "query", isms_buf_cstr(query)));
}

static int add_events(struct isms_page *page)
{
    const struct isms_web_request *req = page->req;
    const char *open = isms_web_request_query(req, "open");
    const char *offset = isms_web_request_query(req, "offset");
    struct isms_event_filter f = {
        .kind = isms_web_request_query(req, "kind"),
        .type = isms_web_request_query(req, "type"),
        .q = isms_web_request_query(req, "q"),
        .open_only = open && *open,
        .limit = PAGE_SIZE,
        .offset = offset ? strtoll(offset, NULL, 10) : 0,
    };
    struct isms_buf query = ISMS_BUF_INIT(2048);
    struct isms_event *events = NULL;
    size_t n = 0;
    int64_t total = 0;
    json_t *rows;
    int error;

    if (f.offset < 0)
        f.offset = 0;
    if ((error = isms_events_list(&events, &n, &total, req->store, req->org.id, &f)) < 0) {
        /* A filter of no known kind or type shows everything. */
        if (error != ISMS_EINVALID)
            return error;
        f.kind = f.type = NULL;
        if ((error = isms_events_list(&events, &n, &total, req->store, req->org.id, &f)) < 0)
            return error;
    }
    rows = json_array();
    for (size_t i = 0; rows && i < n; i++)
        json_array_append_new(rows, event_row(page, &events[i]));
    free(events);
    if ((error = add_filter(page, &query, &f)) == 0)
        error = isms_page_set(
            page, "events",
            json_pack("{s:o, s:I, s:b, s:I, s:b, s:I}", "rows", rows, "total", (json_int_t)total,
                      "more", total > f.offset + PAGE_SIZE, "next",
                      (json_int_t)(f.offset + PAGE_SIZE), "back", f.offset > 0, "prev",
                      (json_int_t)(f.offset > PAGE_SIZE ? f.offset - PAGE_SIZE : 0)));
    else
        json_decref(rows);
    isms_buf_release(&query);
    return error;
}

/* The result of the last scan, from the redirect's query. */
static int add_scan_result(struct isms_page *page)
{
    static const char *const keys[] = {"lines", "hits", "added", "merged"};
    json_t *result = json_object();

    for (size_t i = 0; result && i < ISMS_ARRAY_SIZE(keys); i++) {
        const char *v = isms_web_request_query(page->req, keys[i]);
        char *end;
        long long n = v ? strtoll(v, &end, 10) : -1;
        if (!v || *end || n < 0) {
            json_decref(result);
            return 0;
        }
        json_object_set_new(result, keys[i], json_integer(n));
    }
    return isms_page_set(page, "scanned", result);
}

static int render(struct isms_web_response *res, struct isms_web_request *req,
                  const char *error_text, const struct isms_form *form, unsigned status,
                  const void *ctx)
{
    struct isms_page page;
    int error;

    (void)ctx;
    if ((error = isms_page_init(&page, req, "events", "Events")) < 0)
        return error;
    if ((error = isms_page_set_form_messages(&page, error_text)) < 0 ||
        (form && (error = isms_page_set(&page, "input", isms_page_form_input(form))) < 0) ||
        (error = isms_page_set(&page, "severities", isms_page_severity_options(&page, "medium"))) <
            0 ||
        (error = add_scan_result(&page)) < 0 || (error = add_events(&page)) < 0 ||
        (error = isms_page_add_baseline(&page)) < 0) {
        isms_page_release(&page);
        return error;
    }
    return isms_page_respond(res, &page, "events.html", status);
}

static int handle_events(struct isms_web_response *res, struct isms_web_request *req)
{
    return render(res, req, NULL, NULL, 200, NULL);
}

static int handle_scan(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_event_scan_result r;
    struct isms_multipart mp;
    char origin[160], zone[ISMS_TZ_NAME_MAX + 1];
    int error;

    if ((error = isms_multipart_parse(&mp, req, "file", LOG_UPLOAD_MAX)) == 0 && !mp.has_file)
        error = isms_error_set(ISMS_EINVALID, _("choose a log file to scan"));
    if (error == 0) {
        snprintf(origin, sizeof(origin), "upload:%.140s", mp.filename[0] ? mp.filename : "log");
        isms_page_reader_zone(zone, req);
        error = isms_event_scan_upload(
            &r, req->store, req->org.id,
            &(struct isms_event_upload){isms_buf_cstr(&mp.file), mp.file.len, origin,
                                        isms_form_get(&mp.fields, "rules") != NULL,
                                        isms_form_get(&mp.fields, "format"), zone},
            &req->actor);
    }
    isms_multipart_release(&mp);
    if (error == 0)
        return isms_page_redirect_in_org(res, req, "events?lines=%zu&hits=%zu&added=%zu&merged=%zu",
                                         r.stats.lines, r.stats.hits, r.recorded.added,
                                         r.recorded.merged);
    if (isms_page_is_user_error(error))
        return render(res, req, isms_error_last(), NULL, (unsigned)isms_error_http_status(error),
                      NULL);
    return error;
}

const struct isms_web_route isms_pages_events_routes[] = {
    {"GET", "/orgs/{org}/events", handle_events, ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/events/scan", handle_scan, ISMS_WEB_NEEDS_ORG | ISMS_WEB_LARGE_BODY},
    {NULL, NULL, NULL, 0},
};
