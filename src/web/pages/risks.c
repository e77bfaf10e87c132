/*
 * The risk register list: filters (band, inherent or residual, risk owner,
 * treatment option, acceptance, title search), pages of PAGE_SIZE risks and
 * the heat map of the same view (inherent or residual levels). Every filter
 * lives in the query string, so a filtered list is a link (the dashboard's
 * band counts point here).
 */
#include "isms_setup.h"
#include "export/heatmap_svg.h"
#include "isms/risk_matrix.h"
#include "util/buf.h"
#include "util/error.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/pages/risks.h"

#define PAGE_SIZE 50
#define PAGE_MAX 100000
#define SVG_MAX (4u << 20)

/* The list's query as given, checked. */
struct list_query {
    const char *band, *owner, *treatment, *accepted, *q;
    bool residual;
    struct isms_risk_filter filter;
    int64_t page; /* 1-based */
};

static const char *query(const struct isms_web_request *req, const char *name)
{
    const char *v = isms_web_request_query(req, name);

    return v && *v ? v : NULL;
}

static int parse_band(struct list_query *lq)
{
    static const char *const names[] = {"low", "medium", "high"};

    if (!lq->band)
        return 0;
    for (int i = 0; i < 3; i++)
        if (strcmp(lq->band, names[i]) == 0) {
            lq->filter.band = (enum isms_risk_band)(ISMS_RISK_LOW + i);
            return 0;
        }
    return isms_error_set(ISMS_EINVALID, _("unknown band '%.20s'"), lq->band);
}

static int parse_page(struct list_query *lq, const char *text)
{
    char *end;
    long long v;

    lq->page = 1;
    if (!text)
        return 0;
    errno = 0;
    v = strtoll(text, &end, 10);
    if (errno || *end || v < 1 || v > PAGE_MAX)
        return isms_error_set(ISMS_EINVALID, _("unknown page '%.20s'"), text);
    lq->page = v;
    return 0;
}

static int read_query(struct list_query *lq, const struct isms_web_request *req)
{
    const char *view = query(req, "view");
    int error;

    memset(lq, 0, sizeof(*lq));
    lq->band = query(req, "band");
    lq->owner = query(req, "owner");
    lq->treatment = query(req, "treatment");
    lq->accepted = query(req, "accepted");
    lq->q = query(req, "q");
    lq->residual = view && strcmp(view, "residual") == 0;
    if ((lq->owner && strlen(lq->owner) > ISMS_RISK_OWNER_MAX) ||
        (lq->q && strlen(lq->q) > ISMS_RISK_QUERY_MAX))
        return isms_error_set(ISMS_EINVALID, _("the search text is longer than %d bytes"),
                              ISMS_RISK_QUERY_MAX);
    if ((error = parse_band(lq)) < 0 || (error = parse_page(lq, query(req, "page"))) < 0)
        return error;
    if (lq->treatment && strcmp(lq->treatment, "none") == 0)
        lq->filter.treatment_unset = true;
    else if (lq->treatment &&
             (error = isms_risk_treatment_parse(&lq->filter.treatment, lq->treatment)) < 0)
        return error;
    if (lq->accepted)
        lq->filter.accepted = strcmp(lq->accepted, "yes") == 0 ? 1 : -1;
    lq->filter.residual = lq->residual;
    lq->filter.owner = lq->owner;
    lq->filter.query = lq->q;
    lq->filter.limit = PAGE_SIZE;
    lq->filter.offset = (lq->page - 1) * PAGE_SIZE;
    return 0;
}

/* "band=high&view=residual..." without the page: the pagination and view
 * links add their own. */
static int filter_query(struct isms_buf *out, const struct list_query *lq, bool with_view)
{
    int error;

    if ((error = isms_page_query_add(out, "band", lq->band)) < 0 ||
        (error = isms_page_query_add(out, "owner", lq->owner)) < 0 ||
        (error = isms_page_query_add(out, "treatment", lq->treatment)) < 0 ||
        (error = isms_page_query_add(out, "accepted", lq->accepted)) < 0 ||
        (error = isms_page_query_add(out, "q", lq->q)) < 0)
        return error;
    return with_view && lq->residual ? isms_page_query_add(out, "view", "residual") : 0;
}

