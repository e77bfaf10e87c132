/*
 * The information asset register (情報資産台帳, A.5.9): a filtered, paged list
 * (the register may hold 100,000 rows), one asset's form to create, change
 * or delete it, with its C/I/A values, cloud service and retention rule, and
 * the deletion due date that follows from the rule (A.8.10). The CSV import
 * is assets_import.c; the downloads are the API's CSV / xlsx exports.
 */
#include "isms_setup.h"
#include "catalog/retention_templates.h"
#include "isms/asset.h"
#include "isms/cloud_service.h"
#include "isms/deletion.h"
#include "model/retention.h"
#include "util/buf.h"
#include "util/error.h"
#include "web/http/form.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/pages/pages.h"

#define PAGE_SIZE 50
#define PAGE_NUMBER_MAX 10000000

static const char *const type_en[] = {"",        "Information", "Paper",    "Software", "Hardware",
                                      "Service", "People",      "Facility", "Other"};
static const char *const class_en[] = {"", "Public", "Internal", "Confidential", "Secret"};
static const char *type_label(const struct isms_page *page, enum isms_asset_type t)
{
    return isms_page_pick(page, type_en[t], isms_asset_type_label_ja(t));
}

static const char *class_label(const struct isms_page *page, enum isms_asset_classification c)
{
    return isms_page_pick(page, class_en[c], isms_asset_classification_label_ja(c));
}

/* ------------------------------------------------------------- choices */

static json_t *type_options(const struct isms_page *page, const char *chosen)
{
    json_t *list = json_array();

    for (int t = ISMS_ASSET_INFORMATION; list && t <= ISMS_ASSET_OTHER; t++) {
        const char *name = isms_asset_type_name((enum isms_asset_type)t);
        json_array_append_new(list,
                              isms_page_option(name, type_label(page, (enum isms_asset_type)t),
                                               chosen && strcmp(chosen, name) == 0));
    }
    return list;
}

static json_t *class_options(const struct isms_page *page, const char *chosen)
{
    json_t *list = json_array();

    for (int c = ISMS_CLASS_PUBLIC; list && c <= ISMS_CLASS_SECRET; c++) {
        const char *name = isms_asset_classification_name((enum isms_asset_classification)c);
        json_array_append_new(
            list, isms_page_option(name, class_label(page, (enum isms_asset_classification)c),
                                   chosen && strcmp(chosen, name) == 0));
    }
    return list;
}

static json_t *basis_options(const struct isms_page *page, const char *chosen)
{
    json_t *list = json_array();

    for (int b = ISMS_RETENTION_CREATED; list && b <= ISMS_RETENTION_FIXED_DATE; b++) {
        const char *name = isms_retention_basis_name((enum isms_retention_basis)b);
        json_array_append_new(
            list,
            isms_page_option(
                name,
                isms_page_pick(page, isms_retention_basis_label_en((enum isms_retention_basis)b),
                               isms_retention_basis_label_ja((enum isms_retention_basis)b)),
                chosen && strcmp(chosen, name) == 0));
    }
    return list;
}

static json_t *cia_options(const char *chosen)
{
    static const char *const values[] = {"1", "2", "3"};
    json_t *list = json_array();

    for (size_t i = 0; list && i < ISMS_ARRAY_SIZE(values); i++)
        json_array_append_new(
            list, isms_page_option(values[i], values[i], chosen && strcmp(chosen, values[i]) == 0));
    return list;
}

/* The org's cloud services as options; `chosen` is an id as text. */
static int add_cloud_options(struct isms_page *page, const char *key, const char *chosen)
{
    struct isms_cloud_service *services = NULL;
    size_t count = 0;
    json_t *list;
    int error;

    if ((error = isms_cloud_service_list(&services, &count, page->req->store, page->req->org.id)) <
        0)
        return error;
    list = json_array();
    for (size_t i = 0; list && i < count; i++) {
        char id[24];
        snprintf(id, sizeof(id), "%" PRId64, services[i].id);
        json_array_append_new(
            list, isms_page_option(id, services[i].name, chosen && strcmp(chosen, id) == 0));
    }
    free(services);
    return isms_page_set(page, key, list);
}

