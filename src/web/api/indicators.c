/*
 * An organization's indicators (isms/indicator.h): the list, and imports
 * of a plain list (text/plain) or CSV (text/csv).
 */
#include "isms_setup.h"
#include "export/indicator_json.h"
#include "export/json_util.h"
#include "isms/indicator.h"
#include "util/error.h"
#include "web/http/import_failure.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"

#define LIST_DEFAULT 100
#define LIST_MAX 1000

struct page {
    json_t *items;
    int64_t offset, limit, seen;
    int type;
    bool ok;
};

static int collect(const struct isms_indicator *i, void *ctx)
{
    struct page *p = ctx;

    if ((p->type && i->type != p->type) || p->seen++ < p->offset ||
        (int64_t)json_array_size(p->items) >= p->limit)
        return 0;
    p->ok = p->ok && isms_json_append(p->items, isms_json_indicator(i));
    return 0;
}

/* A query number in 0..max; the message is the caller's. */
static bool number(int64_t *out, const char *text, int64_t fallback, int64_t max)
{
    char *end;

    *out = fallback;
    if (!text || !*text)
        return true;
    *out = strtoll(text, &end, 10);
    return !*end && *out >= 0 && *out <= max;
}

/* ?type=ipv4, ?limit= (1-1000), ?offset=; `total` counts the whole list. */
static int handle_list(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *type = isms_web_request_query(req, "type");
    struct page p = {json_array(), 0, LIST_DEFAULT, 0, 0, true};
    enum isms_ioc_type t = ISMS_IOC_NONE;
    int error;

    if (type && *type && (error = isms_ioc_type_parse(&t, type)) < 0)
        error = isms_error_set(ISMS_EINVALID, "%s", isms_error_last());
    else if (!number(&p.limit, isms_web_request_query(req, "limit"), LIST_DEFAULT, LIST_MAX))
        error = isms_error_set(ISMS_EINVALID, _("'limit' must be 0 to 1000"));
    else if (!number(&p.offset, isms_web_request_query(req, "offset"), 0, INT64_MAX / 2))
        error = isms_error_set(ISMS_EINVALID, _("'offset' must not be negative"));
    else
        error = 0;
    p.type = t;
    if (error < 0 || (error = isms_indicator_each(req->store, req->org.id, collect, &p)) < 0) {
        json_decref(p.items);
        return error;
    }
    if (!p.ok) {
        json_decref(p.items);
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    }
    return isms_web_respond_json(
        res, 200, json_pack("{s:o, s:I}", "indicators", p.items, "total", (json_int_t)p.seen));
}

/* The body as a file: text/csv is CSV, anything else told apart unless
 * ?format= says; ?skip_bad=1 leaves bad lines out; ?threat=REF links the
 * rows that name no threat of the library to REF. */
static int handle_import(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *format_text = isms_web_request_query(req, "format");
    const char *skip = isms_web_request_query(req, "skip_bad");
    struct isms_indicator_import_options options = {
        isms_web_request_is_csv(req) ? ISMS_INDICATOR_CSV : ISMS_INDICATOR_AUTO,
        skip && strcmp(skip, "1") == 0, "api", isms_web_request_query(req, "threat")};
    struct isms_indicator_import import = {0};
    int error;

    if (format_text && (error = isms_indicator_format_parse(&options.format, format_text)) < 0)
        return error;
    error = isms_indicator_import(&import, req->store, req->org.id, isms_buf_cstr(&req->body),
                                  req->body.len, &options, &req->actor);
    if (error < 0)
        error = isms_web_respond_import_failure(res, req, error, &import.errors);
    else
        error = isms_web_respond_json(res, 201,
                                      json_pack("{s:I, s:I, s:I, s:I}", "read",
                                                (json_int_t)import.count, "added",
                                                (json_int_t)import.added, "updated",
                                                (json_int_t)(import.count - import.added),
                                                "skipped", (json_int_t)import.skipped));
    isms_indicator_import_release(&import);
    return error;
}

const struct isms_web_route isms_api_indicators_routes[] = {
    {"GET", "/api/orgs/{org}/indicators", handle_list, ISMS_WEB_NEEDS_ORG},
    {"POST", "/api/orgs/{org}/indicators", handle_import, ISMS_WEB_NEEDS_ORG | ISMS_WEB_LARGE_BODY},
    {NULL, NULL, NULL, 0},
};
