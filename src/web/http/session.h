/*
 * Sessions and CSRF on the web side. The dispatcher (router.c) reads the
 * "isms_session" cookie of every request, fills req->session and req->actor,
 * and enforces the route's needs (router.h) before any handler runs:
 *
 *   - a route without ISMS_WEB_PUBLIC needs a signed-in user: API paths
 *     (/api/...) answer 401 JSON, page paths redirect (303) to /login?next=PATH;
 *   - a session still owing its second factor reaches only routes flagged
 *     ISMS_WEB_MFA_STEP (everything else behaves as signed out);
 *   - every unsafe method (not GET/HEAD) of a signed-in request needs the
 *     session's CSRF token: header X-CSRF-Token, or for an HTML form
 *     (application/x-www-form-urlencoded) the field "csrf"; 403 otherwise;
 *   - so do the public forms outside /api (sign-in, second factor, logout,
 *     language): the session's token when there is one, else the
 *     pre-session token of the "isms_presession" cookie (no login CSRF);
 *   - ISMS_WEB_NEEDS_ORG resolves {org} joined with the user's membership
 *     (404 for orgs the user is not in) and sets req->org_role;
 *   - role rules: auditors only read; risk owners write only routes flagged
 *     ISMS_WEB_RISK_WRITE; managers and admins write everything in the org;
 *     ISMS_WEB_ORG_ADMIN needs the org's admin role; ISMS_WEB_ADMIN a system
 *     administrator.
 *
 * Handlers for the HTML login pages (h5) use the functions below together
 * with isms_auth_login / isms_auth_complete_mfa from isms/auth.h.
 */
#ifndef ISMS_WEB_SESSION_H
#define ISMS_WEB_SESSION_H

#include "isms/auth.h"
#include "isms/membership.h"

struct isms_web_request;
struct isms_web_response;

#define ISMS_WEB_SESSION_COOKIE "isms_session"

/* The signed-in user's session, or NULL when the request is anonymous (or
 * its session still waits for the second factor and the route is not an
 * MFA step). Borrowed from the request. */
const struct isms_session *isms_web_session(const struct isms_web_request *req);

/* The language of an API answer's messages: the signed-in user's setting,
 * else the client's Accept-Language; a client that says nothing (a script)
 * gets English. Pages choose theirs in isms_page_init. */
bool isms_web_wants_japanese(const struct isms_web_request *req);

/* The time zone of the files a request downloads (xlsx): the signed-in
 * user's setting, else Asia/Tokyo - they are written for a Japanese ISMS
 * team. Borrowed. */
const char *isms_web_export_zone(const struct isms_web_request *req);

/* The user's role in the route's {org} (ISMS_ROLE_ADMIN for a system
 * administrator); ISMS_ROLE_NONE on routes without an org. */
enum isms_role isms_web_org_role(const struct isms_web_request *req);

/* True when `token` is the session's CSRF token (constant-time compare);
 * false without a session or token. The dispatcher already checks every
 * unsafe request; pages may call this for their own needs. */
bool isms_web_csrf_valid(const struct isms_web_request *req, const char *token);

/* The pre-session CSRF token of an anonymous browser: what the sign-in form
 * (and every public form: logout, language) must post back as "csrf". Taken
 * from the "isms_presession" cookie, or made new (NULL only when the random
 * generator fails); a new one is set by isms_web_presession_cookie. Borrowed
 * from the request. */
const char *isms_web_presession_token(struct isms_web_request *req);

/* Set-Cookie for the pre-session token when this request made a new one;
 * 0 and nothing added otherwise. The dispatcher calls it for every answer. */
int isms_web_presession_cookie(struct isms_web_response *res, const struct isms_web_request *req);

/* Set-Cookie for a new session token (HttpOnly, SameSite=Strict, Path=/,
 * Secure when the server runs with --secure-cookies) / one that removes it. */
int isms_web_session_cookie(struct isms_web_response *res, const char *token);
int isms_web_session_cookie_clear(struct isms_web_response *res);

/* The raw cookie token of the request, or NULL. Borrowed. */
const char *isms_web_session_token(const struct isms_web_request *req);

/* Adds "Retry-After: <seconds>" to a 429 (ISMS_ELIMIT) answer: the wait the
 * rate limit named (isms_auth_retry_after), else its whole window.
 * The dispatcher does it for API errors; pages answering 429 call it. */
int isms_web_retry_after(struct isms_web_response *res);

/* Set once at start-up by `isms serve --secure-cookies` (behind TLS). */
void isms_web_session_set_secure_cookies(bool secure);

/* Called by the dispatcher before the handler: loads the cookie's session
 * into req (req->session, req->actor, req->org and req->org_role for
 * ISMS_WEB_NEEDS_ORG routes) and applies the rules above for a route with
 * `needs`. Returns 0 to go on, 1 when it has written the response itself
 * (the redirect to /login), or an ISMS_E* code to answer with (401, 403,
 * 404). */
int isms_web_session_authorize(struct isms_web_response *res, struct isms_web_request *req,
                               unsigned needs);

#endif
