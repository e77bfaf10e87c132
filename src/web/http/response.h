/*
 * What a handler produces: a status, a body and a few extra headers. The
 * server turns it into an MHD response and adds the security headers every
 * response carries (see isms_web_response_queue).
 */
#ifndef ISMS_WEB_RESPONSE_H
#define ISMS_WEB_RESPONSE_H

#include <jansson.h>

struct MHD_Connection;

#define ISMS_WEB_JSON_TYPE "application/json"
#define ISMS_WEB_HEADERS_MAX 4
/* The largest JSON document the API renders; far above the whole catalog. */
#define ISMS_WEB_JSON_MAX (16u << 20)

struct isms_web_header {
    const char *name; /* static */
    char *value;      /* owned */
};

struct isms_web_response {
    unsigned status;
    const char *content_type; /* static */
    char *body;               /* owned, unless body_static */
    size_t body_len;
    bool body_static;
    struct isms_web_header headers[ISMS_WEB_HEADERS_MAX];
    size_t header_count;
};

void isms_web_response_init(struct isms_web_response *res);

/* Frees the body and headers and empties the response. */
void isms_web_response_release(struct isms_web_response *res);

/* `value` rendered as compact JSON plus a newline. Steals the reference, also
 * on failure; a NULL `value` (a builder that failed) is ISMS_ERROR. */
int isms_web_respond_json(struct isms_web_response *res, unsigned status, json_t *value);

/* A body that outlives every request (a string literal). */
void isms_web_respond_static(struct isms_web_response *res, unsigned status,
                             const char *content_type, const char *body);

/* 204 No Content (a deleted thing); 0, for a handler to return. */
int isms_web_respond_no_content(struct isms_web_response *res);

/* A malloc'd body; the response owns it from now on, also on failure. */
void isms_web_respond_bytes(struct isms_web_response *res, unsigned status,
                            const char *content_type, char *body, size_t len);

/* A download: the body as isms_web_respond_bytes, with Content-Disposition
 * attachment naming `filename` (any UTF-8: RFC 6266 filename* for it, an
 * ASCII fallback beside). */
int isms_web_respond_attachment(struct isms_web_response *res, const char *content_type, char *body,
                                size_t len, const char *filename);

/* Adds a header (e.g. Location); `name` must be static, `value` is copied. */
int isms_web_response_header(struct isms_web_response *res, const char *name, const char *value);

/* {"error":{"code": code, "message": message}} with `status`. Replaces any
 * body the response had; never fails (falls back to a static body). */
void isms_web_respond_error(struct isms_web_response *res, unsigned status, const char *code,
                            const char *message);

/* The error response for an ISMS_E* code and the thread's last error message
 * (its Japanese form when `japanese`; the code stays English). Internal
 * errors are logged to stderr and answered without detail. */
void isms_web_respond_failure(struct isms_web_response *res, int error, bool japanese,
                              const char *method, const char *path);

/* Queues `res` on `connection` with the security headers; Cache-Control:
 * no-store for paths under /api. Returns false when MHD refuses. */
bool isms_web_response_queue(struct MHD_Connection *connection, struct isms_web_response *res,
                             const char *path);

#endif
