/*
 * Organizations: the ones the user works in, and (system administrators)
 * a form to create one as a cloud service customer, provider or both.
 */
#include "isms_setup.h"
#include "isms/org.h"
#include "util/error.h"
#include "web/http/form.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/pages/pages.h"

/* The create form as the user filled it, to show again after an error. */
struct org_input {
    const char *name, *slug, *role;
};

static int render_orgs(struct isms_web_response *res, struct isms_web_request *req,
                       const struct org_input *input, const char *error_text, unsigned status)
{
    struct isms_page page;
    const char *role = input && input->role ? input->role : "csc";
    int error;

    if ((error = isms_page_init(&page, req, "orgs", "Organizations")) < 0)
        return error;
    if ((error = isms_page_add_org_overview(&page)) < 0 ||
        (error = isms_page_set(&page, "form",
                               json_pack("{s:s,s:s,s:b,s:b,s:b}", "name",
                                         input && input->name ? input->name : "", "slug",
                                         input && input->slug ? input->slug : "", "csc",
                                         strcmp(role, "csc") == 0, "csp", strcmp(role, "csp") == 0,
                                         "both", strcmp(role, "both") == 0))) < 0 ||
        (error = isms_page_set_message(&page, "error", error_text)) < 0) {
        isms_page_release(&page);
        return error;
    }
    return isms_page_respond(res, &page, "orgs.html", status);
}

static int handle_orgs(struct isms_web_response *res, struct isms_web_request *req)
{
    return render_orgs(res, req, NULL, NULL, 200);
}

static int handle_orgs_post(struct isms_web_response *res, struct isms_web_request *req)
{
    struct org_input input = {0};
    enum isms_org_role role;
    struct isms_form form;
    struct isms_org org;
    char location[96];
    int error;

    if ((error = isms_page_form(&form, req)) < 0)
        goto done;
    input.name = isms_form_get(&form, "name");
    input.slug = isms_form_get(&form, "slug");
    input.role = isms_form_get(&form, "role");
    if ((error = isms_org_role_parse(&role, input.role ? input.role : "")) == 0)
        error = isms_org_create(&org, req->store, input.name ? input.name : "",
                                input.slug && *input.slug ? input.slug : NULL, role, &req->actor);
    if (error == ISMS_EINVALID || error == ISMS_ECONFLICT || error == ISMS_ETOOBIG) {
        error = render_orgs(res, req, &input, isms_error_last(),
                            (unsigned)isms_error_http_status(error));
    } else if (error == 0) {
        snprintf(location, sizeof(location), "/orgs/%s", org.slug);
        error = isms_page_redirect(res, location);
    }
done:
    isms_form_release(&form);
    return error;
}

const struct isms_web_route isms_pages_orgs_routes[] = {
    {"GET", "/orgs", handle_orgs, 0},
    {"POST", "/orgs", handle_orgs_post, ISMS_WEB_ADMIN},
    {NULL, NULL, NULL, 0},
};