/* ---------------------------------------------------------------- form */

/* The form as typed, kept as text to show again after an error. */
struct asset_form {
    const char *name, *type, *owner, *classification, *c, *i, *a, *location, *cloud;
    const char *period, *basis, *basis_date, *notes;
    const char *retention_template; /* a template chosen: it sets period and basis */
    char storage[5][32];            /* texts made from a stored asset */
};

static void form_from_post(struct asset_form *f, const struct isms_form *form)
{
    memset(f, 0, sizeof(*f));
    f->name = isms_form_get(form, "name");
    f->type = isms_form_get(form, "type");
    f->owner = isms_form_get(form, "owner");
    f->classification = isms_form_get(form, "classification");
    f->c = isms_form_get(form, "confidentiality");
    f->i = isms_form_get(form, "integrity");
    f->a = isms_form_get(form, "availability");
    f->location = isms_form_get(form, "location");
    f->cloud = isms_form_get(form, "cloud_service");
    f->period = isms_form_get(form, "retention_period");
    f->basis = isms_form_get(form, "retention_basis");
    f->basis_date = isms_form_get(form, "retention_basis_date");
    f->retention_template = isms_form_get(form, "retention_template");
    f->notes = isms_form_get(form, "notes");
}

static void form_from_asset(struct asset_form *f, const struct isms_asset *a)
{
    const struct isms_retention *r = &a->retention;

    memset(f, 0, sizeof(*f));
    f->name = a->name;
    f->type = isms_asset_type_name(a->type);
    f->owner = a->owner;
    f->classification = isms_asset_classification_name(a->classification);
    snprintf(f->storage[0], sizeof(f->storage[0]), "%d", a->confidentiality);
    snprintf(f->storage[1], sizeof(f->storage[1]), "%d", a->integrity);
    snprintf(f->storage[2], sizeof(f->storage[2]), "%d", a->availability);
    f->c = f->storage[0], f->i = f->storage[1], f->a = f->storage[2];
    f->location = a->location;
    if (a->cloud_service_id)
        snprintf(f->storage[3], sizeof(f->storage[3]), "%" PRId64, a->cloud_service_id);
    f->cloud = f->storage[3];
    if (r->basis != ISMS_RETENTION_NONE || r->period.permanent)
        isms_retention_period_format(f->storage[4], &r->period);
    f->period = f->storage[4];
    f->basis = isms_retention_basis_name(r->basis);
    f->basis_date = NULL; /* formatted by the caller into its own buffer */
    f->notes = a->notes;
}

static int parse_cia(int *out, const char *text, const char *field)
{
    if (text && text[0] >= '1' && text[0] <= '3' && text[1] == '\0') {
        *out = text[0] - '0';
        return 0;
    }
    return isms_error_set(ISMS_EINVALID, "choose the %s value (1 to 3)", field);
}

static bool blank(const char *text)
{
    return !text || !*text;
}

static int to_input(struct isms_asset_input *in, const struct asset_form *f)
{
    int error;

    memset(in, 0, sizeof(*in));
    in->name = f->name;
    in->owner = f->owner;
    in->location = f->location;
    in->notes = f->notes;
    if (blank(f->type))
        return isms_error_set(ISMS_EINVALID, "choose the asset type");
    if (blank(f->classification))
        return isms_error_set(ISMS_EINVALID, "choose the classification");
    if ((error = isms_asset_type_parse(&in->type, f->type)) < 0 ||
        (error = isms_asset_classification_parse(&in->classification, f->classification)) < 0 ||
        (error = parse_cia(&in->confidentiality, f->c, "confidentiality")) < 0 ||
        (error = parse_cia(&in->integrity, f->i, "integrity")) < 0 ||
        (error = parse_cia(&in->availability, f->a, "availability")) < 0)
        return error;
    if (!blank(f->cloud) &&
        isms_page_parse_id(&in->cloud_service_id, f->cloud, "cloud service") < 0)
        return isms_error_set(ISMS_EINVALID, "choose a cloud service from the list");
    const char *period = f->period, *basis = f->basis;
    if ((error = isms_retention_template_fill(&period, &basis, f->retention_template)) < 0 ||
        (error = isms_retention_parse(&in->retention, period, basis, f->basis_date)) < 0)
        return error;
    return isms_asset_check(in, NULL);
}

