/*
 * The business impact analysis page (isms/bia.h): the check's gaps, the
 * business processes with their objectives, the emergency contact list and
 * the exercises, each with its form. One process is bia_process.c.
 */
#include "isms_setup.h"
#include "util/error.h"
#include "web/http/id_param.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/pages/bia_common.h"

static const char *process_name(const struct isms_bia *bia, int64_t id)
{
    for (size_t i = 0; i < bia->process_count; i++)
        if (bia->processes[i].id == id)
            return bia->processes[i].name;
    return "";
}

static int add_lists(struct isms_page *page, const struct isms_bia *bia)
{
    json_t *processes = json_array(), *gaps = json_array(), *contacts = json_array(),
           *exercises = json_array();
    int error;

    for (size_t i = 0; processes && i < bia->process_count; i++)
        json_array_append_new(processes, isms_page_bia_process(page, &bia->processes[i]));
    for (size_t i = 0; gaps && i < bia->gap_count; i++)
        json_array_append_new(gaps, isms_page_bia_gap(page, &bia->gaps[i]));
    for (size_t i = 0; contacts && i < bia->contact_count; i++) {
        const struct isms_bia_contact *c = &bia->contacts[i];
        json_array_append_new(contacts, json_pack("{s:I, s:i, s:s, s:s, s:s, s:s, s:s}", "id",
                                                  (json_int_t)c->id, "priority", c->priority,
                                                  "name", c->name, "role", c->role, "phone",
                                                  c->phone, "email", c->email, "notes", c->notes));
    }
    for (size_t i = 0; exercises && i < bia->exercise_count; i++) {
        const struct isms_bia_exercise *e = &bia->exercises[i];
        char date[ISMS_DATE_SIZE];
        isms_date_format(date, &e->date);
        json_array_append_new(exercises, json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s}", "id",
                                                   (json_int_t)e->id, "date", date, "process",
                                                   process_name(bia, e->process_id), "scenario",
                                                   e->scenario, "result", e->result, "lessons",
                                                   e->lessons, "follow_up", e->follow_up));
    }
    if ((error = isms_page_set(page, "processes", processes)) < 0 ||
        (error = isms_page_set(page, "gaps", gaps)) < 0 ||
        (error = isms_page_set(page, "contacts", contacts)) < 0) {
        json_decref(exercises);
        return error;
    }
    return isms_page_set(page, "exercises", exercises);
}

/* `form` (may be NULL) is what a refused form sent, shown again. */
static int render(struct isms_web_response *res, struct isms_web_request *req,
                  const char *error_text, const struct isms_form *form, unsigned status,
                  const void *ctx)
{
    struct isms_page page;
    struct isms_bia bia;
    int error;

    (void)ctx;
    if ((error = isms_page_init(&page, req, "bia", "Business impact analysis")) < 0)
        return error;
    if ((error = isms_page_set_form_messages(&page, error_text)) < 0 ||
        (form && (error = isms_page_set(&page, "input", isms_page_form_input(form))) < 0) ||
        (error = isms_bia_load(&bia, req->store, req->org.id)) < 0) {
        isms_page_release(&page);
        return error;
    }
    error = add_lists(&page, &bia);
    isms_bia_release(&bia);
    if (error < 0) {
        isms_page_release(&page);
        return error;
    }
    return isms_page_respond(res, &page, "bia.html", status);
}

static int handle_bia(struct isms_web_response *res, struct isms_web_request *req)
{
    return render(res, req, NULL, NULL, 200, NULL);
}

static int finish(struct isms_web_response *res, struct isms_web_request *req,
                  struct isms_form *form, int error, const char *done)
{
    return isms_page_form_done(res, req, form, error, done, render, NULL);
}

static int handle_process_create(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_bia_process p;
    struct isms_form form;
    char done[64];
    int error;

    if ((error = isms_page_form(&form, req)) < 0)
        return error;
    error = isms_bia_process_save(&p, req->store, req->org.id, 0,
                                  &(struct isms_bia_process_input){
                                      isms_form_get(&form, "name"), isms_form_get(&form, "owner"),
                                      isms_form_get(&form, "mtpd"), isms_form_get(&form, "rto"),
                                      isms_form_get(&form, "rpo"), isms_form_get(&form, "rlo"),
                                      isms_form_get(&form, "description")},
                                  &req->actor);
    snprintf(done, sizeof(done), "bia/processes/%" PRId64 "?saved=1", error == 0 ? p.id : 0);
    return finish(res, req, &form, error, done);
}

static int handle_contact_add(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_form form;
    int64_t id;
    int error;

    if ((error = isms_page_form(&form, req)) < 0)
        return error;
    error = isms_bia_contact_add(&id, req->store, req->org.id,
                                 &(struct isms_bia_contact_input){
                                     isms_form_get(&form, "name"), isms_form_get(&form, "role"),
                                     isms_form_get(&form, "phone"), isms_form_get(&form, "email"),
                                     isms_form_get(&form, "priority"),
                                     isms_form_get(&form, "notes")},
                                 &req->actor);
    return finish(res, req, &form, error, "bia?saved=1#contacts-head");
}

static int handle_exercise_add(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_form form;
    int64_t id;
    int error;

    if ((error = isms_page_form(&form, req)) < 0)
        return error;
    error = isms_bia_exercise_add(
        &id, req->store, req->org.id,
        &(struct isms_bia_exercise_input){
            isms_form_get(&form, "date"), isms_form_get(&form, "process"),
            isms_form_get(&form, "scenario"), isms_form_get(&form, "result"),
            isms_form_get(&form, "lessons"), isms_form_get(&form, "follow_up")},
        &req->actor);
    return finish(res, req, &form, error, "bia?saved=1#exercises-head");
}

static int delete_record(struct isms_web_response *res, struct isms_web_request *req,
                         enum isms_bia_record what, const char *param, const char *done)
{
    struct isms_form form;
    int64_t id;
    int error;

    if ((error = isms_page_form(&form, req)) < 0)
        return error;
    if ((error = isms_web_parse_id(&id, isms_web_request_param(req, param), ISMS_ENOTFOUND,
                                   param)) == 0)
        error = isms_bia_delete(req->store, req->org.id, what, id, &req->actor);
    return finish(res, req, &form, error, done);
}

static int handle_contact_delete(struct isms_web_response *res, struct isms_web_request *req)
{
    return delete_record(res, req, ISMS_BIA_CONTACT, "contact", "bia?deleted=1#contacts-head");
}

static int handle_exercise_delete(struct isms_web_response *res, struct isms_web_request *req)
{
    return delete_record(res, req, ISMS_BIA_EXERCISE, "exercise", "bia?deleted=1#exercises-head");
}

static int handle_process_delete(struct isms_web_response *res, struct isms_web_request *req)
{
    return delete_record(res, req, ISMS_BIA_PROCESS, "process", "bia?deleted=1");
}

const struct isms_web_route isms_pages_bia_routes[] = {
    {"GET", "/orgs/{org}/bia", handle_bia, ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/bia/processes", handle_process_create, ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/bia/processes/{process}/delete", handle_process_delete,
     ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/bia/contacts", handle_contact_add, ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/bia/contacts/{contact}/delete", handle_contact_delete,
     ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/bia/exercises", handle_exercise_add, ISMS_WEB_NEEDS_ORG},
    {"POST", "/orgs/{org}/bia/exercises/{exercise}/delete", handle_exercise_delete,
     ISMS_WEB_NEEDS_ORG},
    {NULL, NULL, NULL, 0},
};
