/*
 * An organization's members (org administrators): who belongs to it with
 * which role, adding an existing user, changing a role and removing a
 * member. The roles, from most to least: administrator (管理者), ISMS
 * manager (ISMS責任者), risk owner (リスク所有者), auditor (監査員, read only).
 */
#include "isms_setup.h"
#include "isms/membership.h"
#include "isms/user.h"
#include "util/error.h"
#include "web/http/form.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/http/session.h"
#include "web/pages/pages.h"

static const char *const role_labels[] = {"", "Auditor (read only)", "Risk owner", "ISMS manager",
                                          "Administrator"};

static json_t *role_options(const struct isms_page *page, enum isms_role chosen)
{
    json_t *list = json_array();

    for (int r = ISMS_ROLE_ADMIN; list && r >= ISMS_ROLE_AUDITOR; r--)
        json_array_append_new(list, isms_page_option(isms_role_name((enum isms_role)r),
                                                     isms_page_t(page, role_labels[r]),
                                                     (int)chosen == r));
    return list;
}

static int add_members(struct isms_page *page)
{
    struct isms_member *members = NULL;
    const struct isms_session *me = isms_web_session(page->req);
    size_t count = 0;
    json_t *rows;
    int error;

    if ((error = isms_membership_list(&members, &count, page->req->store, page->req->org.id)) < 0)
        return error;
    rows = json_array();
    for (size_t i = 0; rows && i < count; i++) {
        const struct isms_member *m = &members[i];
        json_array_append_new(
            rows,
            json_pack("{s:s,s:s,s:s,s:o,s:b}", "name", m->name, "display_name",
                      m->display_name[0] ? m->display_name : m->name, "role",
                      isms_page_t(page, role_labels[m->role <= ISMS_ROLE_ADMIN ? m->role : 0]),
                      "roles", role_options(page, m->role), "me", me && me->user_id == m->user_id));
    }
    free(members);
    return isms_page_set(page, "members", rows);
}

static int render(struct isms_web_response *res, struct isms_web_request *req, const char *name,
                  enum isms_role role, const char *error_text, unsigned status)
{
    struct isms_page page;
    const char *notice = isms_web_request_query(req, "saved") ? "Saved." : NULL;
    int error;

    if ((error = isms_page_init(&page, req, "members", "Members")) < 0)
        return error;
    if ((error = add_members(&page)) < 0 ||
        (error = isms_page_set(&page, "add",
                               json_pack("{s:s,s:o}", "name", name ? name : "", "roles",
                                         role_options(&page, role)))) < 0 ||
        (error = isms_page_set_message(&page, "error", error_text)) < 0 ||
        (error = isms_page_set_message(&page, "notice", error_text ? NULL : notice)) < 0) {
        isms_page_release(&page);
        return error;
    }
    return isms_page_respond(res, &page, "members.html", status);
}

/* GET needs only a member (the dispatcher's rule for reads): the page is
 * the org administrators'. */
static int need_org_admin(const struct isms_web_request *req)
{
    if (req->org_role < ISMS_ROLE_ADMIN)
        return isms_error_set(ISMS_EPERM, "only administrators of the organization manage its "
                                          "members");
    return 0;
}

static int handle_members(struct isms_web_response *res, struct isms_web_request *req)
{
    int error;

    if ((error = need_org_admin(req)) < 0)
        return error;
    return render(res, req, NULL, ISMS_ROLE_AUDITOR, NULL, 200);
}

/* An org administrator who is not a system administrator may not lower
 * their own role: nobody might be left to manage the members. */
static int check_self(const struct isms_web_request *req, int64_t user_id, enum isms_role role)
{
    const struct isms_session *me = isms_web_session(req);

    if (me && me->user_id == user_id && !me->is_admin && role < ISMS_ROLE_ADMIN)
        return isms_error_set(ISMS_EINVALID, "you cannot lower or remove your own administrator "
                                             "role; ask another administrator");
    return 0;
}

static int set_member(struct isms_web_request *req, const char *name, const char *role_name,
                      enum isms_role *role)
{
    struct isms_user user;
    int error;

    if (!name || !*name)
        return isms_error_set(ISMS_EINVALID, "enter the login name of an existing user");
    if ((error = isms_role_parse(role, role_name ? role_name : "")) < 0)
        return isms_error_set(ISMS_EINVALID, "choose a role");
    if ((error = isms_membership_find_user(&user, req->store, name, req->session->user_id,
                                           req->session->is_admin)) < 0)
        return error;
    if ((error = check_self(req, user.id, *role)) < 0)
        return error;
    return isms_membership_set(req->store, req->org.id, user.id, *role, &req->actor);
}

static int handle_members_post(struct isms_web_response *res, struct isms_web_request *req)
{
    enum isms_role role = ISMS_ROLE_AUDITOR;
    struct isms_form form;
    const char *name = NULL;
    int error;

    if ((error = isms_page_form(&form, req)) < 0)
        goto done;
    name = isms_form_get(&form, "user");
    error = set_member(req, name, isms_form_get(&form, "role"), &role);
    if (isms_page_is_user_error(error)) {
        error = render(res, req, name, role, isms_error_last(),
                       (unsigned)isms_error_http_status(error));
    } else if (error == 0) {
        error = isms_page_redirect_in_org(res, req, "members?saved=1");
    }
done:
    isms_form_release(&form);
    return error;
}

static int handle_member_delete(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_user user;
    int error;

    if ((error = isms_membership_find_user(&user, req->store, isms_web_request_param(req, "user"),
                                           req->session->user_id, req->session->is_admin)) < 0)
        return error;
    if ((error = check_self(req, user.id, ISMS_ROLE_NONE)) == 0)
        error = isms_membership_remove(req->store, req->org.id, user.id, &req->actor);
    if (isms_page_is_user_error(error))
        return render(res, req, NULL, ISMS_ROLE_AUDITOR, isms_error_last(),
                      (unsigned)isms_error_http_status(error));
    if (error < 0)
        return error;
    return isms_page_redirect_in_org(res, req, "members?saved=1");
}

const struct isms_web_route isms_pages_members_routes[] = {
    {"GET", "/orgs/{org}/members", handle_members, ISMS_WEB_NEEDS_ORG | ISMS_WEB_ORG_ADMIN},
    {"POST", "/orgs/{org}/members", handle_members_post, ISMS_WEB_NEEDS_ORG | ISMS_WEB_ORG_ADMIN},
    {"POST", "/orgs/{org}/members/{user}/delete", handle_member_delete,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_ORG_ADMIN},
    {NULL, NULL, NULL, 0},
};
