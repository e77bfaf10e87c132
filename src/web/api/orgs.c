#include "isms_setup.h"
#include "export/json.h"
#include "isms/membership.h"
#include "isms/org.h"
#include "util/error.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"

static int handle_orgs_list(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_org *orgs = NULL;
    json_t *list = NULL;
    size_t count;
    int error;

    /* Only the orgs the signed-in user is a member of (all for administrators). */
    if ((error = isms_membership_list_orgs(&orgs, &count, req->store, req->session->user_id,
                                           req->session->is_admin)) < 0)
        goto done;
    list = json_array();
    for (size_t i = 0; list && i < count; i++)
        if (json_array_append_new(list, isms_json_org(&orgs[i])) < 0) {
            error = isms_error_set(ISMS_ENOMEM, "out of memory");
            goto done;
        }
    error = isms_web_respond_json(res, 200, json_pack("{s:O}", "orgs", list));
done:
    json_decref(list);
    free(orgs);
    return error;
}

static int handle_orgs_create(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *name, *role_name, *slug;
    enum isms_org_role role;
    struct isms_org org;
    char location[64];
    int error;

    if ((error = isms_web_json_string(&name, req->json, "name")) < 0 ||
        (error = isms_web_json_string(&role_name, req->json, "role")) < 0 ||
        (error = isms_web_json_string(&slug, req->json, "slug")) < 0)
        return error;
    if (!role_name)
        return isms_error_set(ISMS_EINVALID, _("'role' is required: 'csc', 'csp' or 'both'"));
    if ((error = isms_org_role_parse(&role, role_name)) < 0 ||
        (error = isms_org_create(&org, req->store, name, slug, role, &req->actor)) < 0)
        return error;
    snprintf(location, sizeof(location), "/api/orgs/%" PRId64, org.id);
    if ((error = isms_web_respond_json(res, 201, isms_json_org(&org))) < 0 ||
        (error = isms_web_response_header(res, "Location", location)) < 0)
        return error;
    return 0;
}

/* The dispatcher has already found the org (ISMS_WEB_NEEDS_ORG). */
static int handle_orgs_get(struct isms_web_response *res, struct isms_web_request *req)
{
    return isms_web_respond_json(res, 200, isms_json_org(&req->org));
}

static int handle_orgs_put(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *name, *slug;
    struct isms_org org;
    int error;

    if ((error = isms_web_json_string(&name, req->json, "name")) < 0 ||
        (error = isms_web_json_string(&slug, req->json, "slug")) < 0 ||
        (error = isms_org_update(&org, req->store, req->org.id, name, slug, &req->actor)) < 0)
        return error;
    return isms_web_respond_json(res, 200, isms_json_org(&org));
}

const struct isms_web_route isms_api_orgs_routes[] = {
    {"GET", "/api/orgs", handle_orgs_list, 0},
    {"POST", "/api/orgs", handle_orgs_create, ISMS_WEB_ADMIN | ISMS_WEB_NEEDS_JSON},
    {"GET", "/api/orgs/{org}", handle_orgs_get, ISMS_WEB_NEEDS_ORG},
    {"PUT", "/api/orgs/{org}", handle_orgs_put,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_ORG_ADMIN | ISMS_WEB_NEEDS_JSON},
    {NULL, NULL, NULL, 0},
};
