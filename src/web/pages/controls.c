/*
 * Control implementation pages: the applicable controls with their status
 * and level (梅/竹/松), and one control's form with the built-in guidance of
 * its levels, its level history and evidence (isms/control_impl.h).
 */
#include "isms_setup.h"
#include "export/maturity_svg.h"
#include "isms/control_impl.h"
#include "util/error.h"
#include "web/http/form.h"
#include "web/http/i18n.h"
#include "web/http/id_param.h"
#include "web/http/multipart.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/pages/evidence_form.h"
#include "web/pages/pages.h"

static const char *const status_en[] = {"", "Not started", "Planned", "Partially implemented",
                                        "Implemented"};

static const char *status_label(const struct isms_page *page, enum isms_control_status s)
{
    return isms_page_pick(page, status_en[s], isms_control_status_label_ja(s));
}

static const char *level_label(const struct isms_page *page, enum isms_control_level l)
{
    return isms_page_level_label(page, l);
}

static json_t *date_text(const struct isms_date *d)
{
    char text[ISMS_DATE_SIZE];

    isms_date_format(text, d);
    return json_string(text);
}

static json_t *row_json(const struct isms_page *page, const struct isms_control_row *r)
{
    const struct isms_control_impl *c = &r->impl;

    return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:b, s:o, s:i}", "control_id", c->control_id,
                     "title", isms_page_pick(page, r->control->title_en, r->control->title_ja),
                     "status", status_label(page, c->status), "level", level_label(page, c->level),
                     "target", level_label(page, c->target_level), "owner", c->owner, "new",
                     r->guidance != NULL, "due", date_text(&c->due), "evidence", c->evidence_count);
}

int isms_page_add_maturity(struct isms_page *page)
{
    struct isms_buf svg = ISMS_BUF_INIT(64 * 1024);
    struct isms_control_row *rows = NULL;
    struct isms_maturity m;
    size_t count = 0;
    int error;

    if ((error = isms_control_impl_list(&rows, &count, page->req->store, page->req->org.id)) < 0)
        return error;
    isms_maturity_count(&m, rows, count);
    isms_control_rows_free(rows, count);
    if ((error = isms_maturity_svg(&svg, &m, isms_lang_code(page->lang))) == 0)
        error = isms_page_set(page, "maturity", json_string(isms_buf_cstr(&svg)));
    isms_buf_release(&svg);
    return error;
}

static int handle_controls(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_control_row *rows = NULL;
    struct isms_page page;
    size_t count = 0;
    json_t *list;
    int error;

    if ((error = isms_page_init(&page, req, "controls", "Control implementation")) < 0)
        return error;
    if ((error = isms_control_impl_list(&rows, &count, req->store, req->org.id)) < 0) {
        isms_page_release(&page);
        return error;
    }
    list = json_array();
    for (size_t i = 0; list && i < count; i++)
        json_array_append_new(list, row_json(&page, &rows[i]));
    isms_control_rows_free(rows, count);
    if ((error = isms_page_set(&page, "controls", list)) < 0 ||
        (error = isms_page_add_maturity(&page)) < 0) {
        isms_page_release(&page);
        return error;
    }
    return isms_page_respond(res, &page, "controls.html", 200);
}

static json_t *options(const struct isms_page *page, int first, int last, int current, bool level)
{
    json_t *list = json_array();

    for (int v = first; list && v <= last; v++)
        json_array_append_new(
            list, isms_page_option(
                      level ? (v ? isms_control_level_name(v) : "") : isms_control_status_name(v),
                      level ? level_label(page, v) : status_label(page, v), v == current));
    return list;
}