/* The retention templates to choose from, and the law the rule follows when
 * it is one of them. */
static json_t *template_options(const struct isms_page *page, const struct asset_form *f)
{
    const struct isms_retention_template *match = isms_retention_template_matching(f->period,
                                                                                   f->basis);
    json_t *list = json_array();

    for (size_t i = 0; list && i < isms_retention_template_count(); i++) {
        const struct isms_retention_template *t = isms_retention_template_at(i);
        char label[512];
        snprintf(label, sizeof(label), "%s — %s", isms_page_pick(page, t->name_en, t->name_ja),
                 isms_page_pick(page, t->law_en, t->law_ja));
        /* Never preselected: a period typed by hand must not lose to it on save. */
        json_array_append_new(list, isms_page_option(t->id, label, false));
    }
    return json_pack("{s:o, s:s}", "list", list, "law",
                     match ? isms_page_pick(page, match->law_en, match->law_ja) : "");
}

static json_t *form_json(const struct isms_page *page, const struct asset_form *f)
{
    return json_pack("{s:o,s:s,s:s,s:s,s:s,s:s,s:s,s:o,s:o,s:o,s:o,s:o,s:o,s:o}", "templates",
                     template_options(page, f), "name", f->name ? f->name : "", "owner",
                     f->owner ? f->owner : "", "location", f->location ? f->location : "", "period",
                     f->period ? f->period : "", "basis_date", f->basis_date ? f->basis_date : "",
                     "notes", f->notes ? f->notes : "", "types", type_options(page, f->type),
                     "classes", class_options(page, f->classification), "c", cia_options(f->c), "i",
                     cia_options(f->i), "a", cia_options(f->a), "bases",
                     basis_options(page, f->basis), "basis_none", json_boolean(blank(f->basis)));
}

/* The deletion records of the asset (A.8.10), newest first. */
static json_t *deletions_of(const struct isms_page *page, const struct isms_asset *a)
{
    struct isms_deletion_record *records = NULL;
    json_t *list = json_array();
    size_t n = 0;

    if (isms_deletion_records(&records, &n, page->req->store, page->req->org.id, a->id) < 0) {
        json_decref(list);
        return NULL;
    }
    for (size_t i = 0; list && i < n; i++) {
        char date[ISMS_DATE_SIZE];
        isms_date_format(date, &records[i].deleted_on);
        json_array_append_new(
            list, json_pack("{s:s, s:s, s:s}", "date", date, "method",
                            isms_page_pick(page, isms_deletion_method_label_en(records[i].method),
                                           isms_deletion_method_label_ja(records[i].method)),
                            "responsible", records[i].responsible));
    }
    free(records);
    return list;
}

/* The stored asset's facts beside the form: due date, deletions, times. */
static json_t *asset_facts(const struct isms_page *page, const struct isms_asset *a)
{
    char due[ISMS_DATE_SIZE] = "";
    struct isms_date today;
    json_t *deletions = deletions_of(page, a);

    isms_date_format(due, &a->deletion_due);
    isms_date_today(&today);
    return json_pack(
        "{s:I,s:s,s:b,s:b,s:o,s:o,s:o}", "id", (json_int_t)a->id, "due", due, "overdue",
        due[0] && isms_date_compare(&a->deletion_due, &today) < 0 &&
            json_array_size(deletions) == 0,
        "permanent", a->retention.period.permanent, "created", isms_page_time(page, a->created_at),
        "updated", isms_page_time(page, a->updated_at), "deletions", deletions);
}

