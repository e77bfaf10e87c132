/*
 * The risk register API: /api/orgs/{org}/risks..., the heat map, the
 * treatment plan workbook and a provider's shared risks. Every lookup goes
 * through the domain with req->org.id, so another org's risk id is 404.
 */
#include "isms_setup.h"
#include "export/heatmap_svg.h"
#include "export/json_util.h"
#include "export/risk_json.h"
#include "export/treatment_plan_xlsx.h"
#include "isms/risk.h"
#include "isms/risk_link.h"
#include "isms/risk_treatment.h"
#include "util/buf.h"
#include "util/error.h"
#include "web/http/id_param.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/http/session.h"

#define SVG_MAX (4u << 20)
#define XLSX_MAX (64u << 20)

static int risk_param(int64_t *out, const struct isms_web_request *req)
{
    return isms_web_parse_id(out, isms_web_request_param(req, "risk"), ISMS_ENOTFOUND, "risk");
}

static int respond_risk(struct isms_web_response *res, struct isms_web_request *req,
                        unsigned status, struct isms_risk *r)
{
    struct isms_risk_dependent *deps = NULL;
    size_t n = 0;
    int error = 0;

    /* Only a shared risk can have customers depending on it. */
    if (r->shared && (error = isms_risk_dependents(&deps, &n, req->store, req->org.id, r->id)) < 0)
        goto done;
    error = isms_web_respond_json(res, status, isms_json_risk(r, deps, n));
done:
    free(deps);
    isms_risk_release(r);
    return error;
}

/* --- list filters --- */

static int query_int(int64_t *out, bool *given, const struct isms_web_request *req,
                     const char *name, int64_t min, int64_t max)
{
    const char *text = isms_web_request_query(req, name);
    char *end;
    long long v;

    *given = text != NULL;
    if (!text)
        return 0;
    errno = 0;
    v = strtoll(text, &end, 10);
    if (!*text || errno || *end || v < min || v > max)
        return isms_error_set(ISMS_EINVALID, "'%s' must be an integer %" PRId64 "..%" PRId64, name,
                              min, max);
    *out = v;
    return 0;
}

static int query_bool(int *out, const struct isms_web_request *req, const char *name)
{
    const char *v = isms_web_request_query(req, name);

    *out = 0;
    if (!v)
        return 0;
    if (strcmp(v, "1") == 0 || strcmp(v, "true") == 0)
        *out = 1;
    else if (strcmp(v, "0") == 0 || strcmp(v, "false") == 0)
        *out = -1;
    else
        return isms_error_set(ISMS_EINVALID, _("'%s' must be 1 or 0"), name);
    return 0;
}

static int parse_band(enum isms_risk_band *out, const char *name)
{
    static const char *const names[] = {"low", "medium", "high"};

    for (int i = 0; i < 3; i++)
        if (strcmp(name, names[i]) == 0) {
            *out = (enum isms_risk_band)(ISMS_RISK_LOW + i);
            return 0;
        }
    return isms_error_set(ISMS_EINVALID, _("'band' must be 'low', 'medium' or 'high', not '%s'"),
                          name);
}

static int parse_numbers(struct isms_risk_filter *f, const struct isms_web_request *req)
{
    int64_t value = 0;
    bool given;
    int error;

    if ((error = query_int(&value, &given, req, "level_min", -1000000, 1000000)) < 0)
        return error;
    f->has_level_min = given;
    f->level_min = (int)value;
    if ((error = query_int(&f->asset_id, &given, req, "asset", 1, INT64_MAX)) < 0 ||
        (error = query_int(&f->limit, &given, req, "limit", 1, ISMS_RISK_LIST_MAX)) < 0 ||
        (error = query_int(&f->offset, &given, req, "offset", 0, INT64_MAX)) < 0)
        return error;
    return 0;
}