static int add_history(struct isms_page *page, const char *control_id)
{
    struct isms_control_level_change *changes = NULL;
    struct isms_evidence *evidence = NULL;
    size_t n = 0, m = 0;
    json_t *history = json_array(), *files = json_array();
    int error;

    if ((error = isms_control_level_history(&changes, &n, page->req->store, page->req->org.id,
                                            control_id)) < 0 ||
        (error = isms_control_evidence_list(&evidence, &m, page->req->store, page->req->org.id,
                                            control_id)) < 0) {
        free(changes);
        json_decref(history);
        json_decref(files);
        return error;
    }
    for (size_t i = 0; history && i < n; i++)
        json_array_append_new(history, json_pack("{s:s, s:s, s:o, s:s}", "from",
                                                 level_label(page, changes[i].from), "to",
                                                 level_label(page, changes[i].to), "at",
                                                 isms_page_time(page, changes[i].changed_at), "by",
                                                 changes[i].changed_by));
    for (size_t i = 0; files && i < m; i++)
        json_array_append_new(files,
                              json_pack("{s:I, s:s, s:s, s:s, s:I, s:s, s:o}", "id",
                                        (json_int_t)evidence[i].id, "name", evidence[i].name, "url",
                                        evidence[i].url, "sha256", evidence[i].sha256, "size",
                                        (json_int_t)evidence[i].size, "by", evidence[i].added_by,
                                        "at", isms_page_time(page, evidence[i].added_at)));
    free(changes);
    free(evidence);
    if ((error = isms_page_set(page, "history", history)) < 0) {
        json_decref(files);
        return error;
    }
    return isms_page_set(page, "evidence", files);
}

static int render(struct isms_web_response *res, struct isms_web_request *req,
                  const struct isms_control_row *row, const char *error_text, unsigned status)
{
    const struct isms_control_impl *c = &row->impl;
    char last[ISMS_DATE_SIZE], next[ISMS_DATE_SIZE], due[ISMS_DATE_SIZE];
    struct isms_page page;
    int error;

    if ((error = isms_page_init(&page, req, "controls", "Control implementation")) < 0)
        return error;
    isms_date_format(due, &c->due);
    isms_date_format(last, &c->last_review);
    isms_date_format(next, &c->next_review);
    if ((error = isms_page_set_form_messages(&page, error_text)) < 0 ||
        (error = isms_page_set(
             &page, "control",
             json_pack("{s:s, s:s, s:o, s:o, s:o, s:s, s:s, s:s, s:s, s:i, s:s, s:o}", "control_id",
                       c->control_id, "title",
                       isms_page_pick(&page, row->control->title_en, row->control->title_ja),
                       "statuses",
                       options(&page, ISMS_CONTROL_NOT_STARTED, ISMS_CONTROL_IMPLEMENTED, c->status,
                               false),
                       "levels", options(&page, 0, ISMS_LEVEL_ADVANCED, c->level, true), "targets",
                       options(&page, 0, ISMS_LEVEL_ADVANCED, c->target_level, true), "owner",
                       c->owner, "due", due, "last_review", last, "next_review", next, "interval",
                       c->review_interval_months, "notes", c->notes ? c->notes : "", "guidance",
                       isms_page_level_guidance(&page, row->guidance)))) < 0 ||
        (error = add_history(&page, c->control_id)) < 0 ||
        (error = isms_page_add_checklist_runs(&page, c->control_id)) < 0) {
        isms_page_release(&page);
        return error;
    }
    return isms_page_respond(res, &page, "control.html", status);
}

static int handle_control(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_control_row row;
    int error;

    if ((error = isms_control_impl_get(&row, req->store, req->org.id,
                                       isms_web_request_param(req, "control"))) < 0)
        return error;
    error = render(res, req, &row, NULL, 200);
    isms_control_impl_release(&row.impl);
    return error;
}

/* The values the user sent, over the stored ones, for a refused form: what
 * was typed is shown again, not lost. Values that do not parse keep the
 * stored ones (the error message names them). */
static void keep_input(struct isms_control_impl *impl, const struct isms_form *form)
{
    const char *notes = isms_form_get(form, "notes");
    const char *level = isms_form_get(form, "level"), *target = isms_form_get(form, "target_level");
    enum isms_control_status status;
    enum isms_control_level l;
    struct isms_date d;
    char *copy;

    if (isms_control_status_parse(&status, isms_form_get(form, "status")) == 0)
        impl->status = status;
    if (level)
        impl->level = *level && isms_control_level_parse(&l, level) == 0 ? l : ISMS_LEVEL_NONE;
    if (target)
        impl->target_level = *target && isms_control_level_parse(&l, target) == 0 ? l
                                                                                  : ISMS_LEVEL_NONE;
    if (isms_date_parse(&d, isms_form_get(form, "due") ? isms_form_get(form, "due") : "") == 0)
        impl->due = d;
    if (notes && (copy = strdup(notes))) {
        free(impl->notes);
        impl->notes = copy;
    }
}

