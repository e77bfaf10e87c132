/*
 * Checklists (isms/checklist.h): the templates, the org's own templates,
 * runs and their results.
 */
#include "isms_setup.h"
#include "export/checklist_json.h"
#include "export/json_util.h"
#include "isms/checklist.h"
#include "util/error.h"
#include "web/http/id_param.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"

/* ?control=8.28 narrows the runs to those that are evidence for it. */
static int handle_list(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_checklist_template *templates = NULL;
    struct isms_checklist_run *runs = NULL;
    size_t n = 0, m = 0;
    json_t *t, *r;
    bool ok = true;
    int error;

    if ((error = isms_checklist_templates(&templates, &n, req->store, req->org.id)) < 0)
        return error;
    if ((error = isms_checklist_runs(&runs, &m, req->store, req->org.id,
                                     isms_web_request_query(req, "control"))) < 0) {
        isms_checklist_templates_free(templates, n);
        return error;
    }
    t = json_array();
    r = json_array();
    for (size_t i = 0; ok && i < n; i++)
        ok = isms_json_append(t, isms_json_checklist_template(&templates[i], false));
    for (size_t i = 0; ok && i < m; i++)
        ok = isms_json_append(r, isms_json_checklist_run(&runs[i]));
    isms_checklist_templates_free(templates, n);
    free(runs);
    if (!ok) {
        json_decref(t);
        json_decref(r);
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    }
    return isms_web_respond_json(res, 200, json_pack("{s:o, s:o}", "templates", t, "runs", r));
}

static int handle_template_get(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_checklist_template t;
    json_t *value;
    int error;

    if ((error = isms_checklist_template_load(&t, req->store, req->org.id,
                                              isms_web_request_param(req, "template"))) < 0)
        return error;
    value = isms_json_checklist_template(&t, true);
    isms_checklist_template_release(&t);
    return isms_web_respond_json(res, 200, value);
}

