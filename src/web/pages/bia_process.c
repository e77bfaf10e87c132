/*
 * One business process of the BIA: its objectives (MTPD, RTO, RPO, RLO) and
 * what it depends on, each dependency against the RTO (isms/bia.h).
 */
#include "isms_setup.h"
#include "isms/asset.h"
#include "isms/cloud_service.h"
#include "util/error.h"
#include "web/http/id_param.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/pages/bia_common.h"

#define ASSET_CHOICES_MAX 500

static json_t *dependency_row(const struct isms_page *page, const struct isms_bia *bia,
                              const struct isms_bia_dependency *d)
{
    static const char *const kinds[] = {"", "ICT service", "Information asset", "Cloud service"};
    const char *why = "";
    json_t *gap = NULL;

    for (size_t i = 0; i < bia->gap_count; i++)
        if (bia->gaps[i].dependency == d && (gap = isms_page_bia_gap(page, &bia->gaps[i])))
            why = json_string_value(json_object_get(gap, "why"));
    json_t *row = json_pack("{s:I, s:s, s:s, s:o, s:o, s:s, s:b, s:s}", "id", (json_int_t)d->id,
                            "kind", isms_page_t(page, kinds[d->kind]), "name", d->name,
                            "recovery_time", isms_page_duration(page, d->recovery_time),
                            "recovery_point", isms_page_duration(page, d->recovery_point), "notes",
                            d->notes, "gap", gap != NULL, "why", why);
    json_decref(gap);
    return row;
}

/* The choices of the dependency form besides an ICT service named there:
 * the assets and cloud services of the registers ("asset:12", "cloud_service:3"). */
static int add_choices(struct isms_page *page)
{
    struct isms_asset_filter filter = {.limit = ASSET_CHOICES_MAX};
    struct isms_cloud_service *services = NULL;
    struct isms_asset_page assets;
    json_t *clouds, *items;
    size_t n = 0;
    int error;

    if ((error = isms_asset_list(&assets, page->req->store, page->req->org.id, &filter)) < 0)
        return error;
    if ((error = isms_cloud_service_list(&services, &n, page->req->store, page->req->org.id)) < 0) {
        isms_asset_page_release(&assets);
        return error;
    }
    clouds = json_array();
    items = json_array();
    for (size_t i = 0; clouds && i < n; i++)
        json_array_append_new(clouds,
                              json_pack("{s:o, s:s}", "value",
                                        json_sprintf("cloud_service:%" PRId64, services[i].id),
                                        "label", services[i].name));
    for (size_t i = 0; items && i < assets.count; i++)
        json_array_append_new(items, json_pack("{s:o, s:s}", "value",
                                               json_sprintf("asset:%" PRId64, assets.items[i].id),
                                               "label", assets.items[i].name));
    free(services);
    isms_asset_page_release(&assets);
    if ((error = isms_page_set(page, "cloud_choices", clouds)) < 0) {
        json_decref(items);
        return error;
    }
    return isms_page_set(page, "asset_choices", items);
}

static const struct isms_bia_process *find_process(const struct isms_bia *bia, int64_t id)
{
    for (size_t i = 0; i < bia->process_count; i++)
        if (bia->processes[i].id == id)
            return &bia->processes[i];
    return NULL;
}

static int add_process(struct isms_page *page, const struct isms_bia *bia, int64_t id)
{
    const struct isms_bia_process *p = find_process(bia, id);
    json_t *deps = json_array();
    int error;

    if (!p) {
        json_decref(deps);
        return isms_error_set(ISMS_ENOTFOUND, _("no such business process"));
    }
    for (size_t i = 0; deps && i < bia->dependency_count; i++)
        if (bia->dependencies[i].process_id == id)
            json_array_append_new(deps, dependency_row(page, bia, &bia->dependencies[i]));
    if ((error = isms_page_set(page, "process", isms_page_bia_process(page, p))) < 0) {
        json_decref(deps);
        return error;
    }
    return isms_page_set(page, "dependencies", deps);
}

