/*
 * An organization's dashboard: how far the Statement of Applicability is,
 * the risks by band (current and residual, each count a link to the
 * filtered register), the risks waiting for their owner's acceptance, the
 * treatment plan items past their due date, the information assets whose
 * deletion is due within DELETION_WINDOW_DAYS (or overdue) and the shadow
 * cloud services. Each list shows the first LIST_MAX and links to the rest.
 */
#include "isms_setup.h"
#include "isms/asset.h"
#include "isms/cloud_service.h"
#include "isms/risk_summary.h"
#include "model/retention.h"
#include "util/error.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/pages/risks.h"

#define LIST_MAX 10
#define DELETION_WINDOW_DAYS 90

static json_t *band_links(const struct isms_page *page, const int64_t counts[3], bool residual)
{
    static const char *const bands[] = {"high", "medium", "low"};
    static const char *const labels[] = {"High", "Medium", "Low"};
    const char *slug = page->req->org.slug;
    json_t *list = json_array();

    for (int i = 0; list && i < 3; i++) {
        int64_t n = counts[ISMS_RISK_HIGH - ISMS_RISK_LOW - i];
        json_array_append_new(
            list, json_pack("{s:s,s:s,s:I,s:o}", "band", bands[i], "label",
                            isms_page_t(page, labels[i]), "count", (json_int_t)n, "href",
                            json_sprintf("/orgs/%s/risks?band=%s%s", slug, bands[i],
                                         residual ? "&view=residual" : "")));
    }
    return list;
}

static int add_risk_bands(struct isms_page *page)
{
    struct isms_risk_band_counts c;
    int error;

    if ((error = isms_risk_count_by_band(&c, page->req->store, page->req->org.id)) < 0)
        return error;
    return isms_page_set(page, "risk_bands",
                         json_pack("{s:I,s:I,s:b,s:o,s:o}", "total", (json_int_t)c.total,
                                   "without_residual", (json_int_t)c.without_residual,
                                   "has_without_residual", c.without_residual > 0, "inherent",
                                   band_links(page, c.inherent, false), "residual",
                                   band_links(page, c.residual, true)));
}

static int add_awaiting(struct isms_page *page)
{
    struct isms_risk_list list;
    json_t *rows;
    int error;

    if ((error = isms_risk_awaiting_acceptance(&list, page->req->store, page->req->org.id,
                                               LIST_MAX)) < 0)
        return error;
    rows = json_array();
    for (size_t i = 0; rows && i < list.count; i++) {
        const struct isms_risk *r = &list.items[i];
        json_array_append_new(
            rows, json_pack("{s:I,s:s,s:s,s:o}", "id", (json_int_t)r->id, "title", r->title,
                            "owner", r->owner, "level",
                            isms_page_risk_level(page, r->residual_level, r->residual_band)));
    }
    error = isms_page_set(page, "awaiting",
                          json_pack("{s:I,s:b,s:o}", "total", (json_int_t)list.total, "more",
                                    list.total > (int64_t)list.count, "risks", rows));
    isms_risk_list_release(&list);
    return error;
}

static int add_overdue(struct isms_page *page, const struct isms_date *today)
{
    struct isms_risk_plan_row *rows = NULL;
    int64_t total = 0;
    size_t n = 0;
    json_t *list;
    int error;

    if ((error = isms_risk_overdue_items(&rows, &n, &total, page->req->store, page->req->org.id,
                                         today, LIST_MAX)) < 0)
        return error;
    list = json_array();
    for (size_t i = 0; list && i < n; i++) {
        const struct isms_risk_treatment_item *it = &rows[i].item;
        json_array_append_new(
            list, json_pack("{s:s,s:s,s:s,s:I,s:I,s:s}", "action", it->action, "owner", it->owner,
                            "due", it->due_date, "risk_id", (json_int_t)it->risk_id, "risk_number",
                            (json_int_t)rows[i].risk_number, "risk_title", rows[i].risk_title));
    }
    isms_risk_plan_release(rows, n);
    return isms_page_set(page, "overdue",
                         json_pack("{s:I,s:b,s:o}", "total", (json_int_t)total, "more",
                                   total > (int64_t)n, "items", list));
}

/* Cloud contracts ending within the same window (5.23: the exit plan is due
 * then), those already ended first. */
