#include "isms_setup.h"
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <strings.h>
#include "export/json_util.h"
#include "util/error.h"
#include "util/text.h"
#include "web/http/request.h"

#define TRUSTED_PROXY_MAX 8

/* A numeric address in one form for comparing: IPv4 as ::ffff:a.b.c.d. */
struct ip_address {
    unsigned char bytes[16];
};

static struct ip_address trusted_proxies[TRUSTED_PROXY_MAX];
static size_t trusted_proxy_count;

static bool parse_ip(struct ip_address *out, const char *text)
{
    struct in_addr v4;

    memset(out, 0, sizeof(*out));
    if (inet_pton(AF_INET, text, &v4) == 1) {
        out->bytes[10] = out->bytes[11] = 0xff;
        memcpy(out->bytes + 12, &v4, 4);
        return true;
    }
    return inet_pton(AF_INET6, text, out->bytes) == 1;
}

int isms_web_trusted_proxy_add(const char *address)
{
    if (trusted_proxy_count == TRUSTED_PROXY_MAX)
        return isms_error_set(ISMS_EINVALID, _("at most %d trusted proxies"), TRUSTED_PROXY_MAX);
    if (!address || !parse_ip(&trusted_proxies[trusted_proxy_count], address))
        return isms_error_set(ISMS_EINVALID, _("'%.64s' is not a numeric IPv4 or IPv6 address"),
                              address ? address : "");
    trusted_proxy_count++;
    return 0;
}

static bool is_trusted_proxy(const char *address)
{
    struct ip_address ip;

    if (!trusted_proxy_count || !parse_ip(&ip, address))
        return false;
    for (size_t i = 0; i < trusted_proxy_count; i++)
        if (memcmp(&ip, &trusted_proxies[i], sizeof(ip)) == 0)
            return true;
    return false;
}

/* The client a trusted proxy names: the last entry of X-Forwarded-For (the
 * one the proxy itself appended; earlier ones are the client's to invent).
 * Left as the peer's address when the header is missing or not an address. */
static void take_forwarded_for(char *out, size_t size, struct MHD_Connection *connection)
{
    const char *header = MHD_lookup_connection_value(connection, MHD_HEADER_KIND,
                                                     "X-Forwarded-For");
    const char *last;
    char entry[64];
    struct ip_address ip;
    size_t n;

    if (!header)
        return;
    last = strrchr(header, ',');
    last = last ? last + 1 : header;
    while (*last == ' ' || *last == '\t')
        last++;
    n = strcspn(last, " \t");
    if (n == 0 || n >= sizeof(entry))
        return;
    memcpy(entry, last, n);
    entry[n] = '\0';
    if (parse_ip(&ip, entry))
        snprintf(out, size, "%s", entry);
}

/* The peer's address as text ("" when unknown, e.g. in unit tests). */
static void read_client_address(char *out, size_t size, struct MHD_Connection *connection)
{
    const union MHD_ConnectionInfo *info = connection
                                               ? MHD_get_connection_info(
                                                     connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS)
                                               : NULL;
    const struct sockaddr *sa = info ? info->client_addr : NULL;

    out[0] = '\0';
    if (sa && sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, out,
                  (socklen_t)size);
    else if (sa && sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, out,
                  (socklen_t)size);
}

int isms_web_request_new(struct isms_web_request **out, struct MHD_Connection *connection,
                         const struct isms_web_serving *serving, const char *method,
                         const char *path, size_t body_max)
{
    struct isms_web_request *req = calloc(1, sizeof(*req));

    if (!req)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    req->connection = connection;
    req->store = serving->store;
    req->site = serving->site;
    req->method = method;
    req->path = path;
    req->body_max = body_max;
    isms_buf_init(&req->body, req->body_max);
    read_client_address(req->client_address, sizeof(req->client_address), connection);
    if (is_trusted_proxy(req->client_address))
        take_forwarded_for(req->client_address, sizeof(req->client_address), connection);
    /* Until a session says otherwise the request acts anonymously. */
    req->actor = (struct isms_actor){0, "anonymous", req->client_address, false};
    *out = req;
    return 0;
}

void isms_web_request_free(struct isms_web_request *req)
{
    if (!req)
        return;
    isms_buf_release(&req->body);
    json_decref(req->json);
    isms_arena_release(&req->arena);
    free(req);
}

int isms_web_request_feed(struct isms_web_request *req, const char *data, size_t len)
{
    /* Once over the cap, keep reading (and dropping) so the 413 can be sent on
     * a connection that stays usable, up to a point. */
    if (req->discarded == 0 && isms_buf_put(&req->body, data, len) == 0)
        return 0;
    if (req->discarded == 0)
        isms_buf_release(&req->body);
    req->discarded += len;
    if (req->discarded > ISMS_WEB_DISCARD_MAX)
        return isms_web_request_too_big_error(req);
    return 0;
}

