/*
 * The cloud service register API: /api/orgs/{org}/cloud-services... Every
 * lookup goes through the domain with req->org.id, so another org's service
 * id is 404.
 */
#include "isms_setup.h"
#include "export/cloud_service_json.h"
#include "export/json_util.h"
#include "isms/cloud_service.h"
#include "isms/org.h"
#include "util/arena.h"
#include "util/error.h"
#include "web/http/id_param.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"

static int service_param(int64_t *out, const struct isms_web_request *req)
{
    return isms_web_parse_id(out, isms_web_request_param(req, "id"), ISMS_ENOTFOUND,
                             "cloud service");
}

/* The path's service into *out, in the request's arena (a row is ~5 KiB
 * of text). */
static int load_service(struct isms_cloud_service **out, struct isms_web_request *req)
{
    int64_t id;
    int error;

    *out = NULL;
    if ((error = service_param(&id, req)) < 0)
        return error;
    if (!(*out = isms_arena_alloc(&req->arena, sizeof(**out))))
        return ISMS_ENOMEM;
    return isms_cloud_service_get(*out, req->store, req->org.id, id);
}

/* The body as an input, with "provider_org" resolved to an org id. */
static int read_input(struct isms_cloud_service_input *in, struct isms_web_request *req)
{
    const char *provider_ref;
    struct isms_org provider;
    char id_buf[24];
    int error;

    if ((error = isms_json_cloud_service_input(in, &provider_ref, id_buf, req->json)) < 0)
        return error;
    if (!provider_ref)
        return 0;
    if ((error = isms_org_find(&provider, req->store, provider_ref)) < 0)
        return error == ISMS_ENOTFOUND ? isms_error_set(ISMS_EINVALID,
                                                        _("'provider_org' '%.40s' is not an "
                                                          "organization"),
                                                        provider_ref)
                                       : error;
    in->provider_org_id = provider.id;
    return 0;
}

static int handle_cloud_services_list(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_cloud_service *services = NULL;
    json_int_t by_category[5] = {0}, shadow = 0;
    size_t count = 0;
    json_t *items;
    bool ok = true;
    int error;

    if ((error = isms_cloud_service_list(&services, &count, req->store, req->org.id)) < 0)
        return error;
    items = json_array();
    for (size_t i = 0; ok && i < count; i++) {
        by_category[services[i].judgement.category]++;
        shadow += !services[i].judgement.legitimate;
        ok = isms_json_append(items, isms_json_cloud_service(&services[i]));
    }
    free(services);
    return isms_web_respond_json(res, 200,
                                 json_pack("{s:{s:I, s:I, s:{s:I, s:I, s:I, s:I}}, s:o}", "summary",
                                           "total", (json_int_t)count, "shadow", shadow,
                                           "by_category", "1", by_category[1], "2", by_category[2],
                                           "3", by_category[3], "4", by_category[4],
                                           "cloud_services", isms_json_done(items, ok)));
}

static int handle_cloud_services_create(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_cloud_service_input in;
    struct isms_cloud_service *s;
    char location[128];
    int error;

    if ((error = read_input(&in, req)) < 0)
        return error;
    if (!(s = isms_arena_alloc(&req->arena, sizeof(*s))))
        return ISMS_ENOMEM;
    if ((error = isms_cloud_service_create(s, req->store, req->org.id, &in, &req->actor)) == 0 &&
        (error = isms_web_respond_json(res, 201, isms_json_cloud_service(s))) == 0) {
        snprintf(location, sizeof(location), "/api/orgs/%s/cloud-services/%" PRId64, req->org.slug,
                 s->id);
        error = isms_web_response_header(res, "Location", location);
    }
    return error;
}

static int handle_cloud_services_get(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_cloud_service *s;
    int error;

    if ((error = load_service(&s, req)) == 0)
        error = isms_web_respond_json(res, 200, isms_json_cloud_service(s));
    return error;
}

static int handle_cloud_services_put(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_cloud_service_input in;
    struct isms_cloud_service *s;
    int error;

    /* The id comes first: a stranger's service is 404 whatever the body says. */
    if ((error = load_service(&s, req)) == 0 && (error = read_input(&in, req)) == 0 &&
        (error = isms_cloud_service_update(s, req->store, req->org.id, s->id, &in, &req->actor)) ==
            0)
        error = isms_web_respond_json(res, 200, isms_json_cloud_service(s));
    return error;
}

static int handle_cloud_services_delete(struct isms_web_response *res, struct isms_web_request *req)
{
    int64_t id;
    int error;

    if ((error = service_param(&id, req)) < 0 ||
        (error = isms_cloud_service_delete(req->store, req->org.id, id, &req->actor)) < 0)
        return error;
    return isms_web_respond_no_content(res);
}

const struct isms_web_route isms_api_cloud_services_routes[] = {
    {"GET", "/api/orgs/{org}/cloud-services", handle_cloud_services_list, ISMS_WEB_NEEDS_ORG},
    {"POST", "/api/orgs/{org}/cloud-services", handle_cloud_services_create,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_NEEDS_JSON},
    {"GET", "/api/orgs/{org}/cloud-services/{id}", handle_cloud_services_get, ISMS_WEB_NEEDS_ORG},
    {"PUT", "/api/orgs/{org}/cloud-services/{id}", handle_cloud_services_put,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_NEEDS_JSON},
    {"DELETE", "/api/orgs/{org}/cloud-services/{id}", handle_cloud_services_delete,
     ISMS_WEB_NEEDS_ORG},
    {NULL, NULL, NULL, 0},
};
