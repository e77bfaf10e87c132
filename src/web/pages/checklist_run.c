/*
 * One checklist run: every item with its control and a result (ok / not ok
 * / not applicable), a note and evidence, saved together.
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

static const char *const result_en[] = {"Not answered", "OK", "Not OK", "Not applicable"};
static const char *const result_ja[] = {"未記入", "適合", "否", "対象外"};

/* The choices of one item; a refused form's answer wins over the stored one. */
static json_t *choices(const struct isms_page *page, enum isms_check_result current)
{
    json_t *list = json_array();

    for (int r = ISMS_CHECK_OK; list && r < ISMS_CHECK_RESULTS; r++)
        json_array_append_new(list,
                              json_pack("{s:s, s:s, s:b}", "value", isms_check_result_name(r),
                                        "label", isms_page_pick(page, result_en[r], result_ja[r]),
                                        "checked", (int)current == r));
    return list;
}

static json_t *result_row(const struct isms_page *page, const struct isms_checklist_result *r,
                          const struct isms_form *form)
{
    char key[3][32];
    const char *note = r->note, *evidence = r->evidence;
    enum isms_check_result current = r->result, typed;

    snprintf(key[0], sizeof(key[0]), "result_%d", r->no);
    snprintf(key[1], sizeof(key[1]), "note_%d", r->no);
    snprintf(key[2], sizeof(key[2]), "evidence_%d", r->no);
    if (form) {
        if (isms_check_result_parse(&typed, isms_form_get(form, key[0])) == 0)
            current = typed;
        note = isms_form_get(form, key[1]) ? isms_form_get(form, key[1]) : note;
        evidence = isms_form_get(form, key[2]) ? isms_form_get(form, key[2]) : evidence;
    }
    return json_pack(
        "{s:i, s:s, s:s, s:o, s:s, s:s, s:b}", "no", r->no, "control", r->item.control_id, "text",
        isms_page_pick(page, r->item.text_en, r->item.text_ja), "choices", choices(page, current),
        "note", note, "evidence", evidence, "ng", current == ISMS_CHECK_NG);
}

static int render(struct isms_web_response *res, struct isms_web_request *req,
                  const char *error_text, const struct isms_form *form, unsigned status,
                  const void *ctx)
{
    int64_t id = *(const int64_t *)ctx;
    struct isms_checklist_result *results = NULL;
    struct isms_checklist_run run;
    struct isms_page page;
    json_t *items;
    size_t n = 0;
    int error;

    if ((error = isms_checklist_run_get(&run, &results, &n, req->store, req->org.id, id)) < 0)
        return error;
    if ((error = isms_page_init(&page, req, "checklists", "Checklists")) < 0) {
        free(results);
        return error;
    }
    items = json_array();
    for (size_t i = 0; items && i < n; i++)
        json_array_append_new(items, result_row(&page, &results[i], form));
    free(results);
    if ((error = isms_page_set_form_messages(&page, error_text)) < 0 ||
        (error = isms_page_set(&page, "items", items)) < 0 ||
        (error = isms_page_set(
             &page, "run",
             json_pack("{s:I, s:s, s:s, s:s, s:s, s:o, s:i, s:i, s:i, s:i}", "id",
                       (json_int_t)run.id, "name", isms_page_pick(&page, run.name_en, run.name_ja),
                       "title", run.title, "control", run.control_id, "by", run.started_by,
                       "started", isms_page_time(&page, run.started_at), "open",
                       run.counts[ISMS_CHECK_OPEN], "ok", run.counts[ISMS_CHECK_OK], "ng",
                       run.counts[ISMS_CHECK_NG], "na", run.counts[ISMS_CHECK_NA]))) < 0) {
        isms_page_release(&page);
        return error;
    }
    return isms_page_respond(res, &page, "checklist_run.html", status);
}

static int run_id(int64_t *id, const struct isms_web_request *req)
{
    return isms_web_parse_id(id, isms_web_request_param(req, "run"), ISMS_ENOTFOUND,
                             "checklist run");
}

static int handle_run(struct isms_web_response *res, struct isms_web_request *req)
{
    int64_t id;
    int error = run_id(&id, req);

    return error < 0 ? error : render(res, req, NULL, NULL, 200, &id);
}

/* result_N, note_N and evidence_N for every item N the form has. */
static int read_answers(struct isms_checklist_answer *answers, size_t *count,
                        const struct isms_form *form)
{
    *count = 0;
    for (int no = 1; no <= ISMS_CHECKLIST_ITEMS_MAX; no++) {
        char key[3][32];
        snprintf(key[0], sizeof(key[0]), "result_%d", no);
        snprintf(key[1], sizeof(key[1]), "note_%d", no);
        snprintf(key[2], sizeof(key[2]), "evidence_%d", no);
        if (!isms_form_get(form, key[1]) && !isms_form_get(form, key[0]))
            break;
        answers[(*count)++] = (struct isms_checklist_answer){
            no, isms_form_get(form, key[0]) ? isms_form_get(form, key[0]) : "",
            isms_form_get(form, key[1]), isms_form_get(form, key[2])};
    }
    return 0;
}

static int handle_run_post(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_checklist_answer *answers;
    struct isms_form form;
    char location[96];
    size_t n = 0;
    int64_t id;
    int error;

    if ((error = run_id(&id, req)) < 0 || (error = isms_page_form(&form, req)) < 0)
        return error;
    if (!(answers = calloc(ISMS_CHECKLIST_ITEMS_MAX, sizeof(*answers)))) {
        isms_form_release(&form);
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    }
    if ((error = read_answers(answers, &n, &form)) == 0)
        error = isms_checklist_record(req->store, req->org.id, id, answers, n, &req->actor);
    free(answers);
    snprintf(location, sizeof(location), "checklists/runs/%" PRId64 "?saved=1", id);
    return isms_page_form_done(res, req, &form, error, location, render, &id);
}

const struct isms_web_route isms_pages_checklist_run_routes[] = {
    {"GET", "/orgs/{org}/checklists/runs/{run}", handle_run, ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/checklists/runs/{run}", handle_run_post, ISMS_WEB_NEEDS_ORG},
    {NULL, NULL, NULL, 0},
};