static int add_contract_ends(struct isms_page *page, const struct isms_date *today)
{
    struct isms_retention_period window = {.days = DELETION_WINDOW_DAYS};
    char until[ISMS_DATE_SIZE], now[ISMS_DATE_SIZE];
    struct isms_cloud_service *services = NULL;
    struct isms_date limit;
    size_t n = 0;
    json_t *list;
    int error;

    isms_date_add(&limit, today, &window);
    isms_date_format(until, &limit);
    isms_date_format(now, today);
    if ((error = isms_cloud_service_contracts_ending(&services, &n, page->req->store,
                                                     page->req->org.id, until, LIST_MAX)) < 0)
        return error;
    list = json_array();
    for (size_t i = 0; list && i < n; i++)
        json_array_append_new(list, json_pack("{s:I,s:s,s:s,s:b}", "id", (json_int_t)services[i].id,
                                              "name", services[i].name, "end",
                                              services[i].agreement.contract_end, "ended",
                                              strcmp(services[i].agreement.contract_end, now) < 0));
    free(services);
    return isms_page_set(page, "contract_ends", json_pack("{s:o}", "services", list));
}

/* Assets whose deletion is due before today + the window: the overdue
 * ones first (the list is by due date). */
static int add_deletions(struct isms_page *page, const struct isms_date *today)
{
    struct isms_retention_period window = {.days = DELETION_WINDOW_DAYS + 1};
    struct isms_asset_filter filter = {.limit = LIST_MAX};
    char before[ISMS_DATE_SIZE], due[ISMS_DATE_SIZE];
    struct isms_asset_page assets;
    json_t *list;
    int error;

    isms_date_add(&filter.due_before, today, &window);
    isms_date_format(before, &filter.due_before);
    if ((error = isms_asset_list(&assets, page->req->store, page->req->org.id, &filter)) < 0)
        return error;
    list = json_array();
    for (size_t i = 0; list && i < assets.count; i++) {
        const struct isms_asset *a = &assets.items[i];
        isms_date_format(due, &a->deletion_due);
        json_array_append_new(list, json_pack("{s:I,s:s,s:s,s:b}", "id", (json_int_t)a->id, "name",
                                              a->name, "due", due, "overdue",
                                              isms_date_compare(&a->deletion_due, today) < 0));
    }
    error = isms_page_set(page, "deletions",
                          json_pack("{s:I,s:b,s:o,s:o,s:i}", "total", (json_int_t)assets.total,
                                    "more", assets.total > (int64_t)assets.count, "assets", list,
                                    "href",
                                    json_sprintf("/orgs/%s/assets?deletion_due_before=%s",
                                                 page->req->org.slug, before),
                                    "days", DELETION_WINDOW_DAYS));
    isms_asset_page_release(&assets);
    return error;
}

static int add_shadow_cloud(struct isms_page *page)
{
    struct isms_cloud_service *services = NULL;
    size_t count = 0;
    int64_t shadow = 0;
    int error;

    if ((error = isms_cloud_service_list(&services, &count, page->req->store, page->req->org.id)) <
        0)
        return error;
    for (size_t i = 0; i < count; i++)
        shadow += !services[i].judgement.legitimate;
    free(services);
    return isms_page_set(page, "cloud",
                         json_pack("{s:I,s:I,s:b}", "services", (json_int_t)count, "shadow",
                                   (json_int_t)shadow, "has_shadow", shadow > 0));
}

static int handle_dashboard(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_date today;
    struct isms_page page;
    int error;

    isms_date_today(&today);
    if ((error = isms_page_init(&page, req, "dashboard", "Dashboard")) < 0)
        return error;
    if ((error = isms_page_add_soa_summary(&page)) < 0 ||
        (error = isms_page_add_maturity(&page)) < 0 || (error = add_risk_bands(&page)) < 0 ||
        (error = add_awaiting(&page)) < 0 || (error = add_overdue(&page, &today)) < 0 ||
        (error = add_deletions(&page, &today)) < 0 ||
        (error = add_contract_ends(&page, &today)) < 0 || (error = add_shadow_cloud(&page)) < 0) {
        isms_page_release(&page);
        return error;
    }
    return isms_page_respond(res, &page, "dashboard.html", 200);
}

const struct isms_web_route isms_pages_dashboard_routes[] = {
    {"GET", "/orgs/{org}", handle_dashboard, ISMS_WEB_NEEDS_ORG},
    {NULL, NULL, NULL, 0},
};