static int render_form(struct isms_web_response *res, struct isms_web_request *req,
                       const struct asset_form *f, const struct isms_asset *stored,
                       const char *error_text, unsigned status)
{
    struct isms_page page;
    int error;

    if ((error = isms_page_init(&page, req, "assets",
                                stored ? "Information asset" : "New information asset")) < 0)
        return error;
    if ((error = isms_page_set(&page, "form", form_json(&page, f))) < 0 ||
        (error = add_cloud_options(&page, "clouds", f->cloud)) < 0 ||
        (stored && (error = isms_page_set(&page, "asset", asset_facts(&page, stored))) < 0) ||
        (error = isms_page_set_form_messages(&page, error_text)) < 0) {
        isms_page_release(&page);
        return error;
    }
    return isms_page_respond(res, &page, "asset.html", status);
}

static int load_asset(struct isms_asset *out, struct isms_web_request *req)
{
    int64_t id;
    int error;

    if ((error = isms_page_parse_id(&id, isms_web_request_param(req, "id"), "asset")) < 0)
        return error;
    return isms_asset_get(out, req->store, req->org.id, id);
}

static int handle_asset_new(struct isms_web_response *res, struct isms_web_request *req)
{
    struct asset_form f = {0};

    if (req->org_role < ISMS_ROLE_MANAGER)
        return isms_error_set(ISMS_EPERM,
                              _("only ISMS managers and administrators may register assets"));
    f.c = f.i = f.a = "2";
    return render_form(res, req, &f, NULL, NULL, 200);
}

static int handle_asset(struct isms_web_response *res, struct isms_web_request *req)
{
    char basis_date[ISMS_DATE_SIZE];
    struct isms_asset asset;
    struct asset_form f;
    int error;

    if ((error = load_asset(&asset, req)) < 0)
        return error;
    form_from_asset(&f, &asset);
    isms_date_format(basis_date, &asset.retention.basis_date);
    f.basis_date = basis_date;
    error = render_form(res, req, &f, &asset, NULL, 200);
    isms_asset_release(&asset);
    return error;
}

/* Creates (id 0) or replaces an asset from the posted form; on a user error
 * the form comes back with the input and the message. */
static int save(struct isms_web_response *res, struct isms_web_request *req,
                const struct isms_asset *stored)
{
    struct isms_asset_input in;
    struct isms_asset saved;
    struct asset_form f;
    struct isms_form form;
    int error;

    if ((error = isms_page_form(&form, req)) < 0)
        goto done;
    form_from_post(&f, &form);
    if ((error = to_input(&in, &f)) == 0)
        error = stored ? isms_asset_update(&saved, req->store, req->org.id, stored->id, &in,
                                           &req->actor)
                       : isms_asset_create(&saved, req->store, req->org.id, &in, &req->actor);
    if (isms_page_is_user_error(error)) {
        error = render_form(res, req, &f, stored, isms_error_last(),
                            (unsigned)isms_error_http_status(error));
    } else if (error == 0) {
        error = isms_page_redirect_in_org(res, req, "assets/%" PRId64 "?saved=1", saved.id);
        isms_asset_release(&saved);
    }
done:
    isms_form_release(&form);
    return error;
}

static int handle_assets_post(struct isms_web_response *res, struct isms_web_request *req)
{
    return save(res, req, NULL);
}

static int handle_asset_post(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_asset asset;
    int error;

    if ((error = load_asset(&asset, req)) < 0)
        return error;
    error = save(res, req, &asset);
    isms_asset_release(&asset);
    return error;
}

static int handle_asset_delete(struct isms_web_response *res, struct isms_web_request *req)
{
    int64_t id;
    int error;

    if ((error = isms_page_parse_id(&id, isms_web_request_param(req, "id"), "asset")) < 0 ||
        (error = isms_asset_delete(req->store, req->org.id, id, &req->actor)) < 0)
        return error;
    return isms_page_redirect_in_org(res, req, "assets?deleted=1");
}

/* ---------------------------------------------------------------- list */

