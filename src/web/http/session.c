#include "isms_setup.h"
#include <microhttpd.h>
#include "isms/auth.h"
#include "isms/membership.h"
#include "util/error.h"
#include "web/http/form.h"
#include "web/http/i18n.h"
#include "web/http/multipart.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/http/session.h"

#define CSRF_HEADER "X-CSRF-Token"
#define CSRF_FIELD "csrf"
#define PRESESSION_COOKIE "isms_presession"
/* A pre-session token is good for a day: long enough for a sign-in page left
 * open, short enough that a copied one soon stops working. */
#define PRESESSION_SECONDS (24 * 60 * 60)

static bool secure_cookies;

void isms_web_session_set_secure_cookies(bool secure)
{
    secure_cookies = secure;
}

const struct isms_session *isms_web_session(const struct isms_web_request *req)
{
    return req->session;
}

bool isms_web_wants_japanese(const struct isms_web_request *req)
{
    const struct isms_session *s = req->session;
    const char *accept = isms_web_request_header(req, MHD_HTTP_HEADER_ACCEPT_LANGUAGE);

    if (s && s->lang[0])
        return strcmp(s->lang, "ja") == 0;
    return accept && isms_i18n_choose(NULL, NULL, accept) == ISMS_LANG_JA;
}

const char *isms_web_export_zone(const struct isms_web_request *req)
{
    return req->session && req->session->time_zone[0] ? req->session->time_zone
                                                      : ISMS_TZ_DEFAULT_JA;
}

enum isms_role isms_web_org_role(const struct isms_web_request *req)
{
    return req->org_role;
}

const char *isms_web_session_token(const struct isms_web_request *req)
{
    return MHD_lookup_connection_value(req->connection, MHD_COOKIE_KIND, ISMS_WEB_SESSION_COOKIE);
}

bool isms_web_csrf_valid(const struct isms_web_request *req, const char *token)
{
    return req->session && token && req->session->csrf[0] &&
           isms_secure_equal(req->session->csrf, token);
}

static bool is_token(const char *text)
{
    size_t n = 0;

    for (; text && text[n]; n++)
        if (!((text[n] >= '0' && text[n] <= '9') || (text[n] >= 'a' && text[n] <= 'f')))
            return false;
    return n == ISMS_TOKEN_TEXT_SIZE - 1;
}

static int set_cookie(struct isms_web_response *res, const char *name, const char *value,
                      const char *extra)
{
    char header[256];

    snprintf(header, sizeof(header), "%s=%s; Path=/; HttpOnly; SameSite=Strict%s%s", name, value,
             secure_cookies ? "; Secure" : "", extra);
    return isms_web_response_header(res, "Set-Cookie", header);
}

/* The pre-session token the anonymous browser's cookie holds; NULL if none. */
static const char *presession_cookie(const struct isms_web_request *req)
{
    const char *cookie = MHD_lookup_connection_value(req->connection, MHD_COOKIE_KIND,
                                                     PRESESSION_COOKIE);
    return is_token(cookie) ? cookie : NULL;
}

const char *isms_web_presession_token(struct isms_web_request *req)
{
    const char *cookie;

    if (req->presession[0])
        return req->presession;
    if ((cookie = presession_cookie(req)) != NULL) {
        snprintf(req->presession, sizeof(req->presession), "%s", cookie);
        return req->presession;
    }
    if (isms_random_token(req->presession) < 0) {
        req->presession[0] = '\0';
        return NULL;
    }
    req->presession_fresh = true;
    return req->presession;
}

int isms_web_presession_cookie(struct isms_web_response *res, const struct isms_web_request *req)
{
    char max_age[32];

    if (!req->presession_fresh)
        return 0;
    snprintf(max_age, sizeof(max_age), "; Max-Age=%d", PRESESSION_SECONDS);
    return set_cookie(res, PRESESSION_COOKIE, req->presession, max_age);
}

