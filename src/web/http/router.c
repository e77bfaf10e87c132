#include "isms_setup.h"
#include <microhttpd.h>
#include "isms/org.h"
#include "store/store.h"
#include "util/error.h"
#include "web/http/i18n.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/http/session.h"

/* Matches one pattern against a path, copying placeholder values into
 * `params`. Both start with '/'; segments are compared one by one. */
static bool match_pattern(struct isms_web_params *params, const char *pattern, const char *path)
{
    size_t used = 0;

    params->count = 0;
    while (*pattern == '/' && *path == '/') {
        const char *p_end, *s_end;
        size_t p_len, s_len;

        pattern++, path++;
        p_end = strchr(pattern, '/');
        s_end = strchr(path, '/');
        p_len = p_end ? (size_t)(p_end - pattern) : strlen(pattern);
        s_len = s_end ? (size_t)(s_end - path) : strlen(path);
        if (p_len >= 2 && pattern[0] == '{' && pattern[p_len - 1] == '}') {
            struct isms_web_param *param;
            if (s_len == 0 || params->count == ISMS_WEB_PARAMS_MAX ||
                used + s_len + 1 > sizeof(params->storage))
                return false;
            param = &params->items[params->count++];
            param->name = pattern + 1;
            param->name_len = p_len - 2;
            param->value = params->storage + used;
            memcpy(params->storage + used, path, s_len);
            params->storage[used + s_len] = '\0';
            used += s_len + 1;
        } else if (p_len != s_len || memcmp(pattern, path, p_len) != 0) {
            return false;
        }
        pattern += p_len;
        path += s_len;
    }
    return *pattern == '\0' && *path == '\0';
}

static void add_allowed(char *allow, size_t size, const char *method)
{
    size_t len = strlen(allow), n = strlen(method);
    const char *p = allow;

    /* Already listed? Methods are compared as whole words. */
    while ((p = strstr(p, method)) != NULL) {
        if ((p == allow || p[-1] == ' ') && (p[n] == ',' || p[n] == '\0'))
            return;
        p += n;
    }
    snprintf(allow + len, size - len, "%s%s", len ? ", " : "", method);
}

/* How specific a pattern is: bit 31 - i set when segment i is literal. Of
 * two patterns matching one path, the one with a literal segment where the
 * other first has a placeholder has the larger value ("/risks/new" over
 * "/risks/{risk}"), so tables need no order and features none between them. */
static uint32_t specificity(const char *pattern)
{
    uint32_t bits = 0;

    for (unsigned i = 0; *pattern == '/' && i < 32; i++) {
        const char *end = strchr(++pattern, '/');
        size_t len = end ? (size_t)(end - pattern) : strlen(pattern);
        if (!(len >= 2 && pattern[0] == '{' && pattern[len - 1] == '}'))
            bits |= UINT32_C(1) << (31 - i);
        pattern += len;
    }
    return bits;
}

enum isms_web_match isms_web_router_match(const struct isms_web_route **route_out,
                                          struct isms_web_params *params, char *allow,
                                          size_t allow_size, const struct isms_web_route *routes,
                                          size_t route_count, const char *method, const char *path)
{
    const char *want = strcmp(method, "HEAD") == 0 ? "GET" : method;
    const struct isms_web_route *best = NULL;
    uint32_t best_specificity = 0;
    bool path_known = false;

    if (allow_size)
        allow[0] = '\0';
    if (strlen(path) > ISMS_WEB_PATH_MAX)
        return ISMS_WEB_MATCH_NO_PATH;
    for (size_t i = 0; i < route_count; i++) {
        if (!match_pattern(params, routes[i].pattern, path))
            continue;
        path_known = true;
        if (strcmp(routes[i].method, want) == 0) {
            uint32_t s = specificity(routes[i].pattern);
            if (!best || s > best_specificity)
                best = &routes[i], best_specificity = s;
            /* An all-literal pattern cannot be beaten ("/healthz"). */
            if (!strchr(routes[i].pattern, '{'))
                break;
        } else if (allow_size) {
            add_allowed(allow, allow_size, routes[i].method);
            if (strcmp(routes[i].method, "GET") == 0)
                add_allowed(allow, allow_size, "HEAD");
        }
    }
    if (best) {
        match_pattern(params, best->pattern, path); /* the winner's values */
        *route_out = best;
        return ISMS_WEB_MATCH_FOUND;
    }
    params->count = 0;
    return path_known ? ISMS_WEB_MATCH_NO_METHOD : ISMS_WEB_MATCH_NO_PATH;
}

