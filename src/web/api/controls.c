/*
 * Control implementation (isms/control_impl.h): every applicable control of
 * the org with its status, level (梅/竹/松), owner, reviews and evidence.
 */
#include "isms_setup.h"
#include <microhttpd.h>
#include "export/control_impl_json.h"
#include "export/json_util.h"
#include "isms/control_impl.h"
#include "util/error.h"
#include "web/http/id_param.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"

static int handle_controls_list(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_control_row *rows = NULL;
    size_t count = 0;
    json_t *items;
    bool ok = true;
    int error;

    if ((error = isms_control_impl_list(&rows, &count, req->store, req->org.id)) < 0)
        return error;
    items = json_array();
    for (size_t i = 0; ok && i < count; i++)
        ok = isms_json_append(items, isms_json_control_row(&rows[i]));
    isms_control_rows_free(rows, count);
    return isms_web_respond_json(res, 200,
                                 json_pack("{s:o}", "controls", isms_json_done(items, ok)));
}

/* The control with its level history and evidence. */
static json_t *control_detail(const struct isms_control_row *row, struct isms_web_request *req)
{
    struct isms_control_level_change *changes = NULL;
    struct isms_evidence *evidence = NULL;
    size_t change_count = 0, evidence_count = 0;
    json_t *out = isms_json_control_row(row), *history = json_array(), *files = json_array();
    bool ok = out && history && files &&
              isms_control_level_history(&changes, &change_count, req->store, req->org.id,
                                         row->impl.control_id) == 0 &&
              isms_control_evidence_list(&evidence, &evidence_count, req->store, req->org.id,
                                         row->impl.control_id) == 0;

    for (size_t i = 0; ok && i < change_count; i++)
        ok = isms_json_append(history, isms_json_control_level_change(&changes[i]));
    for (size_t i = 0; ok && i < evidence_count; i++)
        ok = isms_json_append(files, isms_json_evidence(&evidence[i]));
    free(changes);
    free(evidence);
    ok = ok && isms_json_set(out, "level_history", history) &&
         isms_json_set(out, "evidence", files);
    if (!ok) {
        json_decref(history);
        json_decref(files);
    }
    return isms_json_done(out, ok);
}

static int respond_control(struct isms_web_response *res, struct isms_web_request *req,
                           struct isms_control_row *row, unsigned status)
{
    json_t *detail = control_detail(row, req);

    isms_control_impl_release(&row->impl);
    return isms_web_respond_json(res, status, detail);
}

static int handle_control_get(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_control_row row;
    int error = isms_control_impl_get(&row, req->store, req->org.id,
                                      isms_web_request_param(req, "control"));

    return error < 0 ? error : respond_control(res, req, &row, 200);
}

static int handle_control_put(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_control_impl_change change;
    struct isms_control_row row;
    int error;

    if ((error = isms_json_control_change(&change, req->json)) < 0 ||
        (error = isms_control_impl_set(&row, req->store, req->org.id,
                                       isms_web_request_param(req, "control"), &change,
                                       &req->actor)) < 0)
        return error;
    return respond_control(res, req, &row, 200);
}

/* A link as JSON {"name", "url"}, or a file as the raw body with ?name=. */
static int handle_evidence_post(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *control = isms_web_request_param(req, "control"), *name, *url = NULL;
    struct isms_evidence added;
    const void *data = NULL;
    size_t len = 0;
    int error;

    if (isms_web_request_is_json(req)) {
        if ((error = isms_web_request_parse_json(req)) < 0 ||
            (error = isms_json_optional_string(&name, req->json, "name")) < 0 ||
            (error = isms_json_optional_string(&url, req->json, "url")) < 0)
            return error;
    } else {
        name = isms_web_request_query(req, "name");
        data = req->body.ptr ? (const void *)req->body.ptr : "";
        len = req->body.len;
    }
    if ((error = isms_control_evidence_add(&added, req->store, req->org.id, control, name, data,
                                           len, url, &req->actor)) < 0)
        return error;
    return isms_web_respond_json(res, 201, isms_json_evidence(&added));
}

static int handle_evidence_get(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_evidence_file file;
    int64_t id;
    int error;

    if ((error = isms_web_parse_id(&id, isms_web_request_param(req, "evidence"), ISMS_ENOTFOUND,
                                   "evidence")) < 0 ||
        (error = isms_control_evidence_file(&file, req->store, req->org.id,
                                            isms_web_request_param(req, "control"), id)) < 0)
        return error;
    /* Never shown inline: an uploaded HTML file must not run as our page. */
    return isms_web_respond_attachment(res, "application/octet-stream", file.content, file.len,
                                       file.meta.name);
}

const struct isms_web_route isms_api_controls_routes[] = {
    {"GET", "/api/orgs/{org}/controls", handle_controls_list, ISMS_WEB_NEEDS_ORG},
    {"GET", "/api/orgs/{org}/controls/{control}", handle_control_get, ISMS_WEB_NEEDS_ORG},
    {"PUT", "/api/orgs/{org}/controls/{control}", handle_control_put,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_NEEDS_JSON},
    {"POST", "/api/orgs/{org}/controls/{control}/evidence", handle_evidence_post,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_LARGE_BODY},
    {"GET", "/api/orgs/{org}/controls/{control}/evidence/{evidence}", handle_evidence_get,
     ISMS_WEB_NEEDS_ORG},
    {NULL, NULL, NULL, 0},
};
