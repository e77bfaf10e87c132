/*
 * The signed-in user's own settings: language, password, two-step
 * verification (TOTP enrolment with the otpauth:// URI, recovery codes shown
 * once, the changeable fallback factor of seed 000) and the sign-in history.
 */
#include "isms_setup.h"
#include "export/qr_svg.h"
#include "isms/user.h"
#include "util/buf.h"
#include "util/error.h"
#include "web/http/form.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/http/session.h"
#include "web/pages/pages.h"

#define HISTORY_LOGINS 100

static int handle_logins(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_page page;
    int error;

    if ((error = isms_page_init(&page, req, "account", "Sign-in history")) < 0)
        return error;
    if ((error = isms_page_add_logins(&page, HISTORY_LOGINS)) < 0) {
        isms_page_release(&page);
        return error;
    }
    return isms_page_respond(res, &page, "logins.html", 200);
}

/* What a POST may add to the page it re-renders. */
struct account_extra {
    const char *error, *notice;
    const struct isms_totp_enrolment *enrolment;
    char (*codes)[ISMS_RECOVERY_CODE_SIZE];
};

/* The key, the otpauth:// URI and its QR code for the authenticator app. */
static int add_enrolment(struct isms_page *page, const struct isms_totp_enrolment *enrolment)
{
    struct isms_buf qr = ISMS_BUF_INIT(1u << 20);
    int error;

    if ((error = isms_qr_svg_data_uri(&qr, enrolment->uri)) == 0)
        error = isms_page_set(page, "enrolment",
                              json_pack("{s:s,s:s,s:s}", "secret", enrolment->secret, "uri",
                                        enrolment->uri, "qr", isms_buf_cstr(&qr)));
    isms_buf_release(&qr);
    return error;
}

static int add_extra(struct isms_page *page, const struct account_extra *extra)
{
    json_t *codes;
    int error;

    if ((error = isms_page_set_message(page, "error", extra->error)) < 0 ||
        (error = isms_page_set_message(page, "notice", extra->notice)) < 0)
        return error;
    if (extra->enrolment && (error = add_enrolment(page, extra->enrolment)) < 0)
        return error;
    if (!extra->codes)
        return 0;
    codes = json_array();
    for (size_t i = 0; codes && i < ISMS_RECOVERY_CODE_COUNT; i++)
        json_array_append_new(codes, json_string(extra->codes[i]));
    if ((error = isms_page_set(page, "recovery_codes", codes)) < 0)
        return error;
    return isms_page_set(page, "has_codes", json_true());
}

static int render_account(struct isms_web_response *res, struct isms_web_request *req,
                          const struct account_extra *extra, unsigned status)
{
    const struct isms_session *session = isms_web_session(req);
    struct isms_user user;
    struct isms_page page;
    int error;

    if ((error = isms_user_get(&user, req->store, session->user_id)) < 0)
        return error;
    if ((error = isms_page_init(&page, req, "account", "Account")) < 0)
        return error;
    if ((error = isms_page_set(
             &page, "account",
             json_pack("{s:s,s:s,s:s,s:b,s:b,s:b,s:b,s:i,s:b}", "name", user.name, "time_zone",
                       user.time_zone, "display_name", user.display_name, "lang_ja",
                       strcmp(user.lang, "ja") == 0, "lang_en", strcmp(user.lang, "en") == 0,
                       "lang_auto", user.lang[0] == '\0', "totp", user.totp_enabled, "codes_left",
                       user.recovery_codes_left, "is_admin", user.is_admin))) < 0 ||
        (error = add_extra(&page, extra)) < 0) {
        isms_page_release(&page);
        return error;
    }
    return isms_page_respond(res, &page, "account.html", status);
}

static int handle_account(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *saved = isms_web_request_query(req, "saved");
    struct account_extra extra = {0};

    if (isms_web_session(req)->must_change_password)
        extra.error = "Choose your own password before you go on: the one you signed in with "
                      "was generated for you.";
    else if (saved)
        extra.notice = "Your changes have been saved.";
    return render_account(res, req, &extra, 200);
}

/* Failures the user can fix are shown on the page; others propagate. */
static bool user_error(int error)
{
    return error == ISMS_EINVALID || error == ISMS_EAUTH || error == ISMS_ETOOBIG ||
           error == ISMS_EPERM || error == ISMS_ELIMIT;
}

