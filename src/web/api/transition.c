/*
 * The transition gap analysis 2013 -> 2022 (isms/transition.h): the report
 * as JSON, CSV and xlsx, the import of the 2013 SoA (text/csv), and the two
 * actions that follow from it.
 */
#include "isms_setup.h"
#include "export/transition_export.h"
#include "isms/transition.h"
#include "util/buf.h"
#include "util/error.h"
#include "web/http/import_failure.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"

static int handle_report(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_transition_report report;
    json_t *value;
    int error;

    if ((error = isms_transition_report(&report, req->store, req->org.id)) < 0)
        return error;
    value = isms_json_transition_report(&report);
    isms_transition_report_release(&report);
    return isms_web_respond_json(res, 200, value);
}

typedef int (*file_fn)(struct isms_buf *out, const struct isms_transition_report *report,
                       const char *org_name);

static int csv(struct isms_buf *out, const struct isms_transition_report *report,
               const char *org_name)
{
    (void)org_name;
    return isms_export_transition_csv(out, report);
}

static int send_file(struct isms_web_response *res, struct isms_web_request *req, file_fn write,
                     const char *content_type, const char *extension)
{
    struct isms_buf buf = ISMS_BUF_INIT(64u << 20);
    struct isms_transition_report report;
    char filename[128];
    size_t len;
    char *body;
    int error;

    if ((error = isms_transition_report(&report, req->store, req->org.id)) < 0)
        return error;
    error = write(&buf, &report, req->org.name);
    isms_transition_report_release(&report);
    if (error == 0 && !(body = isms_buf_detach(&buf, &len)))
        error = isms_error_set(ISMS_ENOMEM, "out of memory");
    if (error == 0) {
        snprintf(filename, sizeof(filename), "transition-%s.%s", req->org.slug, extension);
        error = isms_web_respond_attachment(res, content_type, body, len, filename);
    }
    isms_buf_release(&buf);
    return error;
}

static int handle_csv(struct isms_web_response *res, struct isms_web_request *req)
{
    return send_file(res, req, csv, "text/csv; charset=utf-8", "csv");
}

static int handle_xlsx(struct isms_web_response *res, struct isms_web_request *req)
{
    return send_file(res, req, isms_export_transition_xlsx,
                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
}

static int handle_import(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_transition_import import;
    int error;

    if (!isms_web_request_is_csv(req)) {
        isms_web_respond_error(res, 415, "unsupported_media_type",
                               "the 2013 SoA must be sent as 'text/csv' (UTF-8)");
        return 0;
    }
    error = isms_transition_import(&import, req->store, req->org.id, isms_buf_cstr(&req->body),
                                   req->body.len, &req->actor);
    if (error < 0)
        error = isms_web_respond_import_failure(res, req, error, &import.errors);
    else
        error = isms_web_respond_json(res, 201,
                                      json_pack("{s:I, s:s}", "imported", (json_int_t)import.count,
                                                "ignored_columns", import.ignored_columns));
    isms_transition_import_release(&import);
    return error;
}

static int handle_draft_soa(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_transition_draft_result d;
    int error;

    if ((error = isms_transition_draft_soa(&d, req->store, req->org.id, &req->actor)) < 0)
        return error;
    return isms_web_respond_json(res, 200,
                                 json_pack("{s:I, s:I, s:I, s:I}", "decided", (json_int_t)d.decided,
                                           "kept", (json_int_t)d.kept, "conflict",
                                           (json_int_t)d.conflict, "assess", (json_int_t)d.assess));
}

/* Optional body {"owner": "login"} for new controls without an owner. */
static int handle_risks(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_transition_risks_result r;
    const char *owner = NULL;
    int error;

    if (req->body.len && ((error = isms_web_request_parse_json(req)) < 0 ||
                          (error = isms_web_json_string(&owner, req->json, "owner")) < 0))
        return error;
    if ((error = isms_transition_create_risks(&r, req->store, req->org.id, owner, &req->actor)) < 0)
        return error;
    return isms_web_respond_json(
        res, r.created ? 201 : 200,
        json_pack("{s:I, s:I, s:I, s:I, s:I, s:I}", "created", (json_int_t)r.created, "implemented",
                  (json_int_t)r.implemented, "excluded", (json_int_t)r.excluded, "existing",
                  (json_int_t)r.existing, "first_number", (json_int_t)r.first_number, "last_number",
                  (json_int_t)r.last_number));
}

const struct isms_web_route isms_api_transition_routes[] = {
    {"GET", "/api/orgs/{org}/transition", handle_report, ISMS_WEB_NEEDS_ORG},
    {"GET", "/api/orgs/{org}/transition.csv", handle_csv, ISMS_WEB_NEEDS_ORG},
    {"GET", "/api/orgs/{org}/transition.xlsx", handle_xlsx, ISMS_WEB_NEEDS_ORG},
    {"POST", "/api/orgs/{org}/transition", handle_import, ISMS_WEB_NEEDS_ORG | ISMS_WEB_LARGE_BODY},
    {"POST", "/api/orgs/{org}/transition/soa-draft", handle_draft_soa, ISMS_WEB_NEEDS_ORG},
    {"POST", "/api/orgs/{org}/transition/risks", handle_risks, ISMS_WEB_NEEDS_ORG},
    {NULL, NULL, NULL, 0},
};