static json_t *link(const struct isms_web_request *req, const struct list_query *lq,
                    const char *name, const char *value, bool with_view)
{
    struct isms_buf q = ISMS_BUF_INIT(4096);
    char prefix[160];
    json_t *out = NULL;

    if (filter_query(&q, lq, with_view) >= 0 && isms_page_query_add(&q, name, value) >= 0) {
        snprintf(prefix, sizeof(prefix), "/orgs/%s/risks", req->org.slug);
        out = json_sprintf("%s%s%s", prefix, q.len ? "?" : "", isms_buf_cstr(&q));
    }
    isms_buf_release(&q);
    return out;
}

static int add_pagination(struct isms_page *page, const struct list_query *lq, int64_t total)
{
    int64_t pages = total ? (total + PAGE_SIZE - 1) / PAGE_SIZE : 1;
    char prev[24], next[24];
    json_t *p;

    snprintf(prev, sizeof(prev), "%" PRId64, lq->page - 1);
    snprintf(next, sizeof(next), "%" PRId64, lq->page + 1);
    p = json_pack("{s:b,s:I,s:I,s:I,s:I,s:I}", "has_rows", total > 0, "page", (json_int_t)lq->page,
                  "pages", (json_int_t)pages, "total", (json_int_t)total, "from",
                  (json_int_t)(total ? lq->filter.offset + 1 : 0), "to",
                  (json_int_t)(lq->filter.offset + PAGE_SIZE < total ? lq->filter.offset + PAGE_SIZE
                                                                     : total));
    if (p && lq->page > 1)
        json_object_set_new(p, "prev", link(page->req, lq, "page", prev, true));
    if (p && lq->page < pages)
        json_object_set_new(p, "next", link(page->req, lq, "page", next, true));
    return isms_page_set(page, "pagination", p);
}

static json_t *risk_row(const struct isms_page *page, const struct isms_risk *r)
{
    json_t *row = json_pack("{s:I,s:I,s:s,s:s,s:o,s:s,s:s,s:s}", "id", (json_int_t)r->id, "number",
                            (json_int_t)r->number, "title", r->title, "owner", r->owner, "level",
                            isms_page_risk_level(page, r->level, r->band), "treatment",
                            isms_page_t(page, isms_page_risk_treatment_label(r->treatment)),
                            "status", isms_page_t(page, isms_page_risk_status_label(r->status)),
                            "status_key", isms_risk_status_name(r->status));

    if (row && r->has_residual)
        json_object_set_new(row, "residual",
                            isms_page_risk_level(page, r->residual_level, r->residual_band));
    return row;
}

static int add_rows(struct isms_page *page, const struct isms_risk_list *list)
{
    json_t *rows = json_array();

    for (size_t i = 0; rows && i < list->count; i++)
        if (json_array_append_new(rows, risk_row(page, &list->items[i])) < 0) {
            json_decref(rows);
            rows = NULL;
        }
    return isms_page_set(page, "risks", rows);
}

/* The heat map of the view, as server-made SVG, and how many risks it
 * cannot show (scored on another matrix). */
static int add_heatmap(struct isms_page *page, bool residual)
{
    struct isms_buf svg = ISMS_BUF_INIT(SVG_MAX);
    struct isms_risk_matrix matrix;
    int64_t *counts = NULL, other = 0;
    size_t cells = 0;
    int error;

    if ((error = isms_risk_matrix_for_org(&matrix, page->req->store, page->req->org.id)) < 0 ||
        (error = isms_risk_heatmap_counts(&counts, &cells, &other, page->req->store,
                                          page->req->org.id, &matrix, residual)) < 0 ||
        (error = isms_heatmap_svg(&svg, &matrix, counts, isms_lang_code(page->lang))) < 0)
        goto done;
    if ((error = isms_page_set(page, "heatmap", json_string(isms_buf_cstr(&svg)))) < 0 ||
        (error = isms_page_set(page, "matrix_name",
                               json_string(isms_page_pick(page, matrix.name_en, matrix.name_ja)))) <
            0)
        goto done;
    if (other)
        error = isms_page_set(page, "other_matrix", json_integer(other));
done:
    free(counts);
    isms_buf_release(&svg);
    return error;
}

static json_t *options(const struct isms_page *page, const char *const *values,
                       const char *const *labels, size_t n, const char *current)
{
    json_t *list = json_array();

    for (size_t i = 0; list && i < n; i++)
        json_array_append_new(list, isms_page_option(values[i], isms_page_t(page, labels[i]),
                                                     current && strcmp(current, values[i]) == 0));
    return list;
}

