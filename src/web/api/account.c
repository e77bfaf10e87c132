/*
 * Signing in and the signed-in user's own account: /api/session and
 * /api/me/... (docs/api.md, "Authentication").
 */
#include "isms_setup.h"
#include <microhttpd.h>
#include <time.h>
#include "export/json.h"
#include "export/json_util.h"
#include "export/user_json.h"
#include "isms/auth.h"
#include "isms/membership.h"
#include "isms/user.h"
#include "util/error.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/http/session.h"

#define HISTORY_DEFAULT 20

/* The last error under another code, message kept (it cannot be formatted
 * from itself: the buffer is the same). */
static int recode(int code)
{
    struct isms_error_saved message;

    isms_error_save(&message);
    return isms_error_restore(code, &message);
}

static void attempt_from(struct isms_login_attempt *attempt, const struct isms_web_request *req)
{
    memset(attempt, 0, sizeof(*attempt));
    attempt->address = req->client_address;
    attempt->user_agent = isms_web_request_header(req, MHD_HTTP_HEADER_USER_AGENT);
}

static int read_factor(struct isms_login_attempt *attempt, const json_t *body)
{
    int error;

    if ((error = isms_web_json_string(&attempt->totp, body, "totp")) < 0 ||
        (error = isms_web_json_string(&attempt->recovery_code, body, "recovery_code")) < 0)
        return error;
    return 0;
}

