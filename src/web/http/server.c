#include "isms_setup.h"
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>
#include "util/error.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/router.h"
#include "web/http/server.h"

/* Per-connection buffer for the request line, headers and body chunks. It is
 * larger than the limits below so that requests over them reach on_request
 * and get our answer (with the security headers), not libmicrohttpd's bare
 * one; only requests over this buffer itself still get that. Not larger:
 * libmicrohttpd clears it for every request, and 128 KiB measured 40% fewer
 * /healthz requests per second than 64 KiB (bench/healthz.sh). */
#define CONNECTION_MEMORY (64u << 10)
/* The longest request target (path and query, as sent) and the most header
 * bytes we take: nginx's defaults, well past any URL the UI makes. */
#define URI_MAX (8u << 10)
#define HEADERS_MAX (16u << 10)
/* Seconds a connection may sit idle: a slow client cannot pin a worker. */
#define CONNECTION_TIMEOUT 30

union sock_addr {
    struct sockaddr sa;
    struct sockaddr_in v4;
    struct sockaddr_in6 v6;
};

int isms_web_listen_parse(struct isms_web_options *opts, const char *address)
{
    const char *host = address, *port, *host_end;
    unsigned char probe[sizeof(struct in6_addr)];
    unsigned long n;
    size_t host_len;
    char *end;

    if (address[0] == '[') {
        host = address + 1;
        host_end = strchr(host, ']');
        port = host_end && host_end[1] == ':' ? host_end + 2 : NULL;
    } else {
        host_end = strrchr(address, ':');
        port = host_end ? host_end + 1 : NULL;
    }
    if (!port || !*port || *port == '-' || *port == '+')
        goto bad;
    errno = 0;
    n = strtoul(port, &end, 10);
    if (errno || *end || n > 65535)
        goto bad;
    host_len = (size_t)(host_end - host);
    if (host_len == 0 || host_len >= sizeof(opts->host))
        goto bad;
    memcpy(opts->host, host, host_len);
    opts->host[host_len] = '\0';
    if (strcasecmp(opts->host, "localhost") == 0)
        snprintf(opts->host, sizeof(opts->host), "127.0.0.1");
    /* Numeric only: a name could resolve to anything, including a public address. */
    if (inet_pton(AF_INET, opts->host, probe) != 1 &&
        (address[0] != '[' || inet_pton(AF_INET6, opts->host, probe) != 1))
        goto bad;
    opts->port = (unsigned)n;
    return 0;
bad:
    return isms_error_set(ISMS_EINVALID,
                          "'%s' is not HOST:PORT with a numeric address "
                          "(e.g. 127.0.0.1:8080 or [::1]:8080)",
                          address);
}

bool isms_web_host_is_loopback(const char *host)
{
    struct in_addr v4;
    struct in6_addr v6;

    if (inet_pton(AF_INET, host, &v4) == 1)
        return (ntohl(v4.s_addr) >> 24) == 127;
    return inet_pton(AF_INET6, host, &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}

unsigned isms_web_cpu_count(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);

    return n > 0 ? (unsigned)n : 1;
}

static int make_address(union sock_addr *addr, bool *ipv6, const struct isms_web_options *opts)
{
    memset(addr, 0, sizeof(*addr));
    *ipv6 = false;
    if (inet_pton(AF_INET, opts->host, &addr->v4.sin_addr) == 1) {
        addr->v4.sin_family = AF_INET;
        addr->v4.sin_port = htons((uint16_t)opts->port);
        return 0;
    }
    if (inet_pton(AF_INET6, opts->host, &addr->v6.sin6_addr) == 1) {
        addr->v6.sin6_family = AF_INET6;
        addr->v6.sin6_port = htons((uint16_t)opts->port);
        *ipv6 = true;
        return 0;
    }
    return isms_error_set(ISMS_EINVALID, "'%s' is not a numeric IP address", opts->host);
}

