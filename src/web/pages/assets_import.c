/*
 * Importing an asset register from a CSV file uploaded in the browser
 * (multipart/form-data). Every bad cell is listed with its line and column;
 * a file with any error stores nothing (isms/asset_import.h).
 */
#include "isms_setup.h"
#include "export/import_errors_json.h"
#include "isms/asset_import.h"
#include "util/error.h"
#include "web/http/multipart.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/pages/pages.h"

#define FILE_FIELD "file"

static int add_result(struct isms_page *page, const struct isms_asset_import *import)
{
    return isms_page_set(
        page, "result",
        json_pack("{s:o,s:b,s:I,s:I,s:b,s:s}", "errors",
                  isms_json_import_errors(&import->errors, page->lang == ISMS_LANG_JA),
                  "has_errors", import->errors.count > 0, "errors_total",
                  (json_int_t)import->errors.total, "rows_with_errors",
                  (json_int_t)import->errors.rows, "more",
                  import->errors.total > import->errors.count, "ignored", import->ignored_columns));
}

static int render(struct isms_web_response *res, struct isms_web_request *req,
                  const struct isms_asset_import *import, const char *filename,
                  const char *error_text, unsigned status)
{
    struct isms_page page;
    int error;

    if ((error = isms_page_init(&page, req, "assets", "Import information assets")) < 0)
        return error;
    if ((error = isms_page_set_message(&page, "error", error_text)) < 0 ||
        (filename && (error = isms_page_set(&page, "filename", json_string(filename))) < 0) ||
        (import && (error = add_result(&page, import)) < 0)) {
        isms_page_release(&page);
        return error;
    }
    return isms_page_respond(res, &page, "asset_import.html", status);
}

static int handle_assets_import(struct isms_web_response *res, struct isms_web_request *req)
{
    if (req->org_role < ISMS_ROLE_MANAGER)
        return isms_error_set(ISMS_EPERM,
                              _("only ISMS managers and administrators may import assets"));
    return render(res, req, NULL, NULL, NULL, 200);
}

static int import_file(struct isms_web_response *res, struct isms_web_request *req,
                       const struct isms_multipart *mp)
{
    struct isms_asset_import import;
    int error;

    error = isms_asset_import(&import, req->store, req->org.id, isms_buf_cstr(&mp->file),
                              mp->file.len, &req->actor);
    if (error == ISMS_EINVALID || error == ISMS_ETOOBIG) {
        /* The listed errors say it all; only a file refused as a whole
         * (too big, no rows) needs the message. */
        error = render(res, req, &import, mp->filename,
                       import.errors.count ? NULL : isms_error_last(),
                       (unsigned)isms_error_http_status(error));
    } else if (error == 0) {
        error = isms_page_redirect_in_org(res, req, "assets?imported=%zu", import.count);
    }
    isms_asset_import_release(&import);
    return error;
}

static int handle_assets_import_post(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_multipart mp;
    int error;

    if ((error = isms_multipart_parse(&mp, req, FILE_FIELD, ISMS_IMPORT_BYTES_MAX)) == 0 &&
        mp.file.len == 0)
        error = isms_error_set(ISMS_EINVALID, "choose a CSV file to import");
    if (error == ISMS_EINVALID || error == ISMS_ETOOBIG)
        error = render(res, req, NULL, NULL, isms_error_last(),
                       (unsigned)isms_error_http_status(error));
    else if (error == 0)
        error = import_file(res, req, &mp);
    isms_multipart_release(&mp);
    return error;
}

const struct isms_web_route isms_pages_assets_import_routes[] = {
    {"GET", "/orgs/{org}/assets/import", handle_assets_import, ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/assets/import", handle_assets_import_post,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_LARGE_BODY},
    {NULL, NULL, NULL, 0},
};
