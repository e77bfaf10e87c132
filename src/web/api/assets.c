/*
 * The information asset register API: /api/orgs/{org}/assets..., its CSV
 * import and its CSV / xlsx exports. Every lookup goes through the domain
 * with req->org.id, so another org's asset id is 404.
 */
#include "isms_setup.h"
#include <strings.h>
#include "export/asset_export.h"
#include "export/json_util.h"
#include "isms/asset.h"
#include "isms/asset_import.h"
#include "util/buf.h"
#include "util/error.h"
#include "web/http/id_param.h"
#include "web/http/import_failure.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/http/session.h"

#define EXPORT_MAX (256u << 20)

static int parse_count(size_t *out, const char *text, const char *what)
{
    char *end;
    unsigned long long v;

    *out = 0;
    if (!text)
        return 0;
    errno = 0;
    v = *text >= '0' && *text <= '9' ? strtoull(text, &end, 10) : 0;
    if (!(*text >= '0' && *text <= '9') || errno || *end || v > 100000000ull)
        return isms_error_set(ISMS_EINVALID, _("'%s' must be a non-negative integer, not '%.40s'"),
                              what, text);
    *out = (size_t)v;
    return 0;
}

/* The list and export filters from the query string. */
static int read_filter(struct isms_asset_filter *f, const struct isms_web_request *req)
{
    const char *type = isms_web_request_query(req, "type");
    const char *cls = isms_web_request_query(req, "classification");
    const char *cloud = isms_web_request_query(req, "cloud_service");
    const char *due = isms_web_request_query(req, "deletion_due_before");
    int error;

    memset(f, 0, sizeof(*f));
    f->name_contains = isms_web_request_query(req, "q");
    if ((type && *type && (error = isms_asset_type_parse(&f->type, type)) < 0) ||
        (cls && *cls && (error = isms_asset_classification_parse(&f->classification, cls)) < 0) ||
        (cloud && (error = isms_web_parse_id(&f->cloud_service_id, cloud, ISMS_EINVALID,
                                             "cloud_service")) < 0) ||
        (due && *due && (error = isms_date_parse(&f->due_before, due)) < 0))
        return error;
    if (f->name_contains && strlen(f->name_contains) > ISMS_ASSET_QUERY_MAX)
        return isms_error_set(ISMS_EINVALID, _("'q' is longer than %d bytes"),
                              ISMS_ASSET_QUERY_MAX);
    return 0;
}

static int handle_assets_list(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_asset_filter filter;
    struct isms_asset_page page;
    json_t *doc, *items;
    bool ok = true;
    int error;

    if ((error = read_filter(&filter, req)) < 0 ||
        (error = parse_count(&filter.limit, isms_web_request_query(req, "limit"), "limit")) < 0 ||
        (error = parse_count(&filter.offset, isms_web_request_query(req, "offset"), "offset")) < 0)
        return error;
    if (isms_web_request_query(req, "limit") && filter.limit == 0)
        return isms_error_set(ISMS_EINVALID, _("'limit' must be 1 to %d"), ISMS_ASSET_LIST_MAX);
    if ((error = isms_asset_list(&page, req->store, req->org.id, &filter)) < 0)
        return error;
    items = json_array();
    for (size_t i = 0; ok && i < page.count; i++)
        ok = isms_json_append(items, isms_json_asset(&page.items[i]));
    doc = json_pack("{s:I, s:I, s:I, s:o}", "total", (json_int_t)page.total, "limit",
                    (json_int_t)(filter.limit ? filter.limit : ISMS_ASSET_LIST_DEFAULT), "offset",
                    (json_int_t)filter.offset, "assets", isms_json_done(items, ok));
    isms_asset_page_release(&page);
    return isms_web_respond_json(res, 200, doc);
}

static int respond_asset(struct isms_web_response *res, unsigned status, struct isms_asset *a)
{
    int error = isms_web_respond_json(res, status, isms_json_asset(a));

    isms_asset_release(a);
    return error;
}

static int handle_assets_create(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_asset_input in;
    struct isms_asset asset;
    char location[128];
    int64_t id;
    int error;

    if ((error = isms_json_asset_input(&in, req->json)) < 0 ||
        (error = isms_asset_create(&asset, req->store, req->org.id, &in, &req->actor)) < 0)
        return error;
    id = asset.id;
    if ((error = respond_asset(res, 201, &asset)) < 0)
        return error;
    snprintf(location, sizeof(location), "/api/orgs/%s/assets/%" PRId64, req->org.slug, id);
    return isms_web_response_header(res, "Location", location);
}

static int asset_param(int64_t *out, const struct isms_web_request *req)
{
    return isms_web_parse_id(out, isms_web_request_param(req, "id"), ISMS_ENOTFOUND, "asset");
}