struct list_query {
    const char *q, *type, *classification, *cloud, *due_before;
    long page;
};

static int read_list_query(struct list_query *lq, struct isms_asset_filter *filter,
                           const struct isms_web_request *req)
{
    const char *page = isms_web_request_query(req, "page");
    int error;

    lq->q = isms_web_request_query(req, "q");
    lq->type = isms_web_request_query(req, "type");
    lq->classification = isms_web_request_query(req, "classification");
    lq->cloud = isms_web_request_query(req, "cloud_service");
    lq->due_before = isms_web_request_query(req, "deletion_due_before");
    lq->page = 1;
    memset(filter, 0, sizeof(*filter));
    if (page && *page) {
        char *end;
        lq->page = strtol(page, &end, 10);
        if (*end || lq->page < 1 || lq->page > PAGE_NUMBER_MAX)
            return isms_error_set(ISMS_EINVALID, _("the page number must be a positive integer"));
    }
    if (!blank(lq->q) && strlen(lq->q) > ISMS_ASSET_QUERY_MAX)
        return isms_error_set(ISMS_EINVALID, _("the search text is longer than %d bytes"),
                              ISMS_ASSET_QUERY_MAX);
    filter->name_contains = blank(lq->q) ? NULL : lq->q;
    if ((!blank(lq->type) && (error = isms_asset_type_parse(&filter->type, lq->type)) < 0) ||
        (!blank(lq->classification) && (error = isms_asset_classification_parse(
                                            &filter->classification, lq->classification)) < 0) ||
        (!blank(lq->due_before) &&
         (error = isms_date_parse(&filter->due_before, lq->due_before)) < 0))
        return error;
    if (!blank(lq->cloud) &&
        isms_page_parse_id(&filter->cloud_service_id, lq->cloud, "cloud service") < 0)
        return isms_error_set(ISMS_EINVALID, "choose a cloud service from the list");
    filter->limit = PAGE_SIZE;
    filter->offset = (size_t)(lq->page - 1) * PAGE_SIZE;
    return 0;
}

/* The filters as a query string, for the page links and the downloads. */
static int filter_query(struct isms_buf *query, const struct list_query *lq)
{
    int error;

    if ((error = isms_page_query_add(query, "q", lq->q)) < 0 ||
        (error = isms_page_query_add(query, "type", lq->type)) < 0 ||
        (error = isms_page_query_add(query, "classification", lq->classification)) < 0 ||
        (error = isms_page_query_add(query, "cloud_service", lq->cloud)) < 0 ||
        (error = isms_page_query_add(query, "deletion_due_before", lq->due_before)) < 0)
        return error;
    return isms_buf_puts(query, ""); /* a C string even when empty */
}

static json_t *page_link(const struct isms_page *page, const char *query, long number)
{
    char url[1400];

    snprintf(url, sizeof(url), "/orgs/%s/assets?%s%spage=%ld", page->req->org.slug, query,
             *query ? "&" : "", number);
    return json_string(url);
}

static json_t *pager(const struct isms_page *page, const struct list_query *lq,
                     const struct isms_asset_page *assets, const char *query)
{
    long pages = (long)((assets->total + PAGE_SIZE - 1) / PAGE_SIZE);
    json_t *out = json_pack("{s:I,s:I,s:I,s:I,s:I}", "from",
                            (json_int_t)(assets->count ? (lq->page - 1) * PAGE_SIZE + 1 : 0), "to",
                            (json_int_t)((lq->page - 1) * PAGE_SIZE + (long)assets->count), "total",
                            (json_int_t)assets->total, "page", (json_int_t)lq->page, "pages",
                            (json_int_t)(pages ? pages : 1));

    if (out && lq->page > 1)
        json_object_set_new(out, "prev", page_link(page, query, lq->page - 1));
    if (out && lq->page < pages)
        json_object_set_new(out, "next", page_link(page, query, lq->page + 1));
    return out;
}

