/*
 * The stylesheet and script of the web UI, compiled into the binary. Pages
 * link them with a content hash in the URL (render.c), so they may be
 * cached for a year.
 */
#include "isms_setup.h"
#include "util/embedded.h"
#include "util/error.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/pages/pages.h"

extern const struct isms_embedded_file isms_web_views[];

static const struct {
    const char *name, *type;
} served[] = {
    {"app.css", "text/css; charset=utf-8"},
    {"app.js", "text/javascript; charset=utf-8"},
};

static int handle_static(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *name = isms_web_request_param(req, "file");

    for (size_t i = 0; i < ISMS_ARRAY_SIZE(served); i++) {
        const struct isms_embedded_file *file;
        if (strcmp(served[i].name, name) != 0)
            continue;
        if (!(file = isms_embedded_find(isms_web_views, name)))
            break;
        /* Embedded files end in a NUL and live for the whole process. */
        isms_web_respond_static(res, 200, served[i].type, (const char *)file->data);
        return isms_web_response_header(res, "Cache-Control",
                                        "public, max-age=31536000, immutable");
    }
    return isms_error_set(ISMS_ENOTFOUND, _("no static file '%s'"), name);
}

const struct isms_web_route isms_pages_static_files_routes[] = {
    {"GET", "/static/{file}", handle_static, ISMS_WEB_PUBLIC},
    {NULL, NULL, NULL, 0},
};
