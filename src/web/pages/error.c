/*
 * Error pages: a browser asking for a page (anything outside /api and
 * /healthz) gets its error as a translated HTML page with the right status
 * instead of the API's JSON, inside the usual layout so the user can go on.
 */
#include "isms_setup.h"
#include "util/error.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/pages/pages.h"

bool isms_page_path(const char *path)
{
    bool api = strncmp(path, "/api", 4) == 0 && (path[4] == '\0' || path[4] == '/');

    return !api && strcmp(path, "/healthz") != 0;
}

static const char *heading(unsigned status)
{
    switch (status) {
    case 400:
        return "The request could not be processed";
    case 401:
        return "Please sign in";
    case 403:
        return "You are not allowed to do this";
    case 404:
        return "Page not found";
    case 405:
        return "This action is not available here";
    case 409:
        return "This conflicts with existing data";
    case 413:
        return "The upload is too large";
    case 429:
        return "Too many attempts";
    default:
        break;
    }
    return "Something went wrong on our side";
}

static const char *explanation(unsigned status)
{
    switch (status) {
    case 401:
        return "Your session has ended. Sign in again to continue.";
    case 403:
        return "Your role does not allow this, or the form has expired. Reload the page "
               "and try again, or ask an administrator of the organization.";
    case 404:
        return "The page or organization does not exist, or you are not a member of it.";
    case 405:
        return "This address cannot be used that way.";
    case 413:
        return "Split the file into smaller parts and upload them one by one.";
    case 429:
        return "Wait a moment and try again.";
    default:
        break;
    }
    return status >= 500 ? "The server log has the details. Please try again later."
                         : "Check the input and try again.";
}

int isms_page_error(struct isms_web_response *res, struct isms_web_request *req, int error,
                    unsigned status, const char *allow)
{
    char detail[512];
    struct isms_page page;
    int rc;

    if (!status)
        status = (unsigned)isms_error_http_status(error);
    snprintf(detail, sizeof(detail), "%s", isms_error_last());
    if (status >= 500) {
        fprintf(stderr, "isms: %s %s: %s: %s\n", req->method, req->path, isms_error_name(error),
                detail);
        detail[0] = '\0'; /* may name tables, files or SQL */
    }
    if (status == 404)
        memset(&req->org, 0, sizeof(req->org)); /* an org the user may not see */
    if ((rc = isms_page_init(&page, req, "error", heading(status))) < 0)
        return rc;
    if ((rc = isms_page_set(&page, "status", json_integer(status))) < 0 ||
        (rc = isms_page_set_message(&page, "explanation", explanation(status))) < 0 ||
        (rc = isms_page_set_message(&page, "detail", detail[0] ? detail : NULL)) < 0 ||
        (rc = isms_page_set(&page, "signed_out", json_boolean(status == 401))) < 0) {
        isms_page_release(&page);
        return rc;
    }
    if ((rc = isms_page_respond(res, &page, "error.html", status)) < 0)
        return rc;
    return allow ? isms_web_response_header(res, "Allow", allow) : 0;
}