static int render(struct isms_web_response *res, struct isms_web_request *req,
                  const char *error_text, const struct isms_form *form, unsigned status,
                  const void *ctx)
{
    int64_t id = *(const int64_t *)ctx;
    struct isms_page page;
    struct isms_bia bia;
    int error;

    if ((error = isms_page_init(&page, req, "bia", "Business impact analysis")) < 0)
        return error;
    if ((error = isms_page_set_form_messages(&page, error_text)) < 0 ||
        (form && (error = isms_page_set(&page, "input", isms_page_form_input(form))) < 0) ||
        (error = add_choices(&page)) < 0 ||
        (error = isms_bia_load(&bia, req->store, req->org.id)) < 0) {
        isms_page_release(&page);
        return error;
    }
    error = add_process(&page, &bia, id);
    isms_bia_release(&bia);
    if (error < 0) {
        isms_page_release(&page);
        return error;
    }
    return isms_page_respond(res, &page, "bia_process.html", status);
}

static int process_id(int64_t *id, const struct isms_web_request *req)
{
    return isms_web_parse_id(id, isms_web_request_param(req, "process"), ISMS_ENOTFOUND,
                             "business process");
}

static int handle_process(struct isms_web_response *res, struct isms_web_request *req)
{
    int64_t id;
    int error = process_id(&id, req);

    return error < 0 ? error : render(res, req, NULL, NULL, 200, &id);
}

static int finish(struct isms_web_response *res, struct isms_web_request *req, int64_t id,
                  struct isms_form *form, int error, const char *anchor)
{
    char location[96];

    snprintf(location, sizeof(location), "bia/processes/%" PRId64 "?saved=1%s", id, anchor);
    return isms_page_form_done(res, req, form, error, location, render, &id);
}

static int handle_process_post(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_bia_process p;
    struct isms_form form;
    int64_t id;
    int error;

    if ((error = process_id(&id, req)) < 0 || (error = isms_page_form(&form, req)) < 0)
        return error;
    error = isms_bia_process_save(&p, req->store, req->org.id, id,
                                  &(struct isms_bia_process_input){
                                      isms_form_get(&form, "name"), isms_form_get(&form, "owner"),
                                      isms_form_get(&form, "mtpd"), isms_form_get(&form, "rto"),
                                      isms_form_get(&form, "rpo"), isms_form_get(&form, "rlo"),
                                      isms_form_get(&form, "description")},
                                  &req->actor);
    return finish(res, req, id, &form, error, "");
}

static int handle_dependency_post(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *target, *colon;
    struct isms_bia_dependency_input in;
    struct isms_form form;
    char kind[32] = "ict_service";
    int64_t id, added;
    int error;

    if ((error = process_id(&id, req)) < 0 || (error = isms_page_form(&form, req)) < 0)
        return error;
    /* "asset:12" / "cloud_service:3" from the list, or "" for the named ICT service. */
    target = isms_form_get(&form, "target");
    colon = target ? strchr(target, ':') : NULL;
    if (colon)
        snprintf(kind, sizeof(kind), "%.*s", (int)(colon - target), target);
    in = (struct isms_bia_dependency_input){kind,
                                            colon ? colon + 1 : NULL,
                                            isms_form_get(&form, "name"),
                                            isms_form_get(&form, "recovery_time"),
                                            isms_form_get(&form, "recovery_point"),
                                            isms_form_get(&form, "notes")};
    error = isms_bia_dependency_add(&added, req->store, req->org.id, id, &in, &req->actor);
    return finish(res, req, id, &form, error, "#dependencies-head");
}

static int handle_dependency_delete(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_form form;
    int64_t id, dependency;
    int error;

    if ((error = process_id(&id, req)) < 0 || (error = isms_page_form(&form, req)) < 0)
        return error;
    if ((error = isms_web_parse_id(&dependency, isms_web_request_param(req, "dependency"),
                                   ISMS_ENOTFOUND, "dependency")) == 0)
        error = isms_bia_delete(req->store, req->org.id, ISMS_BIA_DEPENDENCY, dependency,
                                &req->actor);
    return finish(res, req, id, &form, error, "#dependencies-head");
}

const struct isms_web_route isms_pages_bia_process_routes[] = {
    {"GET", "/orgs/{org}/bia/processes/{process}", handle_process, ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/bia/processes/{process}", handle_process_post, ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/bia/processes/{process}/dependencies", handle_dependency_post,
     ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/bia/processes/{process}/dependencies/{dependency}/delete",
     handle_dependency_delete, ISMS_WEB_NEEDS_ORG},
    {NULL, NULL, NULL, 0},
};