static int handle_control_post(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *id = isms_web_request_param(req, "control");
    struct isms_control_impl_change change;
    struct isms_control_row row;
    struct isms_form form;
    int error;

    if ((error = isms_page_form(&form, req)) < 0)
        return error;
    change = (struct isms_control_impl_change){isms_form_get(&form, "status"),
                                               isms_form_get(&form, "level"),
                                               isms_form_get(&form, "target_level"),
                                               NULL,
                                               isms_form_get(&form, "due"),
                                               isms_form_get(&form, "last_review"),
                                               NULL,
                                               -1,
                                               isms_form_get(&form, "notes")};
    if ((error = isms_control_review_interval_parse(
             &change.review_interval_months, isms_form_get(&form, "review_interval_months"))) ==
            0 &&
        (error = isms_control_impl_set(&row, req->store, req->org.id, id, &change, &req->actor)) ==
            0) {
        isms_control_impl_release(&row.impl);
        error = isms_page_redirect_in_org(res, req, "controls/%s?saved=1", row.impl.control_id);
    } else if (isms_page_is_user_error(error) &&
               isms_control_impl_get(&row, req->store, req->org.id, id) == 0) {
        char message[512];
        snprintf(message, sizeof(message), "%s", isms_error_last());
        keep_input(&row.impl, &form);
        error = render(res, req, &row, message, 400);
        isms_control_impl_release(&row.impl);
    }
    isms_form_release(&form);
    return error;
}

/* A refused upload shows the control again with the reason. */
static int refuse_evidence(struct isms_web_response *res, struct isms_web_request *req, int error)
{
    struct isms_control_row row;
    char message[512];

    snprintf(message, sizeof(message), "%s", isms_error_last());
    if ((error = isms_control_impl_get(&row, req->store, req->org.id,
                                       isms_web_request_param(req, "control"))) < 0)
        return error;
    error = render(res, req, &row, message, 400);
    isms_control_impl_release(&row.impl);
    return error;
}

/* The evidence form sends a file (its name defaults to the file's) or a link. */
static int handle_evidence_post(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *id = isms_web_request_param(req, "control");
    struct isms_page_evidence given;
    struct isms_evidence added;
    struct isms_multipart mp;
    int error;

    if ((error = isms_multipart_parse(&mp, req, "file", ISMS_EVIDENCE_FILE_MAX)) == 0 &&
        (error = isms_page_evidence_of(&given, &mp)) == 0)
        error = isms_control_evidence_add(&added, req->store, req->org.id, id, given.name,
                                          given.data, given.len, given.url, &req->actor);
    isms_multipart_release(&mp);
    if (error == 0)
        return isms_page_redirect_in_org(res, req, "controls/%s?saved=1#evidence-head", id);
    return isms_page_is_user_error(error) ? refuse_evidence(res, req, error) : error;
}

static int handle_evidence_get(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_evidence_file file;
    int64_t evidence_id;
    int error;

    if ((error = isms_web_parse_id(&evidence_id, isms_web_request_param(req, "evidence"),
                                   ISMS_ENOTFOUND, "evidence")) < 0 ||
        (error = isms_control_evidence_file(&file, req->store, req->org.id,
                                            isms_web_request_param(req, "control"), evidence_id)) <
            0)
        return error;
    /* Never shown inline: an uploaded HTML file must not run as our page. */
    return isms_web_respond_attachment(res, "application/octet-stream", file.content, file.len,
                                       file.meta.name);
}

const struct isms_web_route isms_pages_controls_routes[] = {
    {"GET", "/orgs/{org}/controls", handle_controls, ISMS_WEB_NEEDS_ORG},
    {"GET", "/orgs/{org}/controls/{control}", handle_control, ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/controls/{control}", handle_control_post, ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/controls/{control}/evidence", handle_evidence_post,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_LARGE_BODY},
    {"GET", "/orgs/{org}/controls/{control}/evidence/{evidence}", handle_evidence_get,
     ISMS_WEB_NEEDS_ORG},
    {NULL, NULL, NULL, 0},
};