bool isms_web_request_too_big(const struct isms_web_request *req)
{
    return req->discarded > 0;
}

int isms_web_request_too_big_error(const struct isms_web_request *req)
{
    return isms_error_set(ISMS_ETOOBIG, _("the request body exceeds %zu bytes"), req->body_max);
}

uint64_t isms_web_request_content_length(const struct isms_web_request *req)
{
    const char *value = isms_web_request_header(req, MHD_HTTP_HEADER_CONTENT_LENGTH);
    unsigned long long n;
    char *end;

    if (!value)
        return 0;
    errno = 0;
    n = strtoull(value, &end, 10);
    /* MHD has already rejected a malformed length; be safe anyway. */
    return errno == 0 && end != value ? (uint64_t)n : 0;
}

const char *isms_web_request_header(const struct isms_web_request *req, const char *name)
{
    return MHD_lookup_connection_value(req->connection, MHD_HEADER_KIND, name);
}

const char *isms_web_request_query(const struct isms_web_request *req, const char *name)
{
    const char *value = NULL;
    size_t len;

    /* "?undecided" without "=" is present with no value: report it as "". */
    if (MHD_lookup_connection_value_n(req->connection, MHD_GET_ARGUMENT_KIND, name, strlen(name),
                                      &value, &len) != MHD_YES)
        return NULL;
    return value ? value : "";
}

struct query_check {
    char bad_name[48];
    bool bad;
};

static enum MHD_Result check_argument(void *cls, enum MHD_ValueKind kind, const char *key,
                                      const char *value)
{
    struct query_check *check = cls;

    (void)kind;
    if (isms_text_valid_utf8(key) && (!value || isms_text_valid_utf8(value)))
        return MHD_YES;
    check->bad = true;
    /* The name goes into the message: only its printable ASCII part. */
    size_t n = 0;
    for (const char *p = key; *p && n + 1 < sizeof(check->bad_name); p++)
        check->bad_name[n++] = (*p >= 0x20 && *p < 0x7f) ? *p : '?';
    check->bad_name[n] = '\0';
    return MHD_NO;
}

int isms_web_request_check_query(const struct isms_web_request *req)
{
    struct query_check check = {{0}, false};

    MHD_get_connection_values(req->connection, MHD_GET_ARGUMENT_KIND, check_argument, &check);
    if (check.bad)
        return isms_error_set(ISMS_EINVALID, _("the query parameter '%s' is not valid UTF-8"),
                              check.bad_name);
    return 0;
}

const char *isms_web_request_param(const struct isms_web_request *req, const char *name)
{
    return isms_web_params_get(&req->params, name);
}

bool isms_web_request_is_form(const struct isms_web_request *req)
{
    const char *type = isms_web_request_header(req, MHD_HTTP_HEADER_CONTENT_TYPE);

    return type && strncasecmp(type, ISMS_WEB_FORM_TYPE, sizeof(ISMS_WEB_FORM_TYPE) - 1) == 0;
}

/* Content-Type is `media` (case-insensitive), parameters such as charset allowed. */
static bool has_type(const struct isms_web_request *req, const char *media)
{
    const char *type = isms_web_request_header(req, MHD_HTTP_HEADER_CONTENT_TYPE);
    size_t n = strlen(media);

    if (!type)
        return false;
    while (*type == ' ' || *type == '\t')
        type++;
    if (strncasecmp(type, media, n) != 0)
        return false;
    type += n;
    while (*type == ' ' || *type == '\t')
        type++;
    return *type == '\0' || *type == ';';
}

bool isms_web_request_is_json(const struct isms_web_request *req)
{
    return has_type(req, "application/json");
}

bool isms_web_request_is_csv(const struct isms_web_request *req)
{
    return has_type(req, "text/csv");
}

int isms_web_request_parse_json(struct isms_web_request *req)
{
    json_error_t err;
    json_t *doc;

    /* Duplicate keys would let two readers of the same body disagree. */
    doc = json_loadb(isms_buf_cstr(&req->body), req->body.len, JSON_REJECT_DUPLICATES, &err);
    if (!doc)
        return isms_error_set(ISMS_EINVALID, _("malformed JSON: %s (line %d, column %d)"), err.text,
                              err.line, err.column);
    if (!json_is_object(doc)) {
        json_decref(doc);
        return isms_error_set(ISMS_EINVALID, _("the request body must be a JSON object"));
    }
    json_decref(req->json);
    req->json = doc;
    return 0;
}

int isms_web_json_string(const char **out, const json_t *object, const char *key)
{
    return isms_json_optional_string(out, object, key);
}
