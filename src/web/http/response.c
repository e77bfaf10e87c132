#include "isms_setup.h"
#include <ctype.h>
#include <microhttpd.h>
#include "util/buf.h"
#include "util/error.h"
#include "util/text.h"
#include "web/http/response.h"

/* Sent when even the error document cannot be built. */
static const char oom_body[] =
    "{\"error\":{\"code\":\"out_of_memory\",\"message\":\"out of memory\"}}\n";

/* Every response: the API serves data, never something a browser should
 * sniff, frame, run scripts in or leak a Referer from. */
static const struct {
    const char *name, *value;
} security_headers[] = {
    {"X-Content-Type-Options", "nosniff"},
    {"X-Frame-Options", "DENY"},
    {"Referrer-Policy", "no-referrer"},
};

void isms_web_response_init(struct isms_web_response *res)
{
    memset(res, 0, sizeof(*res));
}

static void drop_body(struct isms_web_response *res)
{
    if (!res->body_static)
        free(res->body);
    res->body = NULL;
    res->body_len = 0;
    res->body_static = false;
}

void isms_web_response_release(struct isms_web_response *res)
{
    drop_body(res);
    for (size_t i = 0; i < res->header_count; i++)
        free(res->headers[i].value);
    isms_web_response_init(res);
}

void isms_web_respond_static(struct isms_web_response *res, unsigned status,
                             const char *content_type, const char *body)
{
    drop_body(res);
    res->status = status;
    res->content_type = content_type;
    res->body = (char *)body;
    res->body_len = strlen(body);
    res->body_static = true;
}

int isms_web_respond_no_content(struct isms_web_response *res)
{
    isms_web_respond_static(res, 204, NULL, "");
    return 0;
}

void isms_web_respond_bytes(struct isms_web_response *res, unsigned status,
                            const char *content_type, char *body, size_t len)
{
    drop_body(res);
    res->status = status;
    res->content_type = content_type;
    res->body = body;
    res->body_len = len;
}

static int dump_to_buf(const char *data, size_t size, void *buf)
{
    return isms_buf_put(buf, data, size) < 0 ? -1 : 0;
}

int isms_web_respond_json(struct isms_web_response *res, unsigned status, json_t *value)
{
    struct isms_buf buf = ISMS_BUF_INIT(ISMS_WEB_JSON_MAX);
    size_t len;
    char *body;
    int error = 0;

    /* Builders return NULL when out of memory or handed text that is not UTF-8. */
    if (!value)
        return isms_error_set(ISMS_ERROR, "cannot build the JSON response");
    if (json_dump_callback(value, dump_to_buf, &buf, JSON_COMPACT) < 0 ||
        isms_buf_putc(&buf, '\n') < 0) {
        error = isms_error_set(ISMS_ERROR, "cannot render the JSON response");
        goto done;
    }
    body = isms_buf_detach(&buf, &len);
    isms_web_respond_bytes(res, status, ISMS_WEB_JSON_TYPE, body, len);
done:
    isms_buf_release(&buf);
    json_decref(value);
    return error;
}

int isms_web_response_header(struct isms_web_response *res, const char *name, const char *value)
{
    char *copy;

    if (res->header_count == ISMS_WEB_HEADERS_MAX)
        ISMS_BUG("too many response headers");
    if (!(copy = strdup(value)))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    res->headers[res->header_count].name = name;
    res->headers[res->header_count++].value = copy;
    return 0;
}

/* RFC 6266: a quoted ASCII name for old clients (anything outside printable
 * ASCII, quotes and backslashes become '_'), and the exact name as RFC 8187
 * percent-encoded UTF-8. */
static int disposition(struct isms_buf *out, const char *filename)
{
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *p;
    int error = isms_buf_puts(out, "attachment; filename=\"");

    for (p = (const unsigned char *)filename; error == 0 && *p; p++)
        error = isms_buf_putc(out,
                              *p < 0x20 || *p > 0x7e || *p == '"' || *p == '\\' ? '_' : (char)*p);
    if (error == 0)
        error = isms_buf_puts(out, "\"; filename*=UTF-8''");
    for (p = (const unsigned char *)filename; error == 0 && *p; p++) {
        if (isalnum(*p) || strchr("-._~", *p))
            error = isms_buf_putc(out, (char)*p);
        else
            error = isms_buf_printf(out, "%%%c%c", hex[*p >> 4], hex[*p & 15]);
    }
    return error;
}

