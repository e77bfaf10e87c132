/*
 * An organization's settings (org administrators): its name and slug, the
 * risk matrix and risk acceptance criteria its risks are assessed on, and
 * its own threats beside the built-in libraries - what was CLI-only before.
 */
#include "isms_setup.h"
#include "isms/org.h"
#include "isms/risk_matrix.h"
#include "isms/threat.h"
#include "util/error.h"
#include "web/http/form.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/pages/pages.h"

/* The key an org's own copy of a matrix with other acceptance criteria gets. */
#define CRITERIA_SUFFIX "-criteria"

static json_t *matrix_option(const struct isms_page *page, const struct isms_risk_matrix *m,
                             const char *current)
{
    return isms_page_option(m->key, isms_page_pick(page, m->name_en, m->name_ja),
                            strcmp(m->key, current) == 0);
}

static json_t *matrix_options(const struct isms_page *page, const char *current)
{
    struct isms_risk_matrix *custom = NULL;
    json_t *list = json_array();
    size_t n = 0;

    for (size_t i = 0; list && isms_risk_matrix_builtin_at(i); i++)
        json_array_append_new(list, matrix_option(page, isms_risk_matrix_builtin_at(i), current));
    if (isms_risk_matrix_list_custom(&custom, &n, page->req->store, page->req->org.id) == 0)
        for (size_t i = 0; list && i < n; i++)
            json_array_append_new(list, matrix_option(page, &custom[i], current));
    free(custom);
    return list;
}

static int add_matrix(struct isms_page *page)
{
    struct isms_risk_matrix m;
    int lo, hi, error;

    if ((error = isms_risk_matrix_for_org(&m, page->req->store, page->req->org.id)) < 0)
        return error;
    isms_risk_matrix_level_range(&m, &lo, &hi);
    return isms_page_set(page, "matrix",
                         json_pack("{s:o,s:i,s:i,s:i,s:i,s:i}", "options",
                                   matrix_options(page, m.key), "threshold", m.acceptance_threshold,
                                   "level_min", lo, "level_max", hi, "medium_from", m.medium_from,
                                   "high_from", m.high_from));
}

static int add_threats(struct isms_page *page)
{
    struct isms_own_threat *own = NULL;
    json_t *list = json_array();
    size_t n = 0;
    int error;

    if ((error = isms_threat_list_own(&own, &n, page->req->store, page->req->org.id)) < 0) {
        json_decref(list);
        return error;
    }
    for (size_t i = 0; list && i < n; i++)
        json_array_append_new(
            list, json_pack("{s:I,s:s,s:s,s:s}", "id", (json_int_t)own[i].id, "name",
                            isms_page_pick(page, own[i].name_en, own[i].name_ja), "category",
                            own[i].category, "description", own[i].description));
    free(own);
    return isms_page_set(page, "threats", list);
}

static int render(struct isms_web_response *res, struct isms_web_request *req,
                  const char *error_text, unsigned status)
{
    struct isms_page page;
    int error;

    if ((error = isms_page_init(&page, req, "settings", "Organization settings")) < 0)
        return error;
    if ((error = isms_page_set_form_messages(&page, error_text)) < 0 ||
        (error = add_matrix(&page)) < 0 || (error = add_threats(&page)) < 0) {
        isms_page_release(&page);
        return error;
    }
    return isms_page_respond(res, &page, "org_settings.html", status);
}

static int handle_org_settings(struct isms_web_response *res, struct isms_web_request *req)
{
    return render(res, req, NULL, 200);
}

/* The chosen matrix, with other acceptance criteria as the org's own copy. */
static int use_matrix(struct isms_web_request *req, const char *key, const char *threshold_text)
{
    struct isms_risk_matrix m, copy;
    long threshold;
    char *end;
    int error;

    if ((error = isms_risk_matrix_find(&m, req->store, req->org.id, key ? key : "")) < 0)
        return error;
    errno = 0;
    threshold = threshold_text && *threshold_text ? strtol(threshold_text, &end, 10) : 0;
    if (!threshold_text || !*threshold_text || errno || *end || threshold == m.acceptance_threshold)
        return isms_risk_matrix_use(&m, req->store, &req->actor, req->org.id, m.key);
    copy = m;
    copy.id = 0;
    copy.acceptance_threshold = (int)threshold;
    snprintf(copy.name_ja, sizeof(copy.name_ja), "%.80s（受容基準 %ld 以下）", m.name_ja,
             threshold);
    snprintf(copy.name_en, sizeof(copy.name_en), "%.80s (acceptable up to %ld)", m.name_en,
             threshold);
    if (!strstr(m.key, CRITERIA_SUFFIX))
        snprintf(copy.key, sizeof(copy.key), "%.*s%s",
                 (int)(sizeof(copy.key) - sizeof(CRITERIA_SUFFIX)), m.key, CRITERIA_SUFFIX);
    if ((error = isms_risk_matrix_define(&m, req->store, &req->actor, req->org.id, &copy)) < 0)
        return error;
    return isms_risk_matrix_use(&m, req->store, &req->actor, req->org.id, copy.key);
}

static int run_action(struct isms_web_response *res, struct isms_web_request *req,
                      const struct isms_form *form)
{
    const char *action = isms_form_get(form, "action");
    struct isms_own_threat threat;
    struct isms_org org;
    int error;

    if (action && strcmp(action, "rename") == 0) {
        if ((error = isms_org_update(&org, req->store, req->org.id, isms_form_get(form, "name"),
                                     isms_form_get(form, "slug"), &req->actor)) < 0)
            return error;
        /* The slug may have changed: go on at the new address. */
        req->org = org;
        return isms_page_redirect_in_org(res, req, "settings?saved=1");
    }
    if (action && strcmp(action, "matrix") == 0) {
        if ((error = use_matrix(req, isms_form_get(form, "matrix"),
                                isms_form_get(form, "threshold"))) < 0)
            return error;
        return isms_page_redirect_in_org(res, req, "settings?saved=1");
    }
    if (action && strcmp(action, "threat") == 0) {
        const struct isms_threat_input in = {
            isms_form_get(form, "name_ja"), isms_form_get(form, "name_en"),
            isms_form_get(form, "category"), isms_form_get(form, "description")};
        if ((error = isms_threat_add(&threat, req->store, &req->actor, req->org.id, &in)) < 0)
            return error;
        return isms_page_redirect_in_org(res, req, "settings?saved=1#threats");
    }
    return isms_error_set(ISMS_EINVALID, "unknown action");
}

static int handle_org_settings_post(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_form form;
    int error;

    if ((error = isms_page_form(&form, req)) == 0 && (error = run_action(res, req, &form)) < 0 &&
        isms_page_is_user_error(error))
        error = render(res, req, isms_error_last(), (unsigned)isms_error_http_status(error));
    isms_form_release(&form);
    return error;
}

const struct isms_web_route isms_pages_org_settings_routes[] = {
    {"GET", "/orgs/{org}/settings", handle_org_settings, ISMS_WEB_NEEDS_ORG | ISMS_WEB_ORG_ADMIN},
    {"POST", "/orgs/{org}/settings", handle_org_settings_post,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_ORG_ADMIN},
    {NULL, NULL, NULL, 0},
};
