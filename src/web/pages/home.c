/*
 * The first screen after login: the user's recent sign-ins (seed 000: a
 * user who sees a sign-in that was not theirs spots the misuse) and the
 * organizations they work in with their SoA progress.
 */
#include "isms_setup.h"
#include "isms/membership.h"
#include "isms/soa.h"
#include "util/error.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/http/session.h"
#include "web/pages/pages.h"

#define HOME_LOGINS 10

static const char *result_label(const char *result)
{
    static const struct {
        const char *code, *label;
    } labels[] = {
        {"ok", "Signed in"},
        {"mfa_pending", "Password accepted, second step pending"},
        {"bad_password", "Wrong password"},
        {"bad_totp", "Wrong authentication code"},
        {"bad_recovery_code", "Wrong recovery code"},
        {"disabled", "Account disabled"},
        {"rate_limited", "Refused: too many failed attempts"},
        {"unknown_user", "Unknown user"},
    };

    for (size_t i = 0; i < ISMS_ARRAY_SIZE(labels); i++)
        if (strcmp(labels[i].code, result) == 0)
            return labels[i].label;
    return result;
}

int isms_page_add_logins(struct isms_page *page, int limit)
{
    const struct isms_session *session = isms_web_session(page->req);
    struct isms_login_event *events = NULL;
    size_t count = 0;
    json_t *list;
    int error;

    if ((error = isms_auth_login_history(&events, &count, page->req->store, session->user_id,
                                         limit)) < 0)
        return error;
    list = json_array();
    for (size_t i = 0; list && i < count; i++)
        json_array_append_new(
            list, json_pack("{s:o,s:s,s:s,s:s,s:b}", "at", isms_page_time(page, events[i].at),
                            "address", events[i].address, "user_agent", events[i].user_agent,
                            "result", isms_page_t(page, result_label(events[i].result)), "ok",
                            strcmp(events[i].result, "ok") == 0));
    free(events);
    return isms_page_set(page, "logins", list);
}

static const char *org_role_label(enum isms_org_role role)
{
    return role == ISMS_ORG_CSC   ? "Cloud service customer"
           : role == ISMS_ORG_CSP ? "Cloud service provider"
                                  : "Cloud service customer and provider";
}

int isms_page_add_org_overview(struct isms_page *page)
{
    const struct isms_session *session = isms_web_session(page->req);
    struct isms_org *orgs = NULL;
    size_t count = 0;
    json_t *list;
    int error;

    if ((error = isms_membership_list_orgs(&orgs, &count, page->req->store, session->user_id,
                                           session->is_admin)) < 0)
        return error;
    list = json_array();
    for (size_t i = 0; list && i < count && error == 0; i++) {
        struct isms_soa soa;
        size_t total, decided;
        if ((error = isms_soa_load(&soa, page->req->store, orgs[i].id)) < 0)
            break;
        total = soa.count;
        decided = total - isms_soa_undecided_count(&soa);
        isms_soa_release(&soa);
        json_array_append_new(
            list, json_pack("{s:s,s:s,s:s,s:I,s:I,s:I}", "slug", orgs[i].slug, "name", orgs[i].name,
                            "role_label", isms_page_t(page, org_role_label(orgs[i].role)),
                            "decided", (json_int_t)decided, "total", (json_int_t)total, "percent",
                            (json_int_t)(total ? decided * 100 / total : 0)));
    }
    free(orgs);
    if (error < 0) {
        json_decref(list);
        return error;
    }
    return isms_page_set(page, "overview", list);
}

static int handle_home(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_page page;
    int error;

    if ((error = isms_page_init(&page, req, "home", "Home")) < 0)
        return error;
    if ((error = isms_page_add_logins(&page, HOME_LOGINS)) < 0 ||
        (error = isms_page_add_org_overview(&page)) < 0) {
        isms_page_release(&page);
        return error;
    }
    return isms_page_respond(res, &page, "home.html", 200);
}

const struct isms_web_route isms_pages_home_routes[] = {
    {"GET", "/", handle_home, 0},
    {NULL, NULL, NULL, 0},
};