size_t isms_web_route_body_max(const struct isms_web_site *site, const char *method,
                               const char *path)
{
    const struct isms_web_route *route = NULL;
    struct isms_web_params params;

    if (isms_web_router_match(&route, &params, NULL, 0, site->routes, site->route_count, method,
                              path) == ISMS_WEB_MATCH_FOUND &&
        (route->needs & ISMS_WEB_LARGE_BODY))
        return ISMS_WEB_LARGE_BODY_MAX;
    return ISMS_WEB_BODY_MAX;
}

/* Everything between "the path matched" and "the handler runs". Returns 0 to
 * go on, an ISMS_E* code to answer with, or 1 when it has already written the
 * response (415 has no ISMS_E* code, a redirect to /login is no error). Who
 * asks and whose data the request touches (the org, joined with the user's
 * membership) are settled first, before anything in it is looked at. */
static int prepare(struct isms_web_response *res, struct isms_web_request *req,
                   const struct isms_web_route *route)
{
    int error;

    if ((error = isms_web_session_authorize(res, req, route->needs)) != 0 ||
        (error = isms_web_request_check_query(req)) < 0)
        return error;
    if (route->needs & ISMS_WEB_NEEDS_JSON) {
        if (!isms_web_request_is_json(req)) {
            isms_web_respond_error(res, 415, "unsupported_media_type",
                                   "the request body must be sent as 'application/json'");
            return 1;
        }
        if ((error = isms_web_request_parse_json(req)) < 0)
            return error;
    }
    return 0;
}

/* Page paths get their errors as translated HTML pages (the site's), the
 * API keeps its JSON. `status` 0 takes the status from `error`. */
static void respond_failure(struct isms_web_response *res, struct isms_web_request *req, int error,
                            unsigned status, const char *allow)
{
    isms_web_response_release(res);
    if (req->site->is_page_path(req->path) &&
        req->site->error_page(res, req, error, status, allow) == 0)
        return;
    isms_web_response_release(res);
    isms_web_respond_failure(res, error, isms_web_wants_japanese(req), req->method, req->path);
}

void isms_web_respond_failure_for(struct isms_web_response *res, struct isms_web_request *req,
                                  int error)
{
    respond_failure(res, req, error, 0, NULL);
}

static void dispatch(struct isms_web_response *res, struct isms_web_request *req)
{
    const struct isms_web_route *route = NULL;
    char allow[64], message[160];
    int error;

    switch (isms_web_router_match(&route, &req->params, allow, sizeof(allow), req->site->routes,
                                  req->site->route_count, req->method, req->path)) {
    case ISMS_WEB_MATCH_FOUND:
        break;
    case ISMS_WEB_MATCH_NO_PATH:
        isms_error_set(ISMS_ENOTFOUND, _("no such endpoint '%.900s'"), req->path);
        respond_failure(res, req, ISMS_ENOTFOUND, 0, NULL);
        return;
    case ISMS_WEB_MATCH_NO_METHOD:
        snprintf(message, sizeof(message), "'%.40s' is not allowed here; use %s", req->method,
                 allow);
        if (req->site->is_page_path(req->path)) {
            isms_error_set(ISMS_EINVALID, _("'%.40s' is not allowed here; use %s"), req->method,
                           allow);
            respond_failure(res, req, ISMS_EINVALID, 405, allow);
            return;
        }
        isms_web_respond_error(res, 405, "method_not_allowed", message);
        if (isms_web_response_header(res, "Allow", allow) < 0)
            isms_web_respond_failure(res, ISMS_ENOMEM, false, req->method, req->path);
        return;
    }
    if ((error = prepare(res, req, route)) > 0)
        return;
    if (error == 0)
        error = route->handler(res, req);
    if (error < 0) {
        /* A handler may have half-built a response before failing. */
        respond_failure(res, req, error, 0, NULL);
        if (error == ISMS_ELIMIT && isms_web_retry_after(res) < 0)
            isms_web_respond_failure(res, ISMS_ENOMEM, false, req->method, req->path);
    }
}

void isms_web_dispatch(struct isms_web_response *res, struct isms_web_request *req)
{
    /* One connection for the whole request: the session, the org and every
     * query of the handler run on it (a risk page used to take three). */
    isms_store_hold(req->store);
    dispatch(res, req);
    isms_store_let_go(req->store);
    if (isms_web_presession_cookie(res, req) < 0)
        isms_web_respond_failure(res, ISMS_ENOMEM, false, req->method, req->path);
}