/* {"name", "control", "source", "items": [{"control", "text"}] or "one per line"} */
static int read_items(struct isms_checklist_item **out, size_t *count, const json_t *items)
{
    struct isms_checklist_item *list;
    size_t n = json_array_size(items);
    int error = 0;

    if (json_is_string(items))
        return isms_checklist_items_parse(out, count, json_string_value(items));
    if (!json_is_array(items) || !n)
        return isms_error_set(ISMS_EINVALID, _("a checklist needs at least one item"));
    if (n > ISMS_CHECKLIST_ITEMS_MAX)
        return isms_error_set(ISMS_ETOOBIG, _("a checklist has at most 500 items"));
    if (!(list = calloc(n, sizeof(*list))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    for (size_t i = 0; error == 0 && i < n; i++) {
        const char *control = NULL, *text = NULL;
        char line[ISMS_CHECKLIST_TEXT_MAX + 40];
        struct isms_checklist_item *one = NULL;
        size_t k = 0;
        if ((error = isms_json_optional_string(&control, json_array_get(items, i), "control")) <
                0 ||
            (error = isms_json_optional_string(&text, json_array_get(items, i), "text")) < 0)
            break;
        /* One line through the same parser: the same checks, the control resolved. */
        snprintf(line, sizeof(line), "%s %s", control ? control : "", text ? text : "");
        if ((error = isms_checklist_items_parse(&one, &k, line)) == 0 && control && *control &&
            !*one[0].control_id)
            error = isms_error_set(ISMS_EINVALID, _("'%.40s' is not an Annex A or CLD control"),
                                   control);
        if (error == 0)
            list[i] = one[0];
        free(one);
    }
    if (error < 0) {
        free(list);
        return error;
    }
    *out = list;
    *count = n;
    return 0;
}

static int handle_template_create(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *name, *control, *source;
    struct isms_checklist_item *items = NULL;
    char key[ISMS_CHECKLIST_KEY_MAX + 1];
    size_t n = 0;
    int64_t id;
    int error;

    if ((error = isms_json_optional_string(&name, req->json, "name")) < 0 ||
        (error = isms_json_optional_string(&control, req->json, "control")) < 0 ||
        (error = isms_json_optional_string(&source, req->json, "source")) < 0 ||
        (error = read_items(&items, &n, json_object_get(req->json, "items"))) < 0)
        return error;
    error = isms_checklist_template_create(&id, req->store, req->org.id, name, control, source,
                                           items, n, &req->actor);
    free(items);
    if (error < 0)
        return error;
    snprintf(key, sizeof(key), "custom-%" PRId64, id);
    return isms_web_respond_json(res, 201, json_pack("{s:s}", "key", key));
}

static int run_id(int64_t *id, const struct isms_web_request *req)
{
    return isms_web_parse_id(id, isms_web_request_param(req, "run"), ISMS_ENOTFOUND,
                             "checklist run");
}

static int respond_run(struct isms_web_response *res, struct isms_web_request *req, int64_t id,
                       unsigned status)
{
    struct isms_checklist_result *results = NULL;
    struct isms_checklist_run run;
    size_t n = 0;
    json_t *out, *items;
    bool ok;
    int error;

    if ((error = isms_checklist_run_get(&run, &results, &n, req->store, req->org.id, id)) < 0)
        return error;
    out = isms_json_checklist_run(&run);
    items = json_array();
    ok = out && items;
    for (size_t i = 0; ok && i < n; i++)
        ok = isms_json_append(items, isms_json_checklist_result(&results[i]));
    free(results);
    if (!ok)
        json_decref(items);
    return isms_web_respond_json(res, status,
                                 isms_json_done(out, ok && isms_json_set(out, "results", items)));
}

static int handle_run_start(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *template, *title;
    int64_t id;
    int error;

    if ((error = isms_json_optional_string(&template, req->json, "template")) < 0 ||
        (error = isms_json_optional_string(&title, req->json, "title")) < 0 ||
        (error = isms_checklist_run_start(&id, req->store, req->org.id, template, title,
                                          &req->actor)) < 0)
        return error;
    return respond_run(res, req, id, 201);
}

static int handle_run_get(struct isms_web_response *res, struct isms_web_request *req)
{
    int64_t id;
    int error = run_id(&id, req);

    return error < 0 ? error : respond_run(res, req, id, 200);
}

/* {"results": [{"no", "result", "note", "evidence"}]} */
static int handle_run_put(struct isms_web_response *res, struct isms_web_request *req)
{
    const json_t *list = json_object_get(req->json, "results");
    struct isms_checklist_answer *answers;
    size_t n = json_array_size(list);
    int64_t id;
    int error;

    if ((error = run_id(&id, req)) < 0)
        return error;
    if (!json_is_array(list) || n > ISMS_CHECKLIST_ITEMS_MAX)
        return isms_error_set(ISMS_EINVALID, _("'results' must be a list of at most 500 items"));
    if (!(answers = calloc(n ? n : 1, sizeof(*answers))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    for (size_t i = 0; error == 0 && i < n; i++) {
        const json_t *a = json_array_get(list, i), *no = json_object_get(a, "no");
        if (!json_is_integer(no) || json_integer_value(no) < 1 ||
            json_integer_value(no) > ISMS_CHECKLIST_ITEMS_MAX)
            error = isms_error_set(ISMS_EINVALID, _("every result needs its item 'no'"));
        else if ((error = isms_json_optional_string(&answers[i].result, a, "result")) == 0 &&
                 (error = isms_json_optional_string(&answers[i].note, a, "note")) == 0)
            error = isms_json_optional_string(&answers[i].evidence, a, "evidence");
        answers[i].no = (int)json_integer_value(no);
    }
    if (error == 0)
        error = isms_checklist_record(req->store, req->org.id, id, answers, n, &req->actor);
    free(answers);
    return error < 0 ? error : respond_run(res, req, id, 200);
}

#define ORG ISMS_WEB_NEEDS_ORG
#define ORG_JSON (ISMS_WEB_NEEDS_ORG | ISMS_WEB_NEEDS_JSON)

const struct isms_web_route isms_api_checklists_routes[] = {
    {"GET", "/api/orgs/{org}/checklists", handle_list, ORG},
    {"GET", "/api/orgs/{org}/checklists/templates/{template}", handle_template_get, ORG},
    {"POST", "/api/orgs/{org}/checklists/templates", handle_template_create, ORG_JSON},
    {"POST", "/api/orgs/{org}/checklists/runs", handle_run_start, ORG_JSON},
    {"GET", "/api/orgs/{org}/checklists/runs/{run}", handle_run_get, ORG},
    {"PUT", "/api/orgs/{org}/checklists/runs/{run}", handle_run_put, ORG_JSON},
    {NULL, NULL, NULL, 0},
};