static json_t *time_json(int64_t unix_seconds)
{
    char text[ISMS_TIMESTAMP_SIZE];
    time_t t = (time_t)unix_seconds;
    struct tm tm;

    if (!gmtime_r(&t, &tm) || !strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%SZ", &tm))
        return json_null();
    return json_string(text);
}

/* [{"org": {...}, "role": "..."}] of the orgs the user may see. */
static json_t *memberships_json(struct isms_store *store, const struct isms_session *s)
{
    struct isms_org *orgs = NULL;
    enum isms_role *roles = NULL;
    json_t *list;
    bool ok = true;
    size_t count;

    if (s->mfa_pending)
        return json_array();
    if (isms_membership_list_access(&orgs, &roles, &count, store, s->user_id, s->is_admin) < 0)
        return NULL;
    list = json_array();
    for (size_t i = 0; ok && i < count; i++)
        ok = isms_json_append(list, json_pack("{s:o, s:s}", "org", isms_json_org(&orgs[i]), "role",
                                              isms_role_name(roles[i])));
    free(orgs);
    free(roles);
    return isms_json_done(list, ok);
}

/* What GET /api/session and a login answer. */
static json_t *session_json(struct isms_store *store, const struct isms_session *s)
{
    return json_pack(
        "{s:{s:I, s:s, s:s, s:s, s:s, s:b, s:b}, s:s, s:b, s:b, s:o, s:o}", "user", "id",
        (json_int_t)s->user_id, "name", s->name, "display_name", s->display_name, "lang", s->lang,
        "time_zone", s->time_zone, "is_admin", s->is_admin, "totp_enabled", s->totp_enabled, "csrf",
        s->csrf, "mfa_pending", s->mfa_pending, "password_change_required", s->must_change_password,
        "expires_at", time_json(s->expires_at), "memberships", memberships_json(store, s));
}

static int signed_in(struct isms_web_response *res, struct isms_web_request *req,
                     const struct isms_login_result *result)
{
    int error;

    if ((error = isms_web_respond_json(res, 200, session_json(req->store, &result->session))) < 0)
        return error;
    return isms_web_session_cookie(res, result->token);
}

static int handle_session_create(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_login_attempt attempt;
    struct isms_login_result result;
    int error;

    attempt_from(&attempt, req);
    if ((error = isms_web_json_string(&attempt.name, req->json, "name")) < 0 ||
        (error = isms_web_json_string(&attempt.password, req->json, "password")) < 0 ||
        (error = read_factor(&attempt, req->json)) < 0)
        return error;
    if ((error = isms_auth_login(&result, req->store, &attempt)) < 0)
        return error; /* 401, or 429 with Retry-After for ISMS_ELIMIT */
    return signed_in(res, req, &result);
}

static int handle_session_mfa(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_login_attempt attempt;
    struct isms_login_result result;
    int error;

    attempt_from(&attempt, req);
    if ((error = read_factor(&attempt, req->json)) < 0)
        return error;
    if ((error = isms_auth_complete_mfa(&result, req->store, isms_web_session_token(req),
                                        &attempt)) < 0)
        return error; /* 401, or 429 with Retry-After for ISMS_ELIMIT */
    return signed_in(res, req, &result);
}

static int handle_session_get(struct isms_web_response *res, struct isms_web_request *req)
{
    return isms_web_respond_json(res, 200, session_json(req->store, req->session));
}

static int handle_session_delete(struct isms_web_response *res, struct isms_web_request *req)
{
    int error;

    if ((error = isms_auth_logout(req->store, isms_web_session_token(req))) < 0)
        return error;
    isms_web_respond_static(res, 204, NULL, "");
    return isms_web_session_cookie_clear(res);
}

static int parse_limit(int *out, const char *text)
{
    char *end;
    long n;

    *out = HISTORY_DEFAULT;
    if (!text)
        return 0;
    errno = 0;
    n = strtol(text, &end, 10);
    if (errno || end == text || *end || n < 1 || n > 100)
        return isms_error_set(ISMS_EINVALID, _("limit must be 1 to 100"));
    *out = (int)n;
    return 0;
}

static int handle_me_logins(struct isms_web_response *res, struct isms_web_request *req)
{
    struct isms_login_event *events = NULL;
    json_t *list;
    bool ok = true;
    size_t count;
    int error, limit;

    if ((error = parse_limit(&limit, isms_web_request_query(req, "limit"))) < 0 ||
        (error = isms_auth_login_history(&events, &count, req->store, req->session->user_id,
                                         limit)) < 0)
        return error;
    list = json_array();
    for (size_t i = 0; ok && i < count; i++)
        ok = isms_json_append(list, isms_json_login_event(&events[i]));
    free(events);
    return isms_web_respond_json(res, 200, json_pack("{s:o}", "logins", isms_json_done(list, ok)));
}

static json_t *codes_json(char codes[ISMS_RECOVERY_CODE_COUNT][ISMS_RECOVERY_CODE_TEXT])
{
    json_t *list = json_array();
    bool ok = true;

    for (size_t i = 0; ok && i < ISMS_RECOVERY_CODE_COUNT; i++)
        ok = isms_json_append(list, json_string(codes[i]));
    return isms_json_done(list, ok);
}

/* {} starts an enrolment; {"code": "123456"} confirms it. */
static int handle_me_totp_post(struct isms_web_response *res, struct isms_web_request *req)
{
    char codes[ISMS_RECOVERY_CODE_COUNT][ISMS_RECOVERY_CODE_TEXT];
    struct isms_totp_enrolment enrolment;
    const char *code;
    int error;

    if ((error = isms_web_json_string(&code, req->json, "code")) < 0)
        return error;
    if (!code) {
        if ((error = isms_auth_totp_begin(&enrolment, req->store, req->session->user_id,
                                          &req->actor)) < 0)
            return error;
        return isms_web_respond_json(res, 200,
                                     json_pack("{s:s, s:s, s:b}", "secret", enrolment.secret,
                                               "otpauth_uri", enrolment.uri, "enabled", 0));
    }
    if ((error = isms_auth_totp_confirm(codes, req->store, req->session->user_id, code,
                                        &req->actor)) < 0)
        /* A wrong code here is bad input, not a failed sign-in. */
        return error == ISMS_EAUTH ? recode(ISMS_EINVALID) : error;
    return isms_web_respond_json(
        res, 200, json_pack("{s:b, s:o}", "enabled", 1, "recovery_codes", codes_json(codes)));
}

static int handle_me_totp_delete(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *password;
    int error;

    if ((error = isms_web_json_string(&password, req->json, "password")) < 0 ||
        (error = isms_auth_totp_disable(req->store, req->session->user_id, password, &req->actor)) <
            0)
        /* 403, not 401: the session is fine, the password given is not. */
        return error == ISMS_EAUTH ? recode(ISMS_EPERM) : error;
    return isms_web_respond_json(res, 200, json_pack("{s:b}", "enabled", 0));
}

static int handle_me_recovery_codes(struct isms_web_response *res, struct isms_web_request *req)
{
    char codes[ISMS_RECOVERY_CODE_COUNT][ISMS_RECOVERY_CODE_TEXT];
    const char *password;
    int error;

    if ((error = isms_web_json_string(&password, req->json, "password")) < 0 ||
        (error = isms_auth_recovery_regenerate(codes, req->store, req->session->user_id, password,
                                               &req->actor)) < 0)
        return error == ISMS_EAUTH ? recode(ISMS_EPERM) : error;
    return isms_web_respond_json(res, 200, json_pack("{s:o}", "recovery_codes", codes_json(codes)));
}

static int handle_me_password(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *current, *next;
    int error;

    if ((error = isms_web_json_string(&current, req->json, "current_password")) < 0 ||
        (error = isms_web_json_string(&next, req->json, "new_password")) < 0)
        return error;
    if (!current || !next)
        return isms_error_set(ISMS_EINVALID,
                              _("'current_password' and 'new_password' are required"));
    /* Re-authentication: a stolen session alone cannot take over the account. */
    if ((error = isms_auth_check_current_password(req->store, req->session->user_id, current,
                                                  &req->actor)) < 0)
        return error == ISMS_EAUTH ? recode(ISMS_EPERM) : error;
    if ((error = isms_user_set_password(req->store, req->session->user_id, next, req->session->id,
                                        &req->actor)) < 0)
        return error;
    return isms_web_respond_no_content(res);
}

static int handle_me_time_zone(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *zone;
    int error;

    if ((error = isms_web_json_string(&zone, req->json, "time_zone")) < 0 ||
        (error = isms_user_set_time_zone(req->store, req->session->user_id, zone, &req->actor)) < 0)
        return error;
    return isms_web_respond_json(res, 200, json_pack("{s:s}", "time_zone", zone));
}

static int handle_me_lang(struct isms_web_response *res, struct isms_web_request *req)
{
    const char *lang;
    int error;

    if ((error = isms_web_json_string(&lang, req->json, "lang")) < 0 ||
        (error = isms_user_set_lang(req->store, req->session->user_id, lang, &req->actor)) < 0)
        return error;
    return isms_web_respond_json(res, 200, json_pack("{s:s}", "lang", lang));
}

const struct isms_web_route isms_api_account_routes[] = {
    {"POST", "/api/session", handle_session_create, ISMS_WEB_PUBLIC | ISMS_WEB_NEEDS_JSON},
    {"GET", "/api/session", handle_session_get, ISMS_WEB_MFA_STEP | ISMS_WEB_PASSWORD_CHANGE},
    {"DELETE", "/api/session", handle_session_delete, ISMS_WEB_MFA_STEP | ISMS_WEB_PASSWORD_CHANGE},
    {"POST", "/api/session/mfa", handle_session_mfa, ISMS_WEB_MFA_STEP | ISMS_WEB_NEEDS_JSON},
    {"GET", "/api/me/logins", handle_me_logins, 0},
    {"POST", "/api/me/totp", handle_me_totp_post, ISMS_WEB_NEEDS_JSON},
    {"DELETE", "/api/me/totp", handle_me_totp_delete, ISMS_WEB_NEEDS_JSON},
    {"POST", "/api/me/recovery-codes", handle_me_recovery_codes, ISMS_WEB_NEEDS_JSON},
    {"PUT", "/api/me/password", handle_me_password, ISMS_WEB_NEEDS_JSON | ISMS_WEB_PASSWORD_CHANGE},
    {"PUT", "/api/me/lang", handle_me_lang, ISMS_WEB_NEEDS_JSON},
    {"PUT", "/api/me/time-zone", handle_me_time_zone, ISMS_WEB_NEEDS_JSON},
    {NULL, NULL, NULL, 0},
};
