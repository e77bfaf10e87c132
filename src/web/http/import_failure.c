#include "isms_setup.h"
#include "export/import_errors_json.h"
#include "util/error.h"
#include "web/http/import_failure.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/session.h"

int isms_web_respond_import_failure(struct isms_web_response *res,
                                    const struct isms_web_request *req, int error,
                                    const struct isms_import_errors *errors)
{
    bool ja = isms_web_wants_japanese(req);
    json_t *rows;

    if (error != ISMS_EINVALID && error != ISMS_ETOOBIG)
        return error;
    if (!(rows = isms_json_import_errors(errors, ja)))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    return isms_web_respond_json(
        res, (unsigned)isms_error_http_status(error),
        json_pack("{s:{s:s, s:s, s:I, s:I, s:o}}", "error", "code", isms_error_name(error),
                  "message", ja ? isms_error_last_ja() : isms_error_last(), "rows_with_errors",
                  (json_int_t)errors->rows, "errors_total", (json_int_t)errors->total, "rows",
                  rows));
}
