#include "isms_setup.h"
#include <microhttpd.h>
#include "isms/auth.h"
#include "isms/membership.h"
#include "util/error.h"
#include "web/form.h"
#include "web/multipart.h"
#include "web/request.h"
#include "web/response.h"
#include "web/router.h"
#include "web/session.h"

#define CSRF_HEADER "X-CSRF-Token"
#define CSRF_FIELD "csrf"

static bool secure_cookies;

void isms_web_session_set_secure_cookies(bool secure)
{
    secure_cookies = secure;
}

const struct isms_session *isms_web_session(const struct isms_web_request *req)
{
    return req->session;
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

static int set_cookie(struct isms_web_response *res, const char *value, const char *extra)
{
    char header[256];

    snprintf(header, sizeof(header), "%s=%s; Path=/; HttpOnly; SameSite=Strict%s%s",
             ISMS_WEB_SESSION_COOKIE, value, secure_cookies ? "; Secure" : "", extra);
    return isms_web_response_header(res, "Set-Cookie", header);
}

int isms_web_session_cookie(struct isms_web_response *res, const char *token)
{
    return set_cookie(res, token, "");
}

int isms_web_session_cookie_clear(struct isms_web_response *res)
{
    return set_cookie(res, "", "; Max-Age=0");
}

int isms_web_retry_after(struct isms_web_response *res)
{
    char seconds[16];

    snprintf(seconds, sizeof(seconds), "%d", ISMS_AUTH_WINDOW_SECONDS);
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
    req->actor = (struct isms_actor){s->user_id, s->name, req->client_address};
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

/* The header, else (for an HTML form) the "csrf" field of the body. */
static bool csrf_ok(const struct isms_web_request *req)
{
    const char *header = isms_web_request_header(req, CSRF_HEADER);
    struct isms_form form;
    bool ok = false;

    if (header)
        return isms_web_csrf_valid(req, header);
    if (isms_multipart_is(req)) { /* an upload form (multipart.h) */
        struct isms_multipart mp;
        ok = isms_multipart_parse(&mp, req, "", 0) == 0 &&
             isms_web_csrf_valid(req, isms_form_get(&mp.fields, CSRF_FIELD));
        isms_multipart_release(&mp);
        return ok;
    }
    if (!isms_web_request_is_form(req))
        return false;
    if (isms_form_parse(&form, isms_buf_cstr(&req->body), req->body.len) == 0)
        ok = isms_web_csrf_valid(req, isms_form_get(&form, CSRF_FIELD));
    isms_form_release(&form);
    return ok;
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
    need = is_unsafe(req->method) ? role_to_write(needs) : ISMS_ROLE_AUDITOR;
    if (req->org_role < need)
        return isms_error_set(ISMS_EPERM, "your role in '%s' is %s; this needs %s or above",
                              req->org.slug, isms_role_name(req->org_role), isms_role_name(need));
    return 0;
}

static int refuse_anonymous(struct isms_web_response *res, const struct isms_web_request *req)
{
    if (!is_api_path(req->path) && !is_unsafe(req->method))
        return redirect_to_login(res, req);
    if (req->session_mfa_pending)
        return isms_error_set(ISMS_EAUTH, "finish signing in with your second factor first");
    return isms_error_set(ISMS_EAUTH, "sign in first (POST /api/session)");
}

int isms_web_session_authorize(struct isms_web_response *res, struct isms_web_request *req,
                               unsigned needs)
{
    int error;

    if ((error = load(req, needs)) < 0)
        return error;
    if (!(needs & ISMS_WEB_PUBLIC)) {
        if (!req->session)
            return refuse_anonymous(res, req);
        if (is_unsafe(req->method) && !csrf_ok(req))
            return isms_error_set(ISMS_EPERM, "missing or wrong CSRF token; reload the page and "
                                              "try again");
        if ((needs & ISMS_WEB_ADMIN) && !req->session->is_admin)
            return isms_error_set(ISMS_EPERM, "only administrators may do this");
    }
    if (needs & ISMS_WEB_NEEDS_ORG)
        return resolve_org(req, needs);
    return 0;
}