static int parse_filter(struct isms_risk_filter *f, char control[ISMS_SOA_ID_MAX + 1],
                        const struct isms_web_request *req)
{
    const char *band = isms_web_request_query(req, "band");
    const char *treatment = isms_web_request_query(req, "treatment");
    const char *ctl = isms_web_request_query(req, "control");
    int residual, error;

    memset(f, 0, sizeof(*f));
    if ((error = parse_numbers(f, req)) < 0 ||
        (error = query_bool(&residual, req, "residual")) < 0 ||
        (error = query_bool(&f->accepted, req, "accepted")) < 0)
        return error;
    f->residual = residual > 0;
    if (band && (error = parse_band(&f->band, band)) < 0)
        return error;
    if (treatment && strcmp(treatment, "none") == 0)
        f->treatment_unset = true;
    else if (treatment && (error = isms_risk_treatment_parse(&f->treatment, treatment)) < 0)
        return error;
    if (ctl) {
        if ((error = isms_soa_control_resolve(control, NULL, NULL, ctl)) < 0)
            return isms_error_set(ISMS_EINVALID, "'control': %s", "not an SoA control id");
        f->control_id = control;
    }
    f->owner = isms_web_request_query(req, "owner");
    f->query = isms_web_request_query(req, "q");
    if (f->query && !*f->query)
        f->query = NULL;
    return 0;
}

static int handle_risks_list(struct isms_web_response *res, struct isms_web_request *req)
{
    char control[ISMS_SOA_ID_MAX + 1];
    struct isms_risk_filter f;
    struct isms_risk_list list;
    int error;

    if ((error = parse_filter(&f, control, req)) < 0 ||
        (error = isms_risk_list(&list, req->store, req->org.id, &f)) < 0)
        return error;
    error = isms_web_respond_json(
        res, 200, isms_json_risk_list(&list, f.limit ? f.limit : ISMS_RISK_LIST_DEFAULT, f.offset));
    isms_risk_list_release(&list);
    return error;
}

/* --- one risk --- */

static int handle_risks_create(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_risk_input in;
    struct isms_risk r;
    int64_t *assets = NULL;
    char location[96];
    int error;

    if ((error = isms_json_risk_input(&in, &assets, req->json)) < 0 ||
        (error = isms_risk_create(&r, req->store, req->org.id, &in, &req->actor)) < 0)
        goto done;
    snprintf(location, sizeof(location), "/api/orgs/%" PRId64 "/risks/%" PRId64, req->org.id, r.id);
    if ((error = respond_risk(res, req, 201, &r)) >= 0)
        error = isms_web_response_header(res, "Location", location);
done:
    free(assets);
    return error;
}

static int handle_risk_get(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_risk r;
    int64_t id = 0;
    int error;

    if ((error = risk_param(&id, req)) < 0 ||
        (error = isms_risk_get(&r, req->store, req->org.id, id)) < 0)
        return error;
    return respond_risk(res, req, 200, &r);
}

static int handle_risk_put(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_risk_input in;
    struct isms_risk r;
    int64_t *assets = NULL;
    int64_t id = 0;
    int error;

    if ((error = risk_param(&id, req)) < 0 ||
        (error = isms_json_risk_input(&in, &assets, req->json)) < 0 ||
        (error = isms_risk_update(&r, req->store, req->org.id, id, &in, &req->actor)) < 0)
        goto done;
    error = respond_risk(res, req, 200, &r);
done:
    free(assets);
    return error;
}

static int handle_risk_delete(struct isms_web_response *res, struct isms_web_request *req)
{
    int64_t id = 0;
    int error;

    if ((error = risk_param(&id, req)) < 0 ||
        (error = isms_risk_delete(req->store, req->org.id, id, &req->actor)) < 0)
        return error;
    return isms_web_respond_no_content(res);
}

