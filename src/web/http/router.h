/*
 * The route table: {method, pattern, handler, needs}. Patterns are literal
 * segments and "{name}" placeholders, each matching one non-empty segment:
 * "/api/orgs/{org}/soa/{control}". Each feature keeps its tables in the
 * files of its handlers; web/site.c joins them (src/features.def).
 */
#ifndef ISMS_WEB_ROUTER_H
#define ISMS_WEB_ROUTER_H

#include "web/http/params.h"

struct isms_web_request;
struct isms_web_response;

/* A handler fills `res` and returns 0, or returns an ISMS_E* code (with the
 * thread's last error message) for the dispatcher to turn into an error. */
typedef int (*isms_web_handler_fn)(struct isms_web_response *res, struct isms_web_request *req);

/* What the dispatcher does before calling the handler. */
enum {
    ISMS_WEB_NEEDS_ORG = 1,  /* resolve {org} (id or slug) into req->org; 404 if none */
    ISMS_WEB_NEEDS_JSON = 2, /* a JSON object body in req->json; 415/400 otherwise */
    /* Who may call it (web/session.h has the whole rule set). Without
     * ISMS_WEB_PUBLIC a route needs a signed-in user; on ISMS_WEB_NEEDS_ORG
     * routes GET/HEAD need any role in the org (auditor up) and other methods
     * the manager role, or risk_owner for ISMS_WEB_RISK_WRITE routes. */
    ISMS_WEB_PUBLIC = 4, /* anyone, signed in or not (login, /healthz, static files) */
    ISMS_WEB_ADMIN = 8,  /* system administrators only (create orgs and users) */
    /* Writes a risk owner may make: risks, treatments, acceptance. Not the
     * selection of a risk's controls: that changes the SoA (managers). */
    ISMS_WEB_RISK_WRITE = 16,
    ISMS_WEB_ORG_ADMIN = 32, /* the org's admin role (manage its members) */
    ISMS_WEB_MFA_STEP = 64,  /* reachable by a session still owing its second factor */
    /* Uploads (CSV import, the HTML import form): the body may be up to
     * ISMS_WEB_LARGE_BODY_MAX instead of ISMS_WEB_BODY_MAX (request.h). The
     * server looks the route up as soon as the headers are in, before any of
     * the body is read, so a route only needs this flag, e.g.
     *   {"POST", "/orgs/{org}/assets/import", handler, ORG | ISMS_WEB_LARGE_BODY}
     * Everything else keeps the small cap: a big body costs memory. */
    ISMS_WEB_LARGE_BODY = 128,
    /* A public form that does nothing without a session (logout): an
     * anonymous post needs no pre-session token, so a page left open past
     * its session still logs out cleanly. */
    ISMS_WEB_SIGNED_OUT_NOOP = 256,
    /* Reachable by a user who must first replace a generated password (the
     * account page, the password change, the session, logout): every other
     * route sends them there. */
    ISMS_WEB_PASSWORD_CHANGE = 512,
};

struct isms_web_route {
    const char *method;
    const char *pattern;
    isms_web_handler_fn handler;
    unsigned needs;
};

/* What a server serves: the routes of every feature, and for page paths
 * (not the JSON API) the HTML page that shows a failure. */
struct isms_web_site {
    const struct isms_web_route *routes;
    size_t route_count;
    bool (*is_page_path)(const char *path);
    /* The error page for `error` with `status` (0: the error's own) and an
     * Allow header when `allow` is set; non-zero when it could not be made. */
    int (*error_page)(struct isms_web_response *res, struct isms_web_request *req, int error,
                      unsigned status, const char *allow);
};

enum isms_web_match {
    ISMS_WEB_MATCH_FOUND,
    ISMS_WEB_MATCH_NO_PATH,   /* 404 */
    ISMS_WEB_MATCH_NO_METHOD, /* 405: the path exists with other methods */
};

/* Finds the route for `method` and `path` in `routes`. HEAD is served by GET
 * routes. On FOUND, *route_out and `params` are set; on NO_METHOD, `allow`
 * holds the methods the path takes ("GET, HEAD, PUT"). */
enum isms_web_match isms_web_router_match(const struct isms_web_route **route_out,
                                          struct isms_web_params *params, char *allow,
                                          size_t allow_size, const struct isms_web_route *routes,
                                          size_t route_count, const char *method, const char *path);

/* The body cap of the route `method` and `path` would be dispatched to:
 * ISMS_WEB_LARGE_BODY_MAX for ISMS_WEB_LARGE_BODY routes, ISMS_WEB_BODY_MAX
 * otherwise (also when no route matches: the answer is 404/405 anyway). */
size_t isms_web_route_body_max(const struct isms_web_site *site, const char *method,
                               const char *path);

/* The error response for `error` (an ISMS_E* code with the thread's last
 * message) as the path wants it: an HTML error page outside /api (rendered
 * for whoever the request has been found to be so far), JSON under /api.
 * Replaces whatever `res` held. */
void isms_web_respond_failure_for(struct isms_web_response *res, struct isms_web_request *req,
                                  int error);

/* Routes `req`, applies the route's needs and runs its handler; `res` always
 * ends up holding a response to send. */
void isms_web_dispatch(struct isms_web_response *res, struct isms_web_request *req);

#endif
