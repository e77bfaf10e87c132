/*
 * The organization's registers as read-only lists: information assets (with
 * C/I/A and deletion due dates), cloud services (with the shadow-cloud
 * judgement) and risks (with the heat map). Editing goes through the API
 * and CLI for now.
 */
#include "isms_setup.h"
#include "export/heatmap_svg.h"
#include "isms/asset.h"
#include "isms/cloud_service.h"
#include "isms/retention.h"
#include "isms/risk.h"
#include "isms/risk_matrix.h"
#include "util/buf.h"
#include "util/error.h"
#include "web/pages.h"
#include "web/request.h"
#include "web/response.h"

static int respond_with(struct isms_web_response *res, struct isms_page *page, const char *key,
                        json_t *value, const char *template)
{
    int error;

    if ((error = isms_page_set(page, key, value)) < 0) {
        isms_page_release(page);
        return error;
    }
    return isms_page_respond(res, page, template, 200);
}

int isms_page_assets(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_asset_filter filter = {.limit = ISMS_ASSET_LIST_MAX};
    struct isms_asset_page assets;
    struct isms_page page;
    json_t *rows;
    int error;

    if ((error = isms_asset_list(&assets, req->store, req->org.id, &filter)) < 0)
        return error;
    if ((error = isms_page_init(&page, req, "assets", "Information asset register")) < 0) {
        isms_asset_page_release(&assets);
        return error;
    }
    rows = json_array();
    for (size_t i = 0; rows && i < assets.count; i++) {
        const struct isms_asset *a = &assets.items[i];
        char due[ISMS_DATE_SIZE] = "";
        if (a->deletion_due.year)
            isms_date_format(due, &a->deletion_due);
        json_array_append_new(
            rows, json_pack("{s:I,s:s,s:s,s:s,s:s,s:i,s:i,s:i,s:s,s:s,s:s}", "id",
                            (json_int_t)a->id, "name", a->name, "type",
                            isms_asset_type_name(a->type), "owner", a->owner, "classification",
                            isms_asset_classification_name(a->classification), "c",
                            a->confidentiality, "i", a->integrity, "a", a->availability,
                            "location", a->location, "cloud", a->cloud_service_name, "due", due));
    }
    isms_asset_page_release(&assets);
    return respond_with(res, &page, "assets", rows, "assets.html");
}

int isms_page_cloud_services(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_cloud_service *services = NULL;
    struct isms_page page;
    size_t count = 0;
    json_t *rows;
    int error;

    if ((error = isms_cloud_service_list(&services, &count, req->store, req->org.id)) < 0)
        return error;
    if ((error = isms_page_init(&page, req, "cloud", "Cloud services")) < 0) {
        free(services);
        return error;
    }
    rows = json_array();
    for (size_t i = 0; rows && i < count; i++) {
        const struct isms_cloud_service *s = &services[i];
        json_array_append_new(
            rows, json_pack("{s:s,s:s,s:s,s:s,s:i,s:b}", "name", s->name, "provider",
                            s->provider_org_name[0] ? s->provider_org_name : s->provider, "model",
                            isms_cloud_model_name(s->model), "department", s->department,
                            "category", s->judgement.category, "legitimate",
                            s->judgement.legitimate));
    }
    free(services);
    return respond_with(res, &page, "services", rows, "cloud_services.html");
}

/* The heat map of the org's current risk levels, as server-made SVG. */
static int add_heatmap(struct isms_page *page)
{
    struct isms_buf svg = ISMS_BUF_INIT(1u << 20);
    struct isms_risk_matrix matrix;
    int64_t *counts = NULL, other = 0;
    size_t cells = 0;
    int error;

    if ((error = isms_risk_matrix_for_org(&matrix, page->req->store, page->req->org.id)) < 0 ||
        (error = isms_risk_heatmap_counts(&counts, &cells, &other, page->req->store,
                                          page->req->org.id, &matrix, false)) < 0 ||
        (error = isms_heatmap_svg(&svg, &matrix, counts, isms_lang_code(page->lang))) < 0)
        goto done;
    error = isms_page_set(page, "heatmap", json_string(isms_buf_cstr(&svg)));
done:
    free(counts);
    isms_buf_release(&svg);
    return error;
}

int isms_page_risks(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_risk_filter filter = {0};
    struct isms_risk_list risks;
    struct isms_page page;
    json_t *rows;
    int error;

    if ((error = isms_risk_list(&risks, req->store, req->org.id, &filter)) < 0)
        return error;
    if ((error = isms_page_init(&page, req, "risks", "Risks")) < 0 ||
        (error = add_heatmap(&page)) < 0) {
        if (page.ctx)
            isms_page_release(&page);
        isms_risk_list_release(&risks);
        return error;
    }
    rows = json_array();
    for (size_t i = 0; rows && i < risks.count; i++) {
        const struct isms_risk *r = &risks.items[i];
        json_array_append_new(
            rows, json_pack("{s:I,s:s,s:s,s:i,s:s,s:s,s:s}", "id", (json_int_t)r->id, "title",
                            r->title, "owner", r->owner, "level", r->level, "band",
                            isms_risk_band_name(r->band, isms_lang_code(page.lang)), "treatment",
                            isms_risk_treatment_name(r->treatment)
                                ? isms_risk_treatment_name(r->treatment)
                                : "",
                            "status", isms_risk_status_name(r->status)
                                          ? isms_risk_status_name(r->status)
                                          : ""));
    }
    isms_risk_list_release(&risks);
    return respond_with(res, &page, "risks", rows, "risks.html");
}