static json_t *asset_row(const struct isms_page *page, const struct isms_asset *a,
                         const struct isms_date *today)
{
    char due[ISMS_DATE_SIZE] = "";

    isms_date_format(due, &a->deletion_due);
    return json_pack("{s:I,s:s,s:s,s:s,s:s,s:s,s:i,s:i,s:i,s:s,s:s,s:s,s:b,s:b}", "id",
                     (json_int_t)a->id, "name", a->name, "type", type_label(page, a->type), "owner",
                     a->owner, "classification", class_label(page, a->classification), "class",
                     isms_asset_classification_name(a->classification), "c", a->confidentiality,
                     "i", a->integrity, "a", a->availability, "location", a->location, "cloud",
                     a->cloud_service_name, "due", due, "overdue",
                     due[0] && isms_date_compare(&a->deletion_due, today) < 0, "permanent",
                     a->retention.period.permanent);
}

static int fill_list(struct isms_page *page, const struct list_query *lq,
                     const struct isms_asset_page *assets)
{
    struct isms_buf query = ISMS_BUF_INIT(1200);
    struct isms_date today;
    json_t *rows = json_array();
    int error;

    isms_date_today(&today);
    for (size_t i = 0; rows && i < assets->count; i++)
        json_array_append_new(rows, asset_row(page, &assets->items[i], &today));
    if ((error = isms_page_set(page, "assets", rows)) < 0 || (error = filter_query(&query, lq)) < 0)
        goto done;
    if ((error = isms_page_set(page, "pager", pager(page, lq, assets, isms_buf_cstr(&query)))) <
            0 ||
        (error = isms_page_set(page, "export_query", json_string(isms_buf_cstr(&query)))) < 0 ||
        (error = isms_page_set(page, "filter",
                               json_pack("{s:s,s:s,s:o,s:o}", "q", lq->q ? lq->q : "", "due_before",
                                         lq->due_before ? lq->due_before : "", "types",
                                         type_options(page, lq->type), "classes",
                                         class_options(page, lq->classification)))) < 0)
        goto done;
    error = add_cloud_options(page, "clouds", lq->cloud);
done:
    isms_buf_release(&query);
    return error;
}

/* "Deleted." or, after an import, how many assets it added. */
static int add_list_notice(struct isms_page *page)
{
    const char *imported = isms_web_request_query(page->req, "imported");
    char text[160];

    if (isms_web_request_query(page->req, "deleted"))
        return isms_page_set_message(page, "notice", "Deleted.");
    if (!imported || !*imported || strlen(imported) > 9 ||
        strspn(imported, "0123456789") != strlen(imported))
        return 0;
    snprintf(text, sizeof(text), "%s %s", isms_page_t(page, "Assets imported:"), imported);
    return isms_page_set(page, "notice", json_string(text));
}

static int handle_assets(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_asset_filter filter;
    struct isms_asset_page assets;
    struct list_query lq;
    struct isms_page page;
    int error;

    if ((error = read_list_query(&lq, &filter, req)) < 0 ||
        (error = isms_asset_list(&assets, req->store, req->org.id, &filter)) < 0)
        return error;
    if ((error = isms_page_init(&page, req, "assets", "Information asset register")) < 0)
        goto done;
    if ((error = fill_list(&page, &lq, &assets)) < 0 || (error = add_list_notice(&page)) < 0) {
        isms_page_release(&page);
        goto done;
    }
    error = isms_page_respond(res, &page, "assets.html", 200);
done:
    isms_asset_page_release(&assets);
    return error;
}

const struct isms_web_route isms_pages_assets_routes[] = {
    {"GET", "/orgs/{org}/assets", handle_assets, ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/assets", handle_assets_post, ISMS_WEB_NEEDS_ORG},
    {"GET", "/orgs/{org}/assets/new", handle_asset_new, ISMS_WEB_NEEDS_ORG},
    {"GET", "/orgs/{org}/assets/{id}", handle_asset, ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/assets/{id}", handle_asset_post, ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/assets/{id}/delete", handle_asset_delete, ISMS_WEB_NEEDS_ORG},
    {NULL, NULL, NULL, 0},
};
