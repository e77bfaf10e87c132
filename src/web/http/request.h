/*
 * One HTTP request as the handlers see it: method, path, the parameters the
 * router took from the path, the body (capped) and, for JSON routes, the
 * parsed document. Lives from the first access-handler call until MHD reports
 * the request complete.
 */
#ifndef ISMS_WEB_REQUEST_H
#define ISMS_WEB_REQUEST_H

#include <jansson.h>
#include "isms/auth.h"
#include "isms/membership.h"
#include "isms/org.h"
#include "model/actor.h"
#include "util/arena.h"
#include "util/buf.h"
#include "web/http/params.h"

struct MHD_Connection;
struct isms_store;
struct isms_web_site;

/* What every request of a running server shares. */
struct isms_web_serving {
    struct isms_store *store;
    const struct isms_web_site *site;
};

/* Hard cap on a request body; a bigger one is answered 413. */
#define ISMS_WEB_BODY_MAX (1u << 20)
/* The cap of upload routes (router.h, ISMS_WEB_LARGE_BODY): CSV imports. */
#define ISMS_WEB_LARGE_BODY_MAX (32u << 20)
/* Past this many dropped bytes an oversized body is no longer read to the end
 * (to keep the connection alive): the connection is closed instead. */
#define ISMS_WEB_DISCARD_MAX (16u << 20)

struct isms_web_request {
    struct MHD_Connection *connection;
    struct isms_store *store;
    const struct isms_web_site *site; /* the routes and error pages it is dispatched with */
    const char *method;               /* borrowed from MHD for the request's life */
    const char *path;                 /* percent-decoded, without the query string */
    struct isms_buf body;
    size_t body_max;  /* the route's cap: ISMS_WEB_BODY_MAX or ISMS_WEB_LARGE_BODY_MAX */
    size_t discarded; /* bytes dropped once the body passed body_max */
    struct isms_web_params params;
    json_t *json;            /* the parsed body of a JSON route, owned */
    struct isms_org org;     /* the path's {org}, for routes that need one */
    struct isms_actor actor; /* who the request acts as, for the journal */
    /* The signed-in user (web/session.h): session points at session_data, or
     * is NULL for an anonymous request. Filled by the dispatcher. */
    struct isms_session session_data;
    const struct isms_session *session;
    bool session_mfa_pending; /* a session exists but still owes its second factor */
    enum isms_role org_role;  /* the user's role in req->org (ISMS_WEB_NEEDS_ORG routes) */
    char client_address[64];  /* the peer's IP address, as text */
    /* The pre-session CSRF token of an anonymous browser (web/session.h):
     * the cookie's, or a new one to be set on the response when fresh. */
    char presession[ISMS_TOKEN_TEXT_SIZE];
    bool presession_fresh;
    /* Temporary strings and structs of the handler, freed with the request. */
    struct isms_arena arena;
};

/* `isms serve --trusted-proxy ADDR`, before the server starts: requests whose
 * peer is ADDR (numeric IPv4 or IPv6) take their client_address from the last
 * X-Forwarded-For entry. ISMS_EINVALID for anything but a numeric address or
 * past 8 proxies. */
int isms_web_trusted_proxy_add(const char *address);

/* *out is owned by the caller: isms_web_request_free() it. `body_max` is
 * the cap of the route method and path go to (isms_web_route_body_max). */
int isms_web_request_new(struct isms_web_request **out, struct MHD_Connection *connection,
                         const struct isms_web_serving *serving, const char *method,
                         const char *path, size_t body_max);
void isms_web_request_free(struct isms_web_request *req);

/* Appends upload data; past req->body_max the data is counted and dropped.
 * ISMS_ETOOBIG once ISMS_WEB_DISCARD_MAX bytes have been dropped. */
int isms_web_request_feed(struct isms_web_request *req, const char *data, size_t len);

bool isms_web_request_too_big(const struct isms_web_request *req);

/* ISMS_ETOOBIG with the message clients see: the cap in bytes and MiB. */
int isms_web_request_too_big_error(const struct isms_web_request *req);

/* The declared Content-Length, or 0 when there is none. */
uint64_t isms_web_request_content_length(const struct isms_web_request *req);

/* A request header or query parameter; NULL when absent, "" for a query
 * parameter given without a value. Borrowed. */
const char *isms_web_request_header(const struct isms_web_request *req, const char *name);
const char *isms_web_request_query(const struct isms_web_request *req, const char *name);

/* ISMS_EINVALID naming the first query parameter whose name or value is not
 * well-formed UTF-8 (after percent-decoding); the dispatcher checks every
 * request once, so handlers may take query values as text. */
int isms_web_request_check_query(const struct isms_web_request *req);
/* A path parameter ("{org}" -> "org"); NULL when the route has none. */
const char *isms_web_request_param(const struct isms_web_request *req, const char *name);

/* True when Content-Type is application/json (parameters such as charset allowed). */
bool isms_web_request_is_json(const struct isms_web_request *req);
/* True when Content-Type is text/csv (an import sent by a program). */
bool isms_web_request_is_csv(const struct isms_web_request *req);

/* True when Content-Type starts with application/x-www-form-urlencoded (an
 * HTML form post). */
#define ISMS_WEB_FORM_TYPE "application/x-www-form-urlencoded"
bool isms_web_request_is_form(const struct isms_web_request *req);

/* Parses the body into req->json; ISMS_EINVALID with jansson's reason for
 * malformed JSON or a top level that is not an object. */
int isms_web_request_parse_json(struct isms_web_request *req);

/* Member `key` of a JSON object body as a borrowed string: NULL when absent
 * or null, ISMS_EINVALID naming the key when it is not a string. */
int isms_web_json_string(const char **out, const json_t *object, const char *key);

#endif
