/*
 * Risk matrices: the built-ins under /api/risk-matrices, an org's matrix in
 * use (and its custom definitions) under /api/orgs/{org}/risk-matrix.
 */
#include "isms_setup.h"
#include "export/risk_matrix_json.h"
#include "isms/risk_matrix.h"
#include "util/error.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"

/* Appends the JSON of `count` matrices at `m` to `list`; false when out of memory. */
static bool append_all(json_t *list, const struct isms_risk_matrix *m, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (json_array_append_new(list, isms_json_risk_matrix(&m[i])) < 0)
            return false;
    return true;
}

static int handle_risk_matrices_list(struct isms_web_response *res, struct isms_web_request *req)
{
    json_t *list = json_array();

    for (size_t i = 0; list && i < isms_risk_matrix_builtin_count(); i++)
        if (!append_all(list, isms_risk_matrix_builtin_at(i), 1)) {
            json_decref(list);
            list = NULL;
        }
    if (!list)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    return isms_web_respond_json(
        res, 200, json_pack("{s:s, s:o}", "default", ISMS_RISK_MATRIX_DEFAULT, "matrices", list));
}

static int handle_risk_matrices_get(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *key = isms_web_request_param(req, "key");
    const struct isms_risk_matrix *m = isms_risk_matrix_builtin(key);

    if (!m)
        return isms_error_set(ISMS_ENOTFOUND, _("risk matrix '%.63s' not found"), key);
    return isms_web_respond_json(res, 200, isms_json_risk_matrix(m));
}

/* {"in_use": KEY, "matrix": {...}, "custom": [...]} */
static int respond_org_matrix(struct isms_web_response *res, struct isms_web_request *req,
                              const struct isms_risk_matrix *in_use)
{
    struct isms_risk_matrix *custom = NULL;
    size_t count = 0;
    json_t *list;
    int error;

    if ((error = isms_risk_matrix_list_custom(&custom, &count, req->store, req->org.id)) < 0)
        return error;
    list = json_array();
    if (list && !append_all(list, custom, count)) {
        json_decref(list);
        list = NULL;
    }
    free(custom);
    if (!list)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    return isms_web_respond_json(res, 200,
                                 json_pack("{s:s, s:o, s:o}", "in_use", in_use->key, "matrix",
                                           isms_json_risk_matrix(in_use), "custom", list));
}

static int handle_org_risk_matrix_get(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_risk_matrix m;
    int error;

    if ((error = isms_risk_matrix_for_org(&m, req->store, req->org.id)) < 0)
        return error;
    return respond_org_matrix(res, req, &m);
}

/* {"use": KEY} picks a built-in or custom matrix; anything else is a full
 * custom definition, stored and then used. */
static int handle_org_risk_matrix_put(struct isms_web_response *res, struct isms_web_request *req)
{
    const json_t *use = json_object_get(req->json, "use");
    struct isms_risk_matrix def, m;
    int error;

    if (use && !json_is_string(use))
        return isms_error_set(ISMS_EINVALID, _("'use' must be a matrix key"));
    if (use) {
        error = isms_risk_matrix_use(&m, req->store, &req->actor, req->org.id,
                                     json_string_value(use));
    } else if ((error = isms_json_risk_matrix_definition(&def, req->json)) == 0 &&
               (error = isms_risk_matrix_define(&m, req->store, &req->actor, req->org.id, &def)) ==
                   0) {
        error = isms_risk_matrix_use(&m, req->store, &req->actor, req->org.id, def.key);
    }
    return error < 0 ? error : respond_org_matrix(res, req, &m);
}

const struct isms_web_route isms_api_risk_matrices_routes[] = {
    {"GET", "/api/risk-matrices", handle_risk_matrices_list, 0},
    {"GET", "/api/risk-matrices/{key}", handle_risk_matrices_get, 0},
    {"GET", "/api/orgs/{org}/risk-matrix", handle_org_risk_matrix_get, ISMS_WEB_NEEDS_ORG},
    {"PUT", "/api/orgs/{org}/risk-matrix", handle_org_risk_matrix_put,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_NEEDS_JSON},
    {NULL, NULL, NULL, 0},
};