int isms_web_respond_attachment(struct isms_web_response *res, const char *content_type, char *body,
                                size_t len, const char *filename)
{
    struct isms_buf header = ISMS_BUF_INIT(4096);
    int error;

    isms_web_respond_bytes(res, 200, content_type, body, len);
    if ((error = disposition(&header, filename)) == 0)
        error = isms_web_response_header(res, "Content-Disposition", isms_buf_cstr(&header));
    isms_buf_release(&header);
    return error;
}

/* Error messages may quote user input (a path segment is any bytes) or be cut
 * mid-character by the message buffer; jansson only takes valid UTF-8, so
 * every byte that does not start a valid sequence becomes '?'. */
static void make_utf8(char *s)
{
    unsigned char *p = (unsigned char *)s;

    if (isms_text_valid_utf8(s))
        return;
    while (*p) {
        char sequence[5] = {0};
        size_t n = 1;

        /* The shortest valid prefix is the sequence: 2 to 4 bytes. */
        if (*p >= 0x80) {
            for (n = 2; n <= 4 && p[n - 1]; n++) {
                memcpy(sequence, p, n);
                sequence[n] = '\0';
                if (isms_text_valid_utf8(sequence))
                    break;
            }
            if (n > 4 || !p[n - 1]) {
                *p = '?';
                n = 1;
            }
        }
        p += n;
    }
}

void isms_web_respond_error(struct isms_web_response *res, unsigned status, const char *code,
                            const char *message)
{
    char text[1024];
    json_t *doc;

    snprintf(text, sizeof(text), "%s", message);
    make_utf8(text);
    doc = json_pack("{s:{s:s,s:s}}", "error", "code", code, "message", text);
    drop_body(res);
    if (isms_web_respond_json(res, status, doc) < 0)
        isms_web_respond_static(res, 500, ISMS_WEB_JSON_TYPE, oom_body);
}

void isms_web_respond_failure(struct isms_web_response *res, int error, bool japanese,
                              const char *method, const char *path)
{
    int status = isms_error_http_status(error);

    /* A 500 means a bug or a broken database: the operator needs the detail,
     * the client must not see it (it may name tables, files or SQL). */
    if (status >= 500) {
        fprintf(stderr, "isms: %s %s: %s: %s\n", method, path, isms_error_name(error),
                isms_error_last());
        isms_web_respond_error(res, (unsigned)status, isms_error_name(error),
                               "internal error; the server log has the details");
        return;
    }
    isms_web_respond_error(res, (unsigned)status, isms_error_name(error),
                           japanese ? isms_error_last_ja() : isms_error_last());
}

static const char data_csp[] = "default-src 'none'; frame-ancestors 'none'";
static const char page_csp[] = "default-src 'none'; style-src 'self'; script-src 'self'; "
                               "img-src 'self' data:; form-action 'self'; base-uri 'none'; "
                               "frame-ancestors 'none'";

static bool is_html(const struct isms_web_response *res)
{
    return res->content_type && strncmp(res->content_type, "text/html", 9) == 0;
}

static bool is_api_path(const char *path)
{
    return strncmp(path, "/api", 4) == 0 && (path[4] == '\0' || path[4] == '/');
}

bool isms_web_response_queue(struct MHD_Connection *connection, struct isms_web_response *res,
                             const char *path)
{
    struct MHD_Response *mhd;
    bool ok = true;

    if (res->body_static)
        mhd = MHD_create_response_from_buffer(res->body_len, res->body, MHD_RESPMEM_PERSISTENT);
    else
        mhd = MHD_create_response_from_buffer_with_free_callback(res->body_len, res->body, free);
    if (!mhd)
        return false;
    /* MHD frees the body with the response from now on. */
    res->body = NULL;
    res->body_len = 0;
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(security_headers); i++)
        ok &= MHD_add_response_header(mhd, security_headers[i].name, security_headers[i].value) ==
              MHD_YES;
    /* HTML pages may load the one stylesheet and script under /static (web
     * UI, src/web/pages/static_files.c), nothing inline; anything else loads nothing. */
    ok &= MHD_add_response_header(mhd, "Content-Security-Policy",
                                  is_html(res) ? page_csp : data_csp) == MHD_YES;
    if (is_api_path(path))
        ok &= MHD_add_response_header(mhd, "Cache-Control", "no-store") == MHD_YES;
    if (res->content_type)
        ok &= MHD_add_response_header(mhd, "Content-Type", res->content_type) == MHD_YES;
    for (size_t i = 0; i < res->header_count; i++)
        ok &= MHD_add_response_header(mhd, res->headers[i].name, res->headers[i].value) == MHD_YES;
    ok = ok && MHD_queue_response(connection, res->status, mhd) == MHD_YES;
    MHD_destroy_response(mhd);
    return ok;
}