/* The path's asset; a stranger's id is 404. */
static int load_asset(struct isms_asset *out, const struct isms_web_request *req)
{
    int64_t id;
    int error;

    if ((error = asset_param(&id, req)) < 0)
        return error;
    return isms_asset_get(out, req->store, req->org.id, id);
}

static int handle_assets_get(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_asset asset;
    int error;

    if ((error = load_asset(&asset, req)) < 0)
        return error;
    return respond_asset(res, 200, &asset);
}

static int handle_assets_put(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_asset_input in;
    struct isms_asset asset;
    int64_t id;
    int error;

    /* The id comes first: a stranger's asset is 404 whatever the body says. */
    if ((error = load_asset(&asset, req)) < 0)
        return error;
    id = asset.id;
    isms_asset_release(&asset);
    if ((error = isms_json_asset_input(&in, req->json)) < 0 ||
        (error = isms_asset_update(&asset, req->store, req->org.id, id, &in, &req->actor)) < 0)
        return error;
    return respond_asset(res, 200, &asset);
}

static int handle_assets_delete(struct isms_web_response *res, struct isms_web_request *req)
{
    int64_t id;
    int error;

    if ((error = asset_param(&id, req)) < 0 ||
        (error = isms_asset_delete(req->store, req->org.id, id, &req->actor)) < 0)
        return error;
    return isms_web_respond_no_content(res);
}

static int handle_assets_import(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_asset_import import;
    int error;

    if (!isms_web_request_is_csv(req)) {
        isms_web_respond_error(res, 415, "unsupported_media_type",
                               "the register must be sent as 'text/csv' (UTF-8)");
        return 0;
    }
    error = isms_asset_import(&import, req->store, req->org.id, isms_buf_cstr(&req->body),
                              req->body.len, &req->actor);
    if (error < 0)
        error = isms_web_respond_import_failure(res, req, error, &import.errors);
    else
        error = isms_web_respond_json(
            res, 201,
            json_pack("{s:I, s:I, s:s}", "imported", (json_int_t)import.count, "first_id",
                      (json_int_t)import.first_id, "ignored_columns", import.ignored_columns));
    isms_asset_import_release(&import);
    return error;
}

typedef int (*export_fn)(struct isms_buf *out, struct isms_store *store, const struct isms_org *org,
                         const struct isms_asset_filter *filter);

static int send_export(struct isms_web_response *res, struct isms_web_request *req,
                       export_fn export, const char *content_type, const char *extension)
{
    struct isms_buf buf = ISMS_BUF_INIT(EXPORT_MAX);
    struct isms_asset_filter filter;
    char disposition[128];
    size_t len;
    char *body;
    int error;

    if ((error = read_filter(&filter, req)) < 0 ||
        (error = export(&buf, req->store, &req->org, &filter)) < 0)
        goto done;
    if (!(body = isms_buf_detach(&buf, &len))) {
        error = isms_error_set(ISMS_ENOMEM, "out of memory");
        goto done;
    }
    isms_web_respond_bytes(res, 200, content_type, body, len);
    /* Slugs are [a-z0-9-]: nothing in the file name needs quoting. */
    snprintf(disposition, sizeof(disposition), "attachment; filename=\"assets-%s.%s\"",
             req->org.slug, extension);
    error = isms_web_response_header(res, "Content-Disposition", disposition);
done:
    isms_buf_release(&buf);
    return error;
}

static int handle_assets_csv(struct isms_web_response *res, struct isms_web_request *req)
{
    return send_export(res, req, isms_export_assets_csv, "text/csv; charset=utf-8", "csv");
}

static int handle_assets_xlsx(struct isms_web_response *res, struct isms_web_request *req)
{
    return send_export(res, req, isms_export_assets_xlsx,
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
}

const struct isms_web_route isms_api_assets_routes[] = {
    {"GET", "/api/orgs/{org}/assets", handle_assets_list, ISMS_WEB_NEEDS_ORG},
    {"POST", "/api/orgs/{org}/assets", handle_assets_create,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_NEEDS_JSON},
    {"POST", "/api/orgs/{org}/assets/import", handle_assets_import,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_LARGE_BODY},
    {"GET", "/api/orgs/{org}/assets.csv", handle_assets_csv, ISMS_WEB_NEEDS_ORG},
    {"GET", "/api/orgs/{org}/assets.xlsx", handle_assets_xlsx, ISMS_WEB_NEEDS_ORG},
    {"GET", "/api/orgs/{org}/assets/{id}", handle_assets_get, ISMS_WEB_NEEDS_ORG},
    {"PUT", "/api/orgs/{org}/assets/{id}", handle_assets_put,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_NEEDS_JSON},
    {"DELETE", "/api/orgs/{org}/assets/{id}", handle_assets_delete, ISMS_WEB_NEEDS_ORG},
    {NULL, NULL, NULL, 0},
};