static int handle_risk_controls_put(struct isms_web_response *res, struct isms_web_request *req)
{
    const json_t *list = json_object_get(req->json, "controls");
    const char *ids[ISMS_RISK_CONTROLS_MAX];
    size_t n = json_array_size(list);
    struct isms_risk r;
    int64_t id = 0;
    int error;

    if ((error = risk_param(&id, req)) < 0)
        return error;
    if (!json_is_array(list))
        return isms_error_set(ISMS_EINVALID, _("'controls' must be an array of control ids"));
    if (n > ISMS_RISK_CONTROLS_MAX)
        return isms_error_set(ISMS_ETOOBIG, _("a risk selects at most %d controls"),
                              ISMS_RISK_CONTROLS_MAX);
    for (size_t i = 0; i < n; i++)
        if (!(ids[i] = json_string_value(json_array_get(list, i))))
            return isms_error_set(ISMS_EINVALID, _("'controls' must be an array of control ids"));
    if ((error = isms_risk_controls_set(&r, req->store, req->org.id, id, ids, n, &req->actor)) < 0)
        return error;
    return respond_risk(res, req, 200, &r);
}

/* The signed-in user accepts: as the owner, or as a manager for the owner
 * (isms_risk_accept_as_user). "accepted_by" in the body is optional. */
static int handle_risk_accept(struct isms_web_response *res, struct isms_web_request *req)
{
    const struct isms_session *s = req->session;
    const struct isms_risk_acceptor who = {s->user_id, s->name, s->display_name,
                                           req->org_role >= ISMS_ROLE_MANAGER};
    const json_t *confirm = json_object_get(req->json, "confirm");
    struct isms_risk_acceptance_input in = {json_is_true(confirm), NULL, NULL, NULL};
    struct isms_risk r;
    int64_t id = 0;
    int error;

    if (confirm && !json_is_boolean(confirm))
        return isms_error_set(ISMS_EINVALID, _("'confirm' must be true or false"));
    if ((error = risk_param(&id, req)) < 0 ||
        (error = isms_web_json_string(&in.accepted_by, req->json, "accepted_by")) < 0 ||
        (error = isms_web_json_string(&in.comment, req->json, "comment")) < 0 ||
        (error = isms_web_json_string(&in.reason, req->json, "reason")) < 0 ||
        (error = isms_risk_accept_as_user(&r, req->store, req->org.id, id, &who, &in,
                                          &req->actor)) < 0)
        return error;
    return respond_risk(res, req, 200, &r);
}

static int handle_risk_link_put(struct isms_web_response *res, struct isms_web_request *req)
{
    const json_t *risk = json_object_get(req->json, "provider_risk");
    const char *provider;
    char provider_id[32];
    struct isms_risk r;
    int64_t id = 0;
    int error;

    if ((error = risk_param(&id, req)) < 0)
        return error;
    /* The provider org by slug ("acme") or by id (12). */
    if (json_is_integer(json_object_get(req->json, "provider_org"))) {
        snprintf(provider_id, sizeof(provider_id), "%" JSON_INTEGER_FORMAT,
                 json_integer_value(json_object_get(req->json, "provider_org")));
        provider = provider_id;
    } else if ((error = isms_web_json_string(&provider, req->json, "provider_org")) < 0) {
        return error;
    }
    if (provider && !json_is_integer(risk))
        return isms_error_set(ISMS_EINVALID, _("'provider_risk' must be the provider's risk id"));
    if ((error = isms_risk_link_set(&r, req->store, req->org.id, id, provider,
                                    provider ? json_integer_value(risk) : 0, &req->actor)) < 0)
        return error;
    return respond_risk(res, req, 200, &r);
}

/* --- treatment plan items --- */

static int handle_risk_items_list(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_risk_treatment_item *items = NULL;
    json_t *list;
    bool ok = true;
    size_t n = 0;
    int64_t id = 0;
    int error;

    if ((error = risk_param(&id, req)) < 0 ||
        (error = isms_risk_items_list(&items, &n, req->store, req->org.id, id)) < 0)
        return error;
    list = json_array();
    for (size_t i = 0; ok && i < n; i++)
        ok = isms_json_append(list, isms_json_risk_item(&items[i]));
    free(items);
    return isms_web_respond_json(res, 200,
                                 json_pack("{s:o}", "treatments", isms_json_done(list, ok)));
}

