/*
 * User administration (system administrators) and organization members
 * (the org's admins change them, every member may list them).
 */
#include "isms_setup.h"
#include "export/json_util.h"
#include "export/user_json.h"
#include "isms/membership.h"
#include "isms/user.h"
#include "util/error.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/http/session.h"

/* The path's {user}: a numeric id or a login name. */
static int find_user(struct isms_user *out, struct isms_web_request *req)
{
    const char *key = isms_web_request_param(req, "user");
    char *end;
    long long id;

    errno = 0;
    id = strtoll(key, &end, 10);
    if (*end == '\0' && errno == 0 && id > 0)
        return isms_user_get(out, req->store, id);
    return isms_user_find(out, req->store, key);
}

static int handle_users_list(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_user *users = NULL;
    json_t *list;
    bool ok = true;
    size_t count;
    int error;

    if ((error = isms_user_list(&users, &count, req->store)) < 0)
        return error;
    list = json_array();
    for (size_t i = 0; ok && i < count; i++)
        ok = isms_json_append(list, isms_json_user(&users[i]));
    free(users);
    return isms_web_respond_json(res, 200, json_pack("{s:o}", "users", isms_json_done(list, ok)));
}

static int read_bool(int *out, const json_t *body, const char *key)
{
    const json_t *value = json_object_get(body, key);

    *out = -1;
    if (!value || json_is_null(value))
        return 0;
    if (!json_is_boolean(value))
        return isms_error_set(ISMS_EINVALID, _("'%s' must be true or false"), key);
    *out = json_is_true(value);
    return 0;
}

static int handle_users_create(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *name, *display_name, *password;
    struct isms_user user;
    char location[96];
    int error, is_admin;

    if ((error = isms_web_json_string(&name, req->json, "name")) < 0 ||
        (error = isms_web_json_string(&display_name, req->json, "display_name")) < 0 ||
        (error = isms_web_json_string(&password, req->json, "password")) < 0 ||
        (error = read_bool(&is_admin, req->json, "is_admin")) < 0)
        return error;
    if (!name || !password)
        return isms_error_set(ISMS_EINVALID, _("'name' and 'password' are required"));
    if ((error = isms_user_create(&user, req->store, name, display_name, password, is_admin == 1,
                                  &req->actor)) < 0)
        return error;
    snprintf(location, sizeof(location), "/api/users/%" PRId64, user.id);
    if ((error = isms_web_respond_json(res, 201, isms_json_user(&user))) < 0)
        return error;
    return isms_web_response_header(res, "Location", location);
}

static int handle_users_get(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_user user;
    int error;

    if ((error = find_user(&user, req)) < 0)
        return error;
    return isms_web_respond_json(res, 200, isms_json_user(&user));
}

/* Administrators can lock themselves out of administration only on purpose
 * elsewhere (the CLI): the API refuses to drop one's own rights. */
static int check_self(const struct isms_web_request *req, const struct isms_user *user,
                      const struct isms_user_changes *changes)
{
    if (user->id != req->session->user_id)
        return 0;
    if (changes->is_admin == 0 || changes->disabled == 1)
        return isms_error_set(
            ISMS_ECONFLICT, _("you cannot disable yourself or drop your own administrator rights"));
    return 0;
}

static int handle_users_update(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_user_changes changes = {NULL, -1, -1};
    struct isms_user user;
    const char *password;
    int error;

    if ((error = find_user(&user, req)) < 0 ||
        (error = isms_web_json_string(&changes.display_name, req->json, "display_name")) < 0 ||
        (error = isms_web_json_string(&password, req->json, "password")) < 0 ||
        (error = read_bool(&changes.is_admin, req->json, "is_admin")) < 0 ||
        (error = read_bool(&changes.disabled, req->json, "disabled")) < 0 ||
        (error = check_self(req, &user, &changes)) < 0 ||
        (password && (error = isms_user_check_password(password)) < 0))
        return error;
    /* A password reset ends every session of that user. */
    if (password &&
        (error = isms_user_set_password(req->store, user.id, password, 0, &req->actor)) < 0)
        return error;
    if ((error = isms_user_update(&user, req->store, user.id, &changes, &req->actor)) < 0)
        return error;
    return isms_web_respond_json(res, 200, isms_json_user(&user));
}

static int handle_members_list(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_member *members = NULL;
    json_t *list;
    bool ok = true;
    size_t count;
    int error;

    if ((error = isms_membership_list(&members, &count, req->store, req->org.id)) < 0)
        return error;
    list = json_array();
    for (size_t i = 0; ok && i < count; i++)
        ok = isms_json_append(list, isms_json_member(&members[i]));
    free(members);
    return isms_web_respond_json(res, 200, json_pack("{s:o}", "members", isms_json_done(list, ok)));
}

/* The {user} of a members route, as the signed-in org administrator may see it. */
static int find_member_candidate(struct isms_user *out, struct isms_web_request *req)
{
    return isms_membership_find_user(out, req->store, isms_web_request_param(req, "user"),
                                     req->session->user_id, req->session->is_admin);
}

static int handle_members_put(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *role_name;
    enum isms_role role;
    struct isms_user user;
    int error;

    if ((error = find_member_candidate(&user, req)) < 0 ||
        (error = isms_web_json_string(&role_name, req->json, "role")) < 0 ||
        (error = isms_role_parse(&role, role_name)) < 0 ||
        (error = isms_membership_set(req->store, req->org.id, user.id, role, &req->actor)) < 0)
        return error;
    return isms_web_respond_json(res, 200,
                                 json_pack("{s:I, s:s, s:s, s:s}", "user_id", (json_int_t)user.id,
                                           "name", user.name, "display_name", user.display_name,
                                           "role", isms_role_name(role)));
}

static int handle_members_delete(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_user user;
    int error;

    if ((error = find_member_candidate(&user, req)) < 0 ||
        (error = isms_membership_remove(req->store, req->org.id, user.id, &req->actor)) < 0)
        return error;
    return isms_web_respond_no_content(res);
}

const struct isms_web_route isms_api_users_routes[] = {
    {"GET", "/api/users", handle_users_list, ISMS_WEB_ADMIN},
    {"POST", "/api/users", handle_users_create, ISMS_WEB_ADMIN | ISMS_WEB_NEEDS_JSON},
    {"GET", "/api/users/{user}", handle_users_get, ISMS_WEB_ADMIN},
    {"PUT", "/api/users/{user}", handle_users_update, ISMS_WEB_ADMIN | ISMS_WEB_NEEDS_JSON},
    {"GET", "/api/orgs/{org}/members", handle_members_list, ISMS_WEB_NEEDS_ORG},
    {"PUT", "/api/orgs/{org}/members/{user}", handle_members_put,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_ORG_ADMIN | ISMS_WEB_NEEDS_JSON},
    {"DELETE", "/api/orgs/{org}/members/{user}", handle_members_delete,
     ISMS_WEB_NEEDS_ORG | ISMS_WEB_ORG_ADMIN},
    {NULL, NULL, NULL, 0},
};
