/*
 * Checklist pages (isms/checklist.h): the templates with the form that
 * starts a run and the one that adds an org's own template, the runs, and
 * one run with a result, note and evidence per item.
 */
#include "isms_setup.h"
#include "isms/checklist.h"
#include "util/error.h"
#include "web/http/form.h"
#include "web/http/id_param.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/pages/pages.h"

static json_t *run_row(const struct isms_page *page, const struct isms_checklist_run *r)
{
    return json_pack("{s:I, s:s, s:s, s:s, s:o, s:i, s:i, s:i, s:i}", "id", (json_int_t)r->id,
                     "name", isms_page_pick(page, r->name_en, r->name_ja), "title", r->title,
                     "control", r->control_id, "updated", isms_page_time(page, r->updated_at),
                     "open", r->counts[ISMS_CHECK_OPEN], "ok", r->counts[ISMS_CHECK_OK], "ng",
                     r->counts[ISMS_CHECK_NG], "na", r->counts[ISMS_CHECK_NA]);
}

int isms_page_add_checklist_runs(struct isms_page *page, const char *control)
{
    struct isms_checklist_run *runs = NULL;
    json_t *list;
    size_t n = 0;
    int error;

    if ((error = isms_checklist_runs(&runs, &n, page->req->store, page->req->org.id, control)) < 0)
        return error;
    list = json_array();
    for (size_t i = 0; list && i < n; i++)
        json_array_append_new(list, run_row(page, &runs[i]));
    free(runs);
    return isms_page_set(page, "runs", list);
}

static int add_templates(struct isms_page *page)
{
    struct isms_checklist_template *t = NULL;
    json_t *list;
    size_t n = 0;
    int error;

    if ((error = isms_checklist_templates(&t, &n, page->req->store, page->req->org.id)) < 0)
        return error;
    list = json_array();
    for (size_t i = 0; list && i < n; i++)
        json_array_append_new(list,
                              json_pack("{s:s, s:s, s:s, s:s, s:I, s:b}", "key", t[i].key, "name",
                                        isms_page_pick(page, t[i].name_en, t[i].name_ja), "control",
                                        t[i].control_id, "source", t[i].source, "items",
                                        (json_int_t)t[i].item_count, "builtin", t[i].builtin));
    isms_checklist_templates_free(t, n);
    return isms_page_set(page, "templates", list);
}

static int render(struct isms_web_response *res, struct isms_web_request *req,
                  const char *error_text, const struct isms_form *form, unsigned status,
                  const void *ctx)
{
    struct isms_page page;
    int error;

    (void)ctx;
    if ((error = isms_page_init(&page, req, "checklists", "Checklists")) < 0)
        return error;
    if ((error = isms_page_set_form_messages(&page, error_text)) < 0 ||
        (form && (error = isms_page_set(&page, "input", isms_page_form_input(form))) < 0) ||
        (error = add_templates(&page)) < 0 ||
        (error = isms_page_add_checklist_runs(&page, NULL)) < 0) {
        isms_page_release(&page);
        return error;
    }
    return isms_page_respond(res, &page, "checklists.html", status);
}

static int handle_checklists(struct isms_web_response *res, struct isms_web_request *req)
{
    return render(res, req, NULL, NULL, 200, NULL);
}

static int finish(struct isms_web_response *res, struct isms_web_request *req,
                  struct isms_form *form, int error, const char *location)
{
    return isms_page_form_done(res, req, form, error, location, render, NULL);
}

static int handle_run_start(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_form form;
    char location[256];
    int64_t id = 0;
    int error;

    if ((error = isms_page_form(&form, req)) < 0)
        return error;
    error = isms_checklist_run_start(&id, req->store, req->org.id, isms_form_get(&form, "template"),
                                     isms_form_get(&form, "title"), &req->actor);
    snprintf(location, sizeof(location), "/orgs/%s/checklists/runs/%" PRId64, req->org.slug, id);
    return finish(res, req, &form, error, location);
}

static int handle_template_create(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_checklist_item *items = NULL;
    struct isms_form form;
    char location[256];
    size_t n = 0;
    int64_t id;
    int error;

    if ((error = isms_page_form(&form, req)) < 0)
        return error;
    if ((error = isms_checklist_items_parse(&items, &n, isms_form_get(&form, "items"))) == 0)
        error = isms_checklist_template_create(
            &id, req->store, req->org.id, isms_form_get(&form, "name"),
            isms_form_get(&form, "control"), isms_form_get(&form, "source"), items, n, &req->actor);
    free(items);
    snprintf(location, sizeof(location), "/orgs/%s/checklists?saved=1", req->org.slug);
    return finish(res, req, &form, error, location);
}

const struct isms_web_route isms_pages_checklists_routes[] = {
    {"GET", "/orgs/{org}/checklists", handle_checklists, ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/checklists/runs", handle_run_start, ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/checklists/templates", handle_template_create, ISMS_WEB_NEEDS_ORG},
    {NULL, NULL, NULL, 0},
};