static int save_item(struct isms_web_response *res, struct isms_web_request *req, int64_t item_id)
{
    struct isms_risk_treatment_item item;
    struct isms_risk_item_input in;
    char location[128];
    int64_t id = 0;
    int error;

    if ((error = risk_param(&id, req)) < 0 ||
        (error = isms_json_risk_item_input(&in, req->json)) < 0 ||
        (error = isms_risk_item_save(&item, req->store, req->org.id, id, item_id, &in,
                                     &req->actor)) < 0)
        return error;
    if ((error = isms_web_respond_json(res, item_id ? 200 : 201, isms_json_risk_item(&item))) < 0 ||
        item_id)
        return error;
    snprintf(location, sizeof(location),
             "/api/orgs/%" PRId64 "/risks/%" PRId64 "/treatments/%" PRId64, req->org.id, id,
             item.id);
    return isms_web_response_header(res, "Location", location);
}

static int item_param(int64_t *out, const struct isms_web_request *req)
{
    return isms_web_parse_id(out, isms_web_request_param(req, "item"), ISMS_ENOTFOUND,
                             "treatment item");
}

static int handle_risk_items_create(struct isms_web_response *res, struct isms_web_request *req)
{
    return save_item(res, req, 0);
}

static int handle_risk_item_put(struct isms_web_response *res, struct isms_web_request *req)
{
    int64_t item = 0;
    int error;

    if ((error = item_param(&item, req)) < 0)
        return error;
    return save_item(res, req, item);
}

static int handle_risk_item_delete(struct isms_web_response *res, struct isms_web_request *req)
{
    int64_t id = 0, item = 0;
    int error;

    if ((error = risk_param(&id, req)) < 0 || (error = item_param(&item, req)) < 0 ||
        (error = isms_risk_item_delete(req->store, req->org.id, id, item, &req->actor)) < 0)
        return error;
    return isms_web_respond_no_content(res);
}

/* --- reports --- */

static int send_buffer(struct isms_web_response *res, struct isms_buf *buf,
                       const char *content_type)
{
    size_t len;
    char *body = isms_buf_detach(buf, &len);

    if (!body)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    isms_web_respond_bytes(res, 200, content_type, body, len);
    return 0;
}

static int handle_risks_heatmap(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *lang = isms_web_request_query(req, "lang");
    const char *key = isms_web_request_query(req, "matrix");
    struct isms_buf svg = ISMS_BUF_INIT(SVG_MAX);
    struct isms_risk_matrix m;
    int64_t *counts = NULL, other = 0;
    size_t cells;
    char header[32];
    int residual, error;

    if ((error = query_bool(&residual, req, "residual")) < 0)
        return error;
    error = key ? isms_risk_matrix_find(&m, req->store, req->org.id, key)
                : isms_risk_matrix_for_org(&m, req->store, req->org.id);
    if (error < 0 ||
        (error = isms_risk_heatmap_counts(&counts, &cells, &other, req->store, req->org.id, &m,
                                          residual > 0)) < 0 ||
        (error = isms_heatmap_svg(&svg, &m, counts, lang ? lang : "ja")) < 0 ||
        (error = send_buffer(res, &svg, "image/svg+xml")) < 0)
        goto done;
    /* Risks scored on another matrix cannot be placed on this one's grid. */
    snprintf(header, sizeof(header), "%" PRId64, other);
    error = isms_web_response_header(res, "X-Risks-Other-Matrix", header);
done:
    free(counts);
    isms_buf_release(&svg);
    return error;
}