static int add_filters(struct isms_page *page, const struct list_query *lq)
{
    static const char *const bands[] = {"high", "medium", "low"};
    static const char *const band_labels[] = {"High", "Medium", "Low"};
    static const char *const treatments[] = {"modify", "retain", "avoid", "share", "none"};
    static const char *const treatment_labels[] = {"Modify", "Retain", "Avoid", "Share",
                                                   "Not yet chosen"};
    static const char *const accepted[] = {"yes", "no"};
    static const char *const accepted_labels[] = {"Accepted", "Not accepted"};
    int error;

    if ((error = isms_page_set(
             page, "filter",
             json_pack("{s:s,s:s,s:b,s:o,s:o,s:o}", "owner", lq->owner ? lq->owner : "", "q",
                       lq->q ? lq->q : "", "residual", lq->residual, "bands",
                       options(page, bands, band_labels, 3, lq->band), "treatments",
                       options(page, treatments, treatment_labels, 5, lq->treatment), "accepted",
                       options(page, accepted, accepted_labels, 2, lq->accepted)))) < 0)
        return error;
    if ((error = isms_page_set(page, "inherent_link", link(page->req, lq, "view", NULL, false))) <
        0)
        return error;
    return isms_page_set(page, "residual_link", link(page->req, lq, "view", "residual", false));
}

static int handle_risk_list(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_risk_list list = {0};
    struct list_query lq;
    struct isms_page page;
    int error;

    if ((error = read_query(&lq, req)) < 0 ||
        (error = isms_risk_list(&list, req->store, req->org.id, &lq.filter)) < 0)
        return error;
    if ((error = isms_page_init(&page, req, "risks", "Risks")) < 0)
        goto done;
    if ((error = add_heatmap(&page, lq.residual)) < 0 || (error = add_rows(&page, &list)) < 0 ||
        (error = add_filters(&page, &lq)) < 0 ||
        (error = add_pagination(&page, &lq, list.total)) < 0 ||
        (error = isms_page_set(&page, "can_write", json_boolean(isms_page_risk_can_write(req)))) <
            0 ||
        (isms_web_request_query(req, "deleted") &&
         (error = isms_page_set_message(&page, "notice", "The risk was deleted.")) < 0)) {
        isms_page_release(&page);
        goto done;
    }
    error = isms_page_respond(res, &page, "risks.html", 200);
done:
    isms_risk_list_release(&list);
    return error;
}

/* The risk pages of every risks_*.c (risks.h); their writes carry the risk
 * owner's flag like the API. */
const struct isms_web_route isms_pages_risks_routes[] = {
    {"GET", "/orgs/{org}/risks", handle_risk_list, ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/risks", isms_page_risk_create, ISMS_WEB_NEEDS_ORG | ISMS_WEB_RISK_WRITE},
    {"GET", "/orgs/{org}/risks/new", isms_page_risk_new, ISMS_WEB_NEEDS_ORG},
    {"GET", "/orgs/{org}/risks/{risk}", isms_page_risk, ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/risks/{risk}", isms_page_risk_update,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_RISK_WRITE},
    {"GET", "/orgs/{org}/risks/{risk}/edit", isms_page_risk_edit, ISMS_WEB_NEEDS_ORG},
    {"GET", "/orgs/{org}/risks/{risk}/delete", isms_page_risk_delete_confirm, ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/risks/{risk}/delete", isms_page_risk_delete,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_RISK_WRITE},
    /* Like the API: selecting controls changes the SoA, so managers only. */
    {"POST", "/orgs/{org}/risks/{risk}/controls", isms_page_risk_controls_post, ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/risks/{risk}/treatments", isms_page_risk_items_post,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_RISK_WRITE},
    {"POST", "/orgs/{org}/risks/{risk}/treatments/{item}", isms_page_risk_item_post,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_RISK_WRITE},
    {"POST", "/orgs/{org}/risks/{risk}/accept", isms_page_risk_accept_post,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_RISK_WRITE},
    {"POST", "/orgs/{org}/risks/{risk}/link", isms_page_risk_link_post,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_RISK_WRITE},
    {NULL, NULL, NULL, 0},
};
