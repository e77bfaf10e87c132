/*
 * User accounts (system administrators): the list, creating a user with an
 * initial password (typed, or generated and shown once), disabling and
 * enabling an account, and resetting a password (which ends the user's
 * sessions). A generated password is shown on the answer to the POST itself,
 * never stored in a URL or shown again.
 */
#include "isms_setup.h"
#include "isms/user.h"
#include "sec/random.h"
#include "util/error.h"
#include "web/http/form.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/http/session.h"
#include "web/pages/pages.h"

/* No look-alikes (0/O, 1/l/I): the password is read off the screen. */
static const char password_alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
#define GENERATED_LENGTH 16

static int generate_password(char out[GENERATED_LENGTH + 1])
{
    unsigned char bytes[GENERATED_LENGTH];
    size_t n = sizeof(password_alphabet) - 1;
    int error;

    /* 256 % 56 != 0: redraw the bytes that would bias the choice. */
    for (size_t i = 0; i < GENERATED_LENGTH;) {
        if ((error = isms_random_bytes(bytes, sizeof(bytes))) < 0)
            return error;
        for (size_t j = 0; j < sizeof(bytes) && i < GENERATED_LENGTH; j++)
            if (bytes[j] < 256 - 256 % n)
                out[i++] = password_alphabet[bytes[j] % n];
    }
    out[GENERATED_LENGTH] = '\0';
    return 0;
}

struct user_input {
    const char *name, *display_name, *password;
    bool is_admin;
};

/* What the page shows besides the list: the form as typed, an error or a
 * notice, and a password shown once. */
struct users_view {
    const struct user_input *input;
    const char *error, *notice;
    const char *shown_password, *shown_for;
};

static int add_users(struct isms_page *page)
{
    const struct isms_session *me = isms_web_session(page->req);
    struct isms_user *users = NULL;
    size_t count = 0;
    json_t *rows;
    int error;

    if ((error = isms_user_list(&users, &count, page->req->store)) < 0)
        return error;
    rows = json_array();
    for (size_t i = 0; rows && i < count; i++) {
        const struct isms_user *u = &users[i];
        json_array_append_new(
            rows, json_pack("{s:s,s:s,s:b,s:b,s:b,s:o,s:b}", "name", u->name, "display_name",
                            u->display_name[0] ? u->display_name : u->name, "is_admin", u->is_admin,
                            "disabled", u->disabled, "totp", u->totp_enabled, "created",
                            isms_page_time(page, u->created_at), "me", me && me->user_id == u->id));
    }
    free(users);
    return isms_page_set(page, "users", rows);
}

static int render(struct isms_web_response *res, struct isms_web_request *req,
                  const struct users_view *view, unsigned status)
{
    const struct user_input empty = {0};
    const struct user_input *in = view->input ? view->input : &empty;
    struct isms_page page;
    int error;

    if ((error = isms_page_init(&page, req, "users", "Users")) < 0)
        return error;
    if ((error = add_users(&page)) < 0 ||
        (error = isms_page_set(&page, "form",
                               json_pack("{s:s,s:s,s:b}", "name", in->name ? in->name : "",
                                         "display_name", in->display_name ? in->display_name : "",
                                         "is_admin", in->is_admin))) < 0 ||
        (error = isms_page_set_message(&page, "error", view->error)) < 0 ||
        (error = isms_page_set_message(&page, "notice", view->notice)) < 0 ||
        (view->shown_password &&
         (error = isms_page_set(&page, "new_password",
                                json_pack("{s:s,s:s}", "user", view->shown_for, "password",
                                          view->shown_password))) < 0)) {
        isms_page_release(&page);
        return error;
    }
    return isms_page_respond(res, &page, "users.html", status);
}

static int handle_users(struct isms_web_response *res, struct isms_web_request *req)
{
    struct users_view view = {0};

    view.notice = isms_web_request_query(req, "saved") ? "Saved." : NULL;
    return render(res, req, &view, 200);
}