static int handle_risk_plan_xlsx(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_buf buf = ISMS_BUF_INIT(XLSX_MAX);
    struct isms_risk_plan_row *rows = NULL;
    char disposition[128];
    size_t n = 0;
    int error;

    if ((error = isms_risk_plan_load(&rows, &n, req->store, req->org.id)) < 0)
        return error;
    if ((error = isms_export_treatment_plan_xlsx(&buf, &req->org, rows, n,
                                                 isms_web_export_zone(req))) >= 0 &&
        (error = send_buffer(
             res, &buf, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")) >=
            0) {
        snprintf(disposition, sizeof(disposition),
                 "attachment; filename=\"risk-treatment-plan-%s.xlsx\"", req->org.slug);
        error = isms_web_response_header(res, "Content-Disposition", disposition);
    }
    isms_risk_plan_release(rows, n);
    isms_buf_release(&buf);
    return error;
}

/* GET /api/orgs/{org}/providers/{provider}/shared-risks: what a provider
 * shares with its customers, in the fields a customer may see
 * (isms/risk_link.h); {org} is the customer asking. */
static int handle_risks_shared(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_risk_provider_view *views = NULL;
    int64_t limit = 0, offset = 0, total = 0;
    json_t *list;
    bool given, ok = true;
    size_t n = 0;
    int error;

    if ((error = query_int(&limit, &given, req, "limit", 1, ISMS_RISK_LIST_MAX)) < 0 ||
        (error = query_int(&offset, &given, req, "offset", 0, INT64_MAX)) < 0 ||
        (error = isms_risk_shared_list(&views, &n, &total, req->store, req->org.id,
                                       isms_web_request_param(req, "provider"), limit, offset)) < 0)
        return error;
    list = json_array();
    for (size_t i = 0; ok && i < n; i++)
        ok = isms_json_append(list, isms_json_risk_provider_view(&views[i]));
    free(views);
    return isms_web_respond_json(
        res, 200,
        json_pack("{s:I, s:o}", "total", (json_int_t)total, "risks", isms_json_done(list, ok)));
}

/* Writes a risk owner may make carry ISMS_WEB_RISK_WRITE (router.h). */
const struct isms_web_route isms_api_risks_routes[] = {
    {"GET", "/api/orgs/{org}/risks/heatmap.svg", handle_risks_heatmap, ISMS_WEB_NEEDS_ORG},
    {"GET", "/api/orgs/{org}/risks", handle_risks_list, ISMS_WEB_NEEDS_ORG},
    {"POST", "/api/orgs/{org}/risks", handle_risks_create,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_NEEDS_JSON | ISMS_WEB_RISK_WRITE},
    {"GET", "/api/orgs/{org}/risks/{risk}", handle_risk_get, ISMS_WEB_NEEDS_ORG},
    {"PUT", "/api/orgs/{org}/risks/{risk}", handle_risk_put,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_NEEDS_JSON | ISMS_WEB_RISK_WRITE},
    {"DELETE", "/api/orgs/{org}/risks/{risk}", handle_risk_delete,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_RISK_WRITE},
    /* Selecting controls changes the SoA: managers only, not risk owners. */
    {"PUT", "/api/orgs/{org}/risks/{risk}/controls", handle_risk_controls_put,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_NEEDS_JSON},
    {"POST", "/api/orgs/{org}/risks/{risk}/accept", handle_risk_accept,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_NEEDS_JSON | ISMS_WEB_RISK_WRITE},
    {"PUT", "/api/orgs/{org}/risks/{risk}/link", handle_risk_link_put,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_NEEDS_JSON | ISMS_WEB_RISK_WRITE},
    {"GET", "/api/orgs/{org}/risks/{risk}/treatments", handle_risk_items_list, ISMS_WEB_NEEDS_ORG},
    {"POST", "/api/orgs/{org}/risks/{risk}/treatments", handle_risk_items_create,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_NEEDS_JSON | ISMS_WEB_RISK_WRITE},
    {"PUT", "/api/orgs/{org}/risks/{risk}/treatments/{item}", handle_risk_item_put,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_NEEDS_JSON | ISMS_WEB_RISK_WRITE},
    {"DELETE", "/api/orgs/{org}/risks/{risk}/treatments/{item}", handle_risk_item_delete,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_RISK_WRITE},
    {"GET", "/api/orgs/{org}/risk-treatment-plan.xlsx", handle_risk_plan_xlsx, ISMS_WEB_NEEDS_ORG},
    {"GET", "/api/orgs/{org}/providers/{provider}/shared-risks", handle_risks_shared,
     ISMS_WEB_NEEDS_ORG},
    {NULL, NULL, NULL, 0},
};
