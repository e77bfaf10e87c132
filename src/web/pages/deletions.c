/*
 * The retention and deletion page (isms/deletion.h, A.8.10): the due list
 * with its counts and a filter by status, the form that records a deletion,
 * the records, and the retention templates with their laws.
 */
#include "isms_setup.h"
#include "catalog/retention_templates.h"
#include "isms/deletion.h"
#include "util/error.h"
#include "web/http/form.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/pages/pages.h"

static const char *const status_en[] = {
    "", "Overdue", "Due within 30 days", "Scheduled", "Start date not known", "Deleted"};
static const char *const status_ja[] = {"",     "期限切れ",     "30日以内に期限",
                                        "予定", "起算日が未定", "削除済み"};

static json_t *due_row(const struct isms_page *page, const struct isms_deletion_due *d)
{
    char period[ISMS_RETENTION_PERIOD_SIZE], shown[ISMS_RETENTION_PERIOD_SIZE * 2];
    char due[ISMS_DATE_SIZE], deleted[ISMS_DATE_SIZE];
    const char *basis = isms_retention_basis_name(d->retention.basis);
    const struct isms_retention_template *t;

    isms_retention_period_format(period, &d->retention.period);
    isms_retention_period_format_ja(shown, &d->retention.period);
    isms_date_format(due, &d->due);
    isms_date_format(deleted, &d->deleted_on);
    t = isms_retention_template_matching(period, basis);
    return json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:b}", "asset_id",
                     (json_int_t)d->asset_id, "name", d->name, "owner", d->owner, "period",
                     page->lang == ISMS_LANG_JA ? shown : period, "basis",
                     isms_page_pick(page, isms_retention_basis_label_en(d->retention.basis),
                                    isms_retention_basis_label_ja(d->retention.basis)),
                     "law", t ? isms_page_pick(page, t->law_en, t->law_ja) : "", "due", due,
                     "deleted", deleted, "status",
                     isms_page_pick(page, status_en[d->status], status_ja[d->status]), "overdue",
                     d->status == ISMS_DELETION_OVERDUE);
}

static json_t *record_row(const struct isms_page *page, const struct isms_deletion_record *r)
{
    char date[ISMS_DATE_SIZE];

    isms_date_format(date, &r->deleted_on);
    return json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:o}", "asset_id", (json_int_t)r->asset_id,
                     "what", r->what, "date", date, "method",
                     isms_page_pick(page, isms_deletion_method_label_en(r->method),
                                    isms_deletion_method_label_ja(r->method)),
                     "responsible", r->responsible, "evidence", r->evidence, "recorded",
                     isms_page_time(page, r->recorded_at));
}

/* The status filter as links with counts; `current` is highlighted. */
static json_t *filters(const struct isms_page *page, const struct isms_deletion_counts *c,
                       enum isms_deletion_status current)
{
    json_t *list = json_array();

    for (int s = ISMS_DELETION_OVERDUE; list && s <= ISMS_DELETION_DELETED; s++)
        json_array_append_new(
            list, json_pack("{s:s, s:s, s:I, s:b, s:b}", "value", isms_deletion_status_name(s),
                            "label", isms_page_pick(page, status_en[s], status_ja[s]), "count",
                            (json_int_t)c->by_status[s], "current", (int)current == s, "warn",
                            s == ISMS_DELETION_OVERDUE && c->by_status[s]));
    return list;
}

static json_t *method_options(const struct isms_page *page, const char *chosen)
{
    json_t *list = json_array();

    for (int m = 1; list && m <= ISMS_DELETION_METHOD_COUNT; m++)
        json_array_append_new(
            list, isms_page_option(isms_deletion_method_name(m),
                                   isms_page_pick(page, isms_deletion_method_label_en(m),
                                                  isms_deletion_method_label_ja(m)),
                                   chosen && strcmp(chosen, isms_deletion_method_name(m)) == 0));
    return list;
}

static json_t *templates(const struct isms_page *page)
{
    json_t *list = json_array();

    for (size_t i = 0; list && i < isms_retention_template_count(); i++) {
        const struct isms_retention_template *t = isms_retention_template_at(i);
        char shown[ISMS_RETENTION_PERIOD_SIZE * 2] = "";
        struct isms_retention_period p;
        if (page->lang == ISMS_LANG_JA && isms_retention_period_parse(&p, t->period) == 0)
            isms_retention_period_format_ja(shown, &p);
        json_array_append_new(list, json_pack("{s:s, s:s, s:s, s:s}", "name",
                                              isms_page_pick(page, t->name_en, t->name_ja),
                                              "period", *shown ? shown : t->period, "law",
                                              isms_page_pick(page, t->law_en, t->law_ja), "note",
                                              isms_page_pick(page, t->note_en, t->note_ja)));
    }
    return list;
}