/* A body announced as larger than its route's cap is refused before it is
 * read when the client waits for "100 Continue" (it has sent nothing yet) or
 * when draining it (over ISMS_WEB_DISCARD_MAX past the cap) would cost more
 * than closing the connection. Smaller overruns are read and dropped so the
 * 413 leaves the keep-alive connection usable. */
static bool refuse_before_body(const struct isms_web_request *req)
{
    uint64_t length = isms_web_request_content_length(req);
    const char *expect = isms_web_request_header(req, MHD_HTTP_HEADER_EXPECT);

    if (length <= req->body_max)
        return false;
    return length - req->body_max > ISMS_WEB_DISCARD_MAX ||
           (expect && strcasecmp(expect, "100-continue") == 0);
}

/* What MHD shows of a request before its headers: the target as sent, not
 * yet percent-decoded. MHD decodes "%00" into a NUL that cuts the path
 * ("/static/app.css%00.html" would serve app.css), so it is looked for here. */
struct raw_request {
    bool nul_in_target;
    size_t target_len;
    struct isms_web_request *req; /* from the first access-handler call on */
};

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *connection)
{
    struct raw_request *raw = calloc(1, sizeof(*raw));

    (void)cls;
    (void)connection;
    if (!raw)
        return NULL;
    raw->target_len = strlen(uri);
    for (const char *p = uri; (p = strchr(p, '%')) != NULL; p++)
        if (p[1] == '0' && p[2] == '0')
            raw->nul_in_target = true;
    return raw;
}

static enum MHD_Result add_header_size(void *cls, enum MHD_ValueKind kind, const char *key,
                                       const char *value)
{
    size_t *total = cls;

    (void)kind;
    *total += strlen(key) + (value ? strlen(value) : 0) + 4; /* ": " and CRLF */
    return MHD_YES;
}

/* 0, or the status of a request we refuse before routing it: a NUL in the
 * target (400), a target or headers over our limits (414, 431). */
static unsigned refuse_request(const struct raw_request *raw, struct MHD_Connection *connection,
                               const char **code, const char **message)
{
    size_t headers = 0;

    if (raw->nul_in_target) {
        *code = "invalid";
        *message = "the request target contains a NUL byte (%00)";
        return 400;
    }
    if (raw->target_len > URI_MAX) {
        *code = "uri_too_long";
        *message = "the request target is longer than 8192 bytes";
        return 414;
    }
    MHD_get_connection_values(connection, MHD_HEADER_KIND, add_header_size, &headers);
    if (headers > HEADERS_MAX) {
        *code = "headers_too_large";
        *message = "the request headers are larger than 16384 bytes";
        return 431;
    }
    return 0;
}

static enum MHD_Result send_refusal(struct MHD_Connection *connection, unsigned status,
                                    const char *code, const char *message)
{
    struct isms_web_response res;
    bool ok;

    isms_web_response_init(&res);
    isms_web_respond_error(&res, status, code, message);
    ok = isms_web_response_queue(connection, &res, "/");
    isms_web_response_release(&res);
    return ok ? MHD_YES : MHD_NO;
}

static enum MHD_Result send_response(struct isms_web_request *req, bool body_too_big)
{
    struct isms_web_response res;
    bool ok;

    isms_web_response_init(&res);
    if (body_too_big) /* an upload form gets the HTML 413 page (router.h) */
        isms_web_respond_failure_for(&res, req, isms_web_request_too_big_error(req));
    else
        isms_web_dispatch(&res, req);
    ok = isms_web_response_queue(req->connection, &res, req->path);
    isms_web_response_release(&res);
    return ok ? MHD_YES : MHD_NO;
}

/* MHD calls this once when the headers are in, once per chunk of body and
 * once more when the request is complete. Answering on the first call would
 * make MHD close the connection (it cannot know the body was not wanted), so
 * the response waits for the last call: keep-alive depends on it. */
static enum MHD_Result on_request(void *cls, struct MHD_Connection *connection, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **con_cls)
{
    struct raw_request *raw = *con_cls;
    struct isms_web_request *req;
    const char *code, *message;
    unsigned refused;

