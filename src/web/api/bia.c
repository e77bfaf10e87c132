/*
 * Business impact analysis (isms/bia.h): the whole BIA with its check, and
 * its processes, dependencies, emergency contacts and exercises.
 */
#include "isms_setup.h"
#include "export/bia_json.h"
#include "export/json_util.h"
#include "util/error.h"
#include "web/http/id_param.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"

/* Up to eight text fields of the body, strings or integers. */
struct fields {
    const char *value[8];
    char number[8][ISMS_JSON_NUMBER_SIZE];
};

static int read_fields(struct fields *f, const json_t *body, const char *const *keys, size_t n)
{
    int error = 0;

    for (size_t i = 0; error == 0 && i < n; i++)
        error = isms_json_optional_text(&f->value[i], f->number[i], body, keys[i]);
    return error;
}

static int handle_bia(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_bia bia;
    json_t *value;
    int error;

    if ((error = isms_bia_load(&bia, req->store, req->org.id)) < 0)
        return error;
    value = isms_json_bia(&bia);
    isms_bia_release(&bia);
    return isms_web_respond_json(res, 200, value);
}

static int path_id(int64_t *id, const struct isms_web_request *req, const char *param)
{
    return isms_web_parse_id(id, isms_web_request_param(req, param), ISMS_ENOTFOUND, param);
}

static int save_process(struct isms_web_response *res, struct isms_web_request *req, int64_t id)
{
    static const char *const keys[] = {"name", "owner",       "mtpd",       "rto",
                                       "rpo",  "rlo_percent", "description"};
    struct isms_bia_process p;
    struct fields f;
    int error;

    if ((error = read_fields(&f, req->json, keys, ISMS_ARRAY_SIZE(keys))) < 0 ||
        (error = isms_bia_process_save(
             &p, req->store, req->org.id, id,
             &(struct isms_bia_process_input){f.value[0], f.value[1], f.value[2], f.value[3],
                                              f.value[4], f.value[5], f.value[6]},
             &req->actor)) < 0)
        return error;
    return isms_web_respond_json(res, id ? 200 : 201, isms_json_bia_process(&p));
}

static int handle_process_create(struct isms_web_response *res, struct isms_web_request *req)
{
    return save_process(res, req, 0);
}

static int handle_process_put(struct isms_web_response *res, struct isms_web_request *req)
{
    int64_t id;
    int error = path_id(&id, req, "process");

    return error < 0 ? error : save_process(res, req, id);
}

static int handle_process_get(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_bia_process p;
    int64_t id;
    int error;

    if ((error = path_id(&id, req, "process")) < 0 ||
        (error = isms_bia_process_get(&p, req->store, req->org.id, id)) < 0)
        return error;
    return isms_web_respond_json(res, 200, isms_json_bia_process(&p));
}

static int respond_created(struct isms_web_response *res, int64_t id)
{
    return isms_web_respond_json(res, 201, json_pack("{s:I}", "id", (json_int_t)id));
}

static int handle_dependency_add(struct isms_web_response *res, struct isms_web_request *req)
{
    static const char *const keys[] = {"kind",           "ref",  "name", "recovery_time",
                                       "recovery_point", "notes"};
    int64_t process, id;
    struct fields f;
    int error;

    if ((error = path_id(&process, req, "process")) < 0 ||
        (error = read_fields(&f, req->json, keys, ISMS_ARRAY_SIZE(keys))) < 0 ||
        (error = isms_bia_dependency_add(
             &id, req->store, req->org.id, process,
             &(struct isms_bia_dependency_input){f.value[0], f.value[1], f.value[2], f.value[3],
                                                 f.value[4], f.value[5]},
             &req->actor)) < 0)
        return error;
    return respond_created(res, id);
}

static int handle_contact_add(struct isms_web_response *res, struct isms_web_request *req)
{
    static const char *const keys[] = {"name", "role", "phone", "email", "priority", "notes"};
    struct fields f;
    int64_t id;
    int error;

    if ((error = read_fields(&f, req->json, keys, ISMS_ARRAY_SIZE(keys))) < 0 ||
        (error = isms_bia_contact_add(&id, req->store, req->org.id,
                                      &(struct isms_bia_contact_input){f.value[0], f.value[1],
                                                                       f.value[2], f.value[3],
                                                                       f.value[4], f.value[5]},
                                      &req->actor)) < 0)
        return error;
    return respond_created(res, id);
}

static int handle_exercise_add(struct isms_web_response *res, struct isms_web_request *req)
{
    static const char *const keys[] = {"date",   "process_id", "scenario",
                                       "result", "lessons",    "follow_up"};
    struct fields f;
    int64_t id;
    int error;

    if ((error = read_fields(&f, req->json, keys, ISMS_ARRAY_SIZE(keys))) < 0 ||
        (error = isms_bia_exercise_add(&id, req->store, req->org.id,
                                       &(struct isms_bia_exercise_input){f.value[0], f.value[1],
                                                                         f.value[2], f.value[3],
                                                                         f.value[4], f.value[5]},
                                       &req->actor)) < 0)
        return error;
    return respond_created(res, id);
}

static int delete_record(struct isms_web_response *res, struct isms_web_request *req,
                         enum isms_bia_record what, const char *param)
{
    int64_t id;
    int error;

    if ((error = path_id(&id, req, param)) < 0 ||
        (error = isms_bia_delete(req->store, req->org.id, what, id, &req->actor)) < 0)
        return error;
    return isms_web_respond_no_content(res);
}

static int handle_process_delete(struct isms_web_response *res, struct isms_web_request *req)
{
    return delete_record(res, req, ISMS_BIA_PROCESS, "process");
}

static int handle_dependency_delete(struct isms_web_response *res, struct isms_web_request *req)
{
    return delete_record(res, req, ISMS_BIA_DEPENDENCY, "dependency");
}

static int handle_contact_delete(struct isms_web_response *res, struct isms_web_request *req)
{
    return delete_record(res, req, ISMS_BIA_CONTACT, "contact");
}

static int handle_exercise_delete(struct isms_web_response *res, struct isms_web_request *req)
{
    return delete_record(res, req, ISMS_BIA_EXERCISE, "exercise");
}

#define ORG ISMS_WEB_NEEDS_ORG
#define ORG_JSON (ISMS_WEB_NEEDS_ORG | ISMS_WEB_NEEDS_JSON)

const struct isms_web_route isms_api_bia_routes[] = {
    {"GET", "/api/orgs/{org}/bia", handle_bia, ORG},
    {"POST", "/api/orgs/{org}/bia/processes", handle_process_create, ORG_JSON},
    {"GET", "/api/orgs/{org}/bia/processes/{process}", handle_process_get, ORG},
    {"PUT", "/api/orgs/{org}/bia/processes/{process}", handle_process_put, ORG_JSON},
    {"DELETE", "/api/orgs/{org}/bia/processes/{process}", handle_process_delete, ORG},
    {"POST", "/api/orgs/{org}/bia/processes/{process}/dependencies", handle_dependency_add,
     ORG_JSON},
    {"DELETE", "/api/orgs/{org}/bia/dependencies/{dependency}", handle_dependency_delete, ORG},
    {"POST", "/api/orgs/{org}/bia/contacts", handle_contact_add, ORG_JSON},
    {"DELETE", "/api/orgs/{org}/bia/contacts/{contact}", handle_contact_delete, ORG},
    {"POST", "/api/orgs/{org}/bia/exercises", handle_exercise_add, ORG_JSON},
    {"DELETE", "/api/orgs/{org}/bia/exercises/{exercise}", handle_exercise_delete, ORG},
    {NULL, NULL, NULL, 0},
};