int isms_web_session_cookie(struct isms_web_response *res, const char *token)
{
    return set_cookie(res, ISMS_WEB_SESSION_COOKIE, token, "");
}

int isms_web_session_cookie_clear(struct isms_web_response *res)
{
    return set_cookie(res, ISMS_WEB_SESSION_COOKIE, "", "; Max-Age=0");
}

int isms_web_retry_after(struct isms_web_response *res)
{
    int64_t wait = isms_auth_retry_after();
    char seconds[24];

    snprintf(seconds, sizeof(seconds), "%" PRId64, wait > 0 ? wait : ISMS_AUTH_WINDOW_SECONDS);
    return isms_web_response_header(res, "Retry-After", seconds);
}

/* Loads the cookie's session. A full one becomes req->session; one owing its
 * second factor only when the route is an MFA step. */
static int load(struct isms_web_request *req, unsigned needs)
{
    const char *token = isms_web_session_token(req);
    struct isms_session *s = &req->session_data;
    int error;

    if (!token)
        return 0;
    if ((error = isms_auth_session(s, req->store, token)) == ISMS_EAUTH)
        return 0;
    if (error < 0)
        return error;
    req->session_mfa_pending = s->mfa_pending;
    if (s->mfa_pending && !(needs & ISMS_WEB_MFA_STEP))
        return 0;
    req->session = s;
    req->actor = (struct isms_actor){s->user_id, s->name, req->client_address, false};
    return 0;
}

static bool is_api_path(const char *path)
{
    return strncmp(path, "/api", 4) == 0 && (path[4] == '\0' || path[4] == '/');
}

static bool is_unsafe(const char *method)
{
    return strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0;
}

/* A page asked for without a session goes to the login page and back. */
static int redirect_to_login(struct isms_web_response *res, const struct isms_web_request *req)
{
    static const char hex[] = "0123456789ABCDEF";
    char location[ISMS_WEB_PATH_MAX * 3 + 32] = "/login?next=";
    size_t n = strlen(location);

    for (const unsigned char *p = (const unsigned char *)req->path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("/-._~", *p)) {
            location[n++] = (char)*p;
        } else {
            location[n++] = '%';
            location[n++] = hex[*p >> 4];
            location[n++] = hex[*p & 15];
        }
    }
    location[n] = '\0';
    isms_web_respond_static(res, 303, "text/plain; charset=utf-8", "sign in first\n");
    if (isms_web_response_header(res, "Location", location) < 0)
        return ISMS_ENOMEM;
    return 1;
}

static bool same_token(const char *expected, const char *token)
{
    return expected && expected[0] && token && isms_secure_equal(expected, token);
}

/* The header, else (for an HTML form) the "csrf" field of the body, equals
 * `expected`. */
static bool csrf_matches(const struct isms_web_request *req, const char *expected)
{
    const char *header = isms_web_request_header(req, CSRF_HEADER);
    struct isms_form form;
    bool ok = false;

    if (header)
        return same_token(expected, header);
    if (isms_multipart_is(req)) { /* an upload form (multipart.h) */
        struct isms_multipart mp;
        ok = isms_multipart_parse(&mp, req, "", 0) == 0 &&
             same_token(expected, isms_form_get(&mp.fields, CSRF_FIELD));
        isms_multipart_release(&mp);
        return ok;
    }
    if (!isms_web_request_is_form(req))
        return false;
    if (isms_form_parse(&form, isms_buf_cstr(&req->body), req->body.len) == 0)
        ok = same_token(expected, isms_form_get(&form, CSRF_FIELD));
    isms_form_release(&form);
    return ok;
}

static int refuse_csrf(void)
{
    return isms_error_set(ISMS_EPERM,
                          _("missing or wrong CSRF token; reload the page and try again"));
}

/* A public form (sign-in, logout, language) posted by a browser: the
 * session's token when it has one, else the pre-session cookie's (login CSRF,
 * as Django and Rails check it). JSON API routes are out of reach of a
 * cross-site form: their Content-Type needs a CORS preflight. */
