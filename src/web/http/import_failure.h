/* The API's answer to an import refused for its rows (isms/import_errors.h). */
#ifndef ISMS_WEB_IMPORT_FAILURE_H
#define ISMS_WEB_IMPORT_FAILURE_H

#include "isms/import_errors.h"

struct isms_web_response;
struct isms_web_request;

/* For ISMS_EINVALID and ISMS_ETOOBIG, 400/413 with every row error:
 * {"error": {"code", "message", "rows_with_errors", "errors_total",
 * "rows": [{"line", "column", "header", "message"}]}} in the request's
 * language, and 0. Any other error is returned for the dispatcher. */
int isms_web_respond_import_failure(struct isms_web_response *res,
                                    const struct isms_web_request *req, int error,
                                    const struct isms_import_errors *errors);

#endif