static int change_password(const struct isms_web_request *req, const struct isms_form *form)
{
    const struct isms_session *session = isms_web_session(req);
    const char *current = isms_form_get(form, "current_password");
    const char *fresh = isms_form_get(form, "new_password");
    const char *again = isms_form_get(form, "new_password_again");
    int error;

    if (!current || !fresh || !again || strcmp(fresh, again) != 0)
        return isms_error_set(ISMS_EINVALID, "the new passwords do not match");
    if ((error = isms_auth_check_current_password(req->store, session->user_id, current,
                                                  &req->actor)) < 0)
        return error;
    return isms_user_set_password(req->store, session->user_id, fresh, session->id, &req->actor);
}

static int run_action(struct isms_web_response *res, struct isms_web_request *req,
                      const struct isms_form *form, const char *action)
{
    const struct isms_session *session = isms_web_session(req);
    char codes[ISMS_RECOVERY_CODE_COUNT][ISMS_RECOVERY_CODE_SIZE];
    struct isms_totp_enrolment enrolment;
    struct account_extra extra = {0};
    struct isms_error_saved message;
    const char *lang = isms_form_get(form, "lang");
    int error;

    if (strcmp(action, "lang") == 0) {
        if ((error = isms_user_set_lang(req->store, session->user_id, lang ? lang : "",
                                        &req->actor)) == 0)
            return isms_page_redirect(res, "/account?saved=1");
    } else if (strcmp(action, "time_zone") == 0) {
        const char *zone = isms_form_get(form, "time_zone");
        if ((error = isms_user_set_time_zone(req->store, session->user_id, zone ? zone : "",
                                             &req->actor)) == 0)
            return isms_page_redirect(res, "/account?saved=1");
    } else if (strcmp(action, "password") == 0) {
        if ((error = change_password(req, form)) == 0)
            return isms_page_redirect(res, "/account?saved=1");
    } else if (strcmp(action, "totp_begin") == 0) {
        if ((error = isms_auth_totp_begin(&enrolment, req->store, session->user_id, &req->actor)) ==
            0) {
            extra.enrolment = &enrolment;
            return render_account(res, req, &extra, 200);
        }
    } else if (strcmp(action, "totp_confirm") == 0) {
        if ((error = isms_auth_totp_confirm(codes, req->store, session->user_id,
                                            isms_form_get(form, "code"), &req->actor)) == 0) {
            extra.codes = codes;
            extra.notice = "Two-step verification is on.";
            return render_account(res, req, &extra, 200);
        }
        /* A mistyped code keeps the enrolment: the key already in the app stays valid. */
        isms_error_save(&message);
        if (user_error(error) &&
            isms_auth_totp_pending(&enrolment, req->store, session->user_id) == 0) {
            extra.enrolment = &enrolment;
            extra.error = isms_error_last();
            isms_error_restore(error, &message);
            return render_account(res, req, &extra, (unsigned)isms_error_http_status(error));
        }
        isms_error_restore(error, &message);
    } else if (strcmp(action, "totp_disable") == 0) {
        if ((error = isms_auth_totp_disable(req->store, session->user_id,
                                            isms_form_get(form, "password"), &req->actor)) == 0)
            return isms_page_redirect(res, "/account?saved=1");
    } else if (strcmp(action, "recovery_codes") == 0) {
        if ((error = isms_auth_recovery_regenerate(codes, req->store, session->user_id,
                                                   isms_form_get(form, "password"), &req->actor)) ==
            0) {
            extra.codes = codes;
            return render_account(res, req, &extra, 200);
        }
    } else {
        error = isms_error_set(ISMS_EINVALID, "unknown action");
    }
    if (!user_error(error))
        return error;
    extra.error = isms_error_last();
    return render_account(res, req, &extra, (unsigned)isms_error_http_status(error));
}

static int handle_account_post(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_form form;
    const char *action;
    int error;

    if ((error = isms_page_form(&form, req)) == 0) {
        action = isms_form_get(&form, "action");
        error = run_action(res, req, &form, action ? action : "");
    }
    isms_form_release(&form);
    return error;
}

const struct isms_web_route isms_pages_account_routes[] = {
    {"GET", "/account", handle_account, ISMS_WEB_PASSWORD_CHANGE},
    {"POST", "/account", handle_account_post, ISMS_WEB_PASSWORD_CHANGE},
    {"GET", "/account/logins", handle_logins, 0},
    {NULL, NULL, NULL, 0},
};