/* `chosen`: the asset the record form starts with (a refused form's, or
 * the due list's link). */
static int add_lists(struct isms_page *page, enum isms_deletion_status status, const char *chosen,
                     const char *method)
{
    struct isms_deletion_due *items = NULL;
    struct isms_deletion_record *records = NULL;
    struct isms_deletion_counts counts;
    struct isms_date today;
    size_t n = 0, m = 0;
    json_t *due = json_array(), *open = json_array(), *done = json_array();
    int error;

    isms_date_today(&today);
    if ((error = isms_deletion_due_list(&items, &n, page->req->store, page->req->org.id, &today,
                                        0)) == 0)
        error = isms_deletion_records(&records, &m, page->req->store, page->req->org.id, 0);
    isms_deletion_count_items(&counts, items, n);
    for (size_t i = 0; error == 0 && i < n; i++) {
        if (!status || items[i].status == status)
            json_array_append_new(due, due_row(page, &items[i]));
        if (items[i].status != ISMS_DELETION_DELETED) {
            char id[24];
            snprintf(id, sizeof(id), "%" PRId64, items[i].asset_id);
            json_array_append_new(
                open, isms_page_option(id, items[i].name, chosen && strcmp(chosen, id) == 0));
        }
    }
    for (size_t i = 0; error == 0 && i < m; i++)
        json_array_append_new(done, record_row(page, &records[i]));
    free(items);
    free(records);
    if (error < 0) {
        json_decref(due);
        json_decref(open);
        json_decref(done);
        return error;
    }
    /* isms_page_set takes each value, also when it fails. */
    if ((error = isms_page_set(page, "due", due)) < 0) {
        json_decref(open);
        json_decref(done);
        return error;
    }
    if ((error = isms_page_set(page, "open_assets", open)) < 0) {
        json_decref(done);
        return error;
    }
    if ((error = isms_page_set(page, "records", done)) < 0 ||
        (error = isms_page_set(page, "filters", filters(page, &counts, status))) < 0 ||
        (error = isms_page_set(page, "all_current", json_boolean(!status))) < 0 ||
        (error = isms_page_set(page, "methods", method_options(page, method))) < 0)
        return error;
    return isms_page_set(page, "templates", templates(page));
}

static int render(struct isms_web_response *res, struct isms_web_request *req,
                  const char *error_text, const struct isms_form *form, unsigned status,
                  const void *ctx)
{
    const char *filter = isms_web_request_query(req, "status");
    const char *chosen = form ? isms_form_get(form, "asset") : isms_web_request_query(req, "asset");
    enum isms_deletion_status only = 0;
    struct isms_page page;
    int error;

    (void)ctx;
    if (filter && *filter && isms_deletion_status_parse(&only, filter) < 0)
        only = 0;
    if ((error = isms_page_init(&page, req, "deletions", "Retention and deletion")) < 0)
        return error;
    if ((error = isms_page_set_form_messages(&page, error_text)) < 0 ||
        (form && (error = isms_page_set(&page, "input", isms_page_form_input(form))) < 0) ||
        (error = add_lists(&page, only, chosen, form ? isms_form_get(form, "method") : NULL)) < 0) {
        isms_page_release(&page);
        return error;
    }
    return isms_page_respond(res, &page, "deletions.html", status);
}

static int handle_deletions(struct isms_web_response *res, struct isms_web_request *req)
{
    return render(res, req, NULL, NULL, 200, NULL);
}

static int handle_record(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_form form;
    int64_t id;
    int error;

    if ((error = isms_page_form(&form, req)) < 0)
        return error;
    error = isms_deletion_record(
        &id, req->store, req->org.id,
        &(struct isms_deletion_input){isms_form_get(&form, "asset"), isms_form_get(&form, "what"),
                                      isms_form_get(&form, "date"), isms_form_get(&form, "method"),
                                      isms_form_get(&form, "responsible"),
                                      isms_form_get(&form, "evidence"),
                                      isms_form_get(&form, "notes")},
        &req->actor);
    return isms_page_form_done(res, req, &form, error, "deletions?saved=1#records-head", render,
                               NULL);
}

const struct isms_web_route isms_pages_deletions_routes[] = {
    {"GET", "/orgs/{org}/deletions", handle_deletions, ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/deletions", handle_record, ISMS_WEB_NEEDS_ORG},
    {NULL, NULL, NULL, 0},
};