static int check_public_form(const struct isms_web_request *req, unsigned needs)
{
    const char *expected = req->session ? req->session->csrf : presession_cookie(req);

    if (is_api_path(req->path) || !is_unsafe(req->method))
        return 0;
    if (!req->session && !req->session_mfa_pending && (needs & ISMS_WEB_SIGNED_OUT_NOOP))
        return 0;
    return csrf_matches(req, expected) ? 0 : refuse_csrf();
}

/* The role an unsafe method needs on an org route. */
static enum isms_role role_to_write(unsigned needs)
{
    if (needs & ISMS_WEB_ORG_ADMIN)
        return ISMS_ROLE_ADMIN;
    return needs & ISMS_WEB_RISK_WRITE ? ISMS_ROLE_RISK_OWNER : ISMS_ROLE_MANAGER;
}

static int resolve_org(struct isms_web_request *req, unsigned needs)
{
    const struct isms_session *s = req->session;
    const char *org = isms_web_request_param(req, "org");
    enum isms_role need;
    int error;

    if (!s) /* a public route with an org: anyone may read it */
        return isms_org_find(&req->org, req->store, org);
    if ((error = isms_membership_find_org(&req->org, &req->org_role, req->store, org, s->user_id,
                                          s->is_admin)) < 0)
        return error;
    req->actor.is_manager = req->org_role >= ISMS_ROLE_MANAGER;
    need = is_unsafe(req->method) ? role_to_write(needs) : ISMS_ROLE_AUDITOR;
    if (req->org_role < need)
        return isms_error_set(ISMS_EPERM, _("your role in '%s' is %s; this needs %s or above"),
                              req->org.slug, isms_role_name(req->org_role), isms_role_name(need));
    return 0;
}

static int refuse_anonymous(struct isms_web_response *res, const struct isms_web_request *req)
{
    if (!is_api_path(req->path) && !is_unsafe(req->method))
        return redirect_to_login(res, req);
    if (req->session_mfa_pending)
        return isms_error_set(ISMS_EAUTH, _("finish signing in with your second factor first"));
    return isms_error_set(ISMS_EAUTH, _("sign in first (POST /api/session)"));
}

/* A generated password was handed over: the user chooses their own before
 * anything else (pages go to the account page, the API answers 403). */
static int refuse_until_password_changed(struct isms_web_response *res,
                                         const struct isms_web_request *req)
{
    if (!is_api_path(req->path) && !is_unsafe(req->method)) {
        isms_web_respond_static(res, 303, "text/plain; charset=utf-8", "change your password\n");
        if (isms_web_response_header(res, "Location", "/account?password=required") < 0)
            return ISMS_ENOMEM;
        return 1;
    }
    return isms_error_set(ISMS_EPERM, _("choose a new password first (PUT /api/me/password)"));
}

int isms_web_session_authorize(struct isms_web_response *res, struct isms_web_request *req,
                               unsigned needs)
{
    int error;

    if ((error = load(req, needs)) < 0)
        return error;
    if ((needs & ISMS_WEB_PUBLIC) && (error = check_public_form(req, needs)) < 0)
        return error;
    if (!(needs & ISMS_WEB_PUBLIC)) {
        if (!req->session)
            return refuse_anonymous(res, req);
        if (is_unsafe(req->method) && !csrf_matches(req, req->session->csrf))
            return refuse_csrf();
        if (req->session->must_change_password && !(needs & ISMS_WEB_PASSWORD_CHANGE))
            return refuse_until_password_changed(res, req);
        if ((needs & ISMS_WEB_ADMIN) && !req->session->is_admin)
            return isms_error_set(ISMS_EPERM, "only administrators may do this");
    }
    if (needs & ISMS_WEB_NEEDS_ORG)
        return resolve_org(req, needs);
    return 0;
}
