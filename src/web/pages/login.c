/*
 * Signing in and out: the password form, the second-factor form (TOTP or a
 * one-time recovery code) and logout. The checks themselves, the rate limit
 * and the login history are in isms/auth.h.
 */
#include "isms_setup.h"
#include <microhttpd.h>
#include "util/error.h"
#include "web/http/form.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/http/session.h"
#include "web/pages/pages.h"

/* The sign-in form, or its second step (`second_factor`: a TOTP or recovery
 * code), with `error_text` (a msgid) when the last try failed. */
static int render(struct isms_web_response *res, struct isms_web_request *req, bool second_factor,
                  const char *name, const char *next, const char *error_text, unsigned status)
{
    struct isms_page page;
    int error;

    if ((error = isms_page_init(&page, req, "login",
                                second_factor ? "Two-step verification" : "Sign in")) < 0)
        return error;
    if ((!second_factor &&
         (error = isms_page_set(&page, "name", json_string(name ? name : ""))) < 0) ||
        (error = isms_page_set(&page, "next", json_string(isms_page_safe_next(next)))) < 0 ||
        (error = isms_page_set_message(&page, "error", error_text)) < 0) {
        isms_page_release(&page);
        return error;
    }
    if (!second_factor)
        return isms_page_respond(res, &page, "login.html", status);
    /* The half-signed-in session must not show the menu or org switcher. */
    json_object_del(page.ctx, "user");
    json_object_del(page.ctx, "orgs");
    return isms_page_respond(res, &page, "mfa.html", status);
}

static int handle_login(struct isms_web_response *res, struct isms_web_request *req)
{
    if (isms_web_session(req))
        return isms_page_redirect(res, isms_page_safe_next(isms_web_request_query(req, "next")));
    return render(res, req, false, NULL, isms_web_request_query(req, "next"), NULL, 200);
}

static void attempt_from(struct isms_login_attempt *attempt, const struct isms_web_request *req)
{
    memset(attempt, 0, sizeof(*attempt));
    attempt->address = req->client_address;
    attempt->user_agent = isms_web_request_header(req, MHD_HTTP_HEADER_USER_AGENT);
}

/* Where to go once the login is through (or half through). */
static int signed_in(struct isms_web_response *res, const struct isms_login_result *result,
                     const char *next)
{
    char location[600];
    int error;

    if (result->session.mfa_pending)
        snprintf(location, sizeof(location), "/login/mfa?next=%s", isms_page_safe_next(next));
    else
        snprintf(location, sizeof(location), "%s", isms_page_safe_next(next));
    if ((error = isms_page_redirect(res, location)) < 0)
        return error;
    return isms_web_session_cookie(res, result->token);
}

static unsigned failure_status(int error)
{
    return error == ISMS_ELIMIT ? 429 : error == ISMS_EAUTH ? 401 : 400;
}

/* The answer to a sign-in step: on to `next` (or the second step), or the
 * same form again with why not; a rate-limited try also says when to come
 * back (Retry-After), like the API. */
static int finish(struct isms_web_response *res, struct isms_web_request *req, bool second_factor,
                  const struct isms_form *form, int error, const struct isms_login_result *result)
{
    const char *next = isms_form_get(form, "next");
    int rendered;

    if (error == 0)
        return signed_in(res, result, next);
    if (error != ISMS_EAUTH && error != ISMS_ELIMIT && error != ISMS_EINVALID)
        return error;
    rendered = render(res, req, second_factor, isms_form_get(form, "name"), next, isms_error_last(),
                      failure_status(error));
    if (rendered < 0 || error != ISMS_ELIMIT)
        return rendered;
    return isms_web_retry_after(res);
}

static int handle_login_post(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_login_attempt attempt;
    struct isms_login_result result;
    struct isms_form form;
    int error;

    if ((error = isms_page_form(&form, req)) < 0)
        goto done;
    attempt_from(&attempt, req);
    attempt.name = isms_form_get(&form, "name");
    attempt.password = isms_form_get(&form, "password");
    if (!attempt.name || !*attempt.name || !attempt.password || !*attempt.password) {
        error = render(res, req, false, attempt.name, isms_form_get(&form, "next"),
                       "enter your user name and password", 400);
        goto done;
    }
    error = finish(res, req, false, &form, isms_auth_login(&result, req->store, &attempt), &result);
done:
    isms_form_release(&form);
    return error;
}

static bool mfa_pending(const struct isms_web_request *req)
{
    const struct isms_session *session = isms_web_session(req);
    return session && session->mfa_pending;
}

static int handle_mfa(struct isms_web_response *res, struct isms_web_request *req)
{
    if (!mfa_pending(req))
        return isms_page_redirect(res, isms_web_session(req) ? "/" : "/login");
    return render(res, req, true, NULL, isms_web_request_query(req, "next"), NULL, 200);
}

static int handle_mfa_post(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_login_attempt attempt;
    struct isms_login_result result;
    struct isms_form form;
    const char *totp, *recovery;
    int error;

    if (!mfa_pending(req))
        return isms_page_redirect(res, "/login");
    if ((error = isms_page_form(&form, req)) < 0)
        goto done;
    attempt_from(&attempt, req);
    totp = isms_form_get(&form, "totp");
    recovery = isms_form_get(&form, "recovery_code");
    attempt.totp = totp && *totp ? totp : NULL;
    attempt.recovery_code = !attempt.totp && recovery && *recovery ? recovery : NULL;
    if (!attempt.totp && !attempt.recovery_code) {
        error = render(res, req, true, NULL, isms_form_get(&form, "next"),
                       "enter the code from your authenticator app or a recovery code", 400);
        goto done;
    }
    error = finish(
        res, req, true, &form,
        isms_auth_complete_mfa(&result, req->store, isms_web_session_token(req), &attempt),
        &result);
done:
    isms_form_release(&form);
    return error;
}

static int handle_logout(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *token = isms_web_session_token(req);
    int error;

    if (token && (error = isms_auth_logout(req->store, token)) < 0)
        return error;
    if ((error = isms_page_redirect(res, "/login")) < 0)
        return error;
    return isms_web_session_cookie_clear(res);
}

const struct isms_web_route isms_pages_login_routes[] = {
    {"GET", "/login", handle_login, ISMS_WEB_PUBLIC},
    {"POST", "/login", handle_login_post, ISMS_WEB_PUBLIC},
    {"GET", "/login/mfa", handle_mfa, ISMS_WEB_PUBLIC | ISMS_WEB_MFA_STEP},
    {"POST", "/login/mfa", handle_mfa_post, ISMS_WEB_PUBLIC | ISMS_WEB_MFA_STEP},
    {"POST", "/logout", handle_logout,
     ISMS_WEB_PUBLIC | ISMS_WEB_MFA_STEP | ISMS_WEB_SIGNED_OUT_NOOP},
    {NULL, NULL, NULL, 0},
};