static int handle_users_post(struct isms_web_response *res, struct isms_web_request *req)
{
    char generated[GENERATED_LENGTH + 1] = "";
    struct user_input in = {0};
    struct users_view view = {0};
    struct isms_user user;
    struct isms_form form;
    int error;

    if ((error = isms_page_form(&form, req)) < 0)
        goto done;
    in.name = isms_form_get(&form, "name");
    in.display_name = isms_form_get(&form, "display_name");
    in.password = isms_form_get(&form, "password");
    in.is_admin = isms_form_get(&form, "is_admin") != NULL;
    view.input = &in;
    if ((!in.password || !*in.password) && (error = generate_password(generated)) < 0)
        goto done;
    error = isms_user_create(&user, req->store, in.name ? in.name : "",
                             in.display_name && *in.display_name ? in.display_name : NULL,
                             generated[0] ? generated : in.password, in.is_admin, &req->actor);
    /* The administrator has seen it: the user's first sign-in asks for their own. */
    if (error == 0 && generated[0])
        error = isms_user_require_password_change(req->store, user.id, &req->actor);
    if (isms_page_is_user_error(error)) {
        view.error = isms_error_last();
        error = render(res, req, &view, (unsigned)isms_error_http_status(error));
    } else if (error == 0) {
        view.input = NULL;
        view.notice = "The user was created.";
        view.shown_password = generated[0] ? generated : NULL;
        view.shown_for = user.name;
        error = render(res, req, &view, 201);
    }
done:
    isms_form_release(&form);
    return error;
}

/* One action on one user: "disable", "enable" or "reset" (a new password,
 * typed or generated). `shown` receives a generated password. */
static int apply(struct isms_web_request *req, const struct isms_user *user, const char *action,
                 const char *password, char shown[GENERATED_LENGTH + 1])
{
    const struct isms_session *me = isms_web_session(req);
    struct isms_user_changes changes = {NULL, -1, -1};
    struct isms_user updated;
    int error;

    if (action && (strcmp(action, "disable") == 0 || strcmp(action, "enable") == 0)) {
        if (me && me->user_id == user->id)
            return isms_error_set(ISMS_EINVALID, "you cannot disable your own account");
        changes.disabled = strcmp(action, "disable") == 0;
        return isms_user_update(&updated, req->store, user->id, &changes, &req->actor);
    }
    if (!action || strcmp(action, "reset") != 0)
        return isms_error_set(ISMS_EINVALID, "unknown action");
    if ((!password || !*password) && (error = generate_password(shown)) < 0)
        return error;
    /* A reset ends every session of the user (the administrator's own too
     * when resetting themselves: they sign in again with the new one). */
    if ((error = isms_user_set_password(req->store, user->id, shown[0] ? shown : password, 0,
                                        &req->actor)) < 0 ||
        !shown[0])
        return error;
    return isms_user_require_password_change(req->store, user->id, &req->actor);
}

static int handle_user_post(struct isms_web_response *res, struct isms_web_request *req)
{
    char generated[GENERATED_LENGTH + 1] = "";
    struct users_view view = {0};
    struct isms_user user;
    struct isms_form form = {0};
    int error;

    if ((error = isms_user_find(&user, req->store, isms_web_request_param(req, "user"))) < 0 ||
        (error = isms_page_form(&form, req)) < 0)
        goto done;
    error = apply(req, &user, isms_form_get(&form, "action"), isms_form_get(&form, "password"),
                  generated);
    if (isms_page_is_user_error(error)) {
        view.error = isms_error_last();
        error = render(res, req, &view, (unsigned)isms_error_http_status(error));
    } else if (error == 0 && generated[0]) {
        view.notice = "The password was reset.";
        view.shown_password = generated;
        view.shown_for = user.name;
        error = render(res, req, &view, 200);
    } else if (error == 0) {
        error = isms_page_redirect(res, "/admin/users?saved=1");
    }
done:
    isms_form_release(&form);
    return error;
}

const struct isms_web_route isms_pages_users_routes[] = {
    {"GET", "/admin/users", handle_users, ISMS_WEB_ADMIN},
    {"POST", "/admin/users", handle_users_post, ISMS_WEB_ADMIN},
    {"POST", "/admin/users/{user}", handle_user_post, ISMS_WEB_ADMIN},
    {NULL, NULL, NULL, 0},
};