    (void)version;
    if (!raw)
        return MHD_NO;
    if (!(req = raw->req)) {
        if ((refused = refuse_request(raw, connection, &code, &message)) != 0)
            return send_refusal(connection, refused, code, message);
        const struct isms_web_serving *serving = cls;
        if (isms_web_request_new(&raw->req, connection, serving, method, url,
                                 isms_web_route_body_max(serving->site, method, url)) < 0)
            return MHD_NO;
        return refuse_before_body(raw->req) ? send_response(raw->req, true) : MHD_YES;
    }
    if (*upload_data_size) {
        if (isms_web_request_feed(req, upload_data, *upload_data_size) < 0)
            return MHD_NO;
        *upload_data_size = 0;
        return MHD_YES;
    }
    return send_response(req, isms_web_request_too_big(req));
}

static void on_completed(void *cls, struct MHD_Connection *connection, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    struct raw_request *raw = *con_cls;

    (void)cls;
    (void)connection;
    (void)toe;
    if (raw)
        isms_web_request_free(raw->req);
    free(raw);
    *con_cls = NULL;
}

static void log_mhd(void *cls, const char *fmt, va_list ap)
{
    fputs("isms: http: ", stderr);
    vfprintf(stderr, fmt, ap);
}

int isms_web_serve(struct isms_store *store, const struct isms_web_site *site,
                   const struct isms_web_options *opts)
{
    const struct isms_web_serving serving = {store, site};
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG;
    const union MHD_DaemonInfo *info;
    struct MHD_Daemon *daemon = NULL;
    sigset_t stop_signals, old_mask;
    union sock_addr addr;
    int error, signal_number;
    bool ipv6;

    if ((error = make_address(&addr, &ipv6, opts)) < 0)
        return error;
    if (opts->threads < 1)
        ISMS_BUG("isms_web_serve needs at least one thread");
    flags |= MHD_is_feature_supported(MHD_FEATURE_EPOLL) == MHD_YES ? MHD_USE_EPOLL : MHD_USE_POLL;
    if (ipv6)
        flags |= MHD_USE_IPv6;
    /* Workers inherit the signal mask: block the stop signals before they
     * start so that only sigwait() below ever sees them. */
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, &old_mask);
    /* The logger goes first so MHD reports problems with later options through it. */
    daemon = MHD_start_daemon(flags, (uint16_t)opts->port, NULL, NULL, on_request, (void *)&serving,
                              MHD_OPTION_EXTERNAL_LOGGER, log_mhd, NULL, MHD_OPTION_SOCK_ADDR,
                              &addr.sa, MHD_OPTION_THREAD_POOL_SIZE, opts->threads,
                              MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONNECTION_MEMORY,
                              MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)CONNECTION_TIMEOUT,
                              MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL,
                              MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL, MHD_OPTION_END);
    if (!daemon) {
        error = isms_error_set(ISMS_ERROR, "cannot listen on %s%s%s:%u", ipv6 ? "[" : "",
                               opts->host, ipv6 ? "]" : "", opts->port);
        goto done;
    }
    if (!(info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT))) {
        error = isms_error_set(ISMS_ERROR, "cannot find the port the server listens on");
        goto done;
    }
    /* Tools (and the API tests) wait for exactly this line. */
    printf("isms: listening on http://%s%s%s:%u\n", ipv6 ? "[" : "", opts->host, ipv6 ? "]" : "",
           (unsigned)info->port);
    fflush(stdout);
    if (sigwait(&stop_signals, &signal_number) != 0) {
        error = isms_error_set(ISMS_ERROR, "waiting for signals failed");
        goto done;
    }
    fprintf(stderr, "isms: %s received, stopping\n",
            signal_number == SIGINT ? "SIGINT" : "SIGTERM");
    error = 0;
done:
    if (daemon)
        MHD_stop_daemon(daemon);
    pthread_sigmask(SIG_SETMASK, &old_mask, NULL);
    return error;
}
