/*
 * The HTTP server: GNU libmicrohttpd with a pool of worker threads, each
 * polling with epoll where available, all answering through the route table.
 */
#ifndef ISMS_WEB_SERVER_H
#define ISMS_WEB_SERVER_H

struct isms_store;
struct isms_web_site;

#define ISMS_WEB_DEFAULT_LISTEN "127.0.0.1:8080"
#define ISMS_WEB_HOST_MAX 46 /* INET6_ADDRSTRLEN */

struct isms_web_options {
    char host[ISMS_WEB_HOST_MAX]; /* numeric IPv4 or IPv6 address, no brackets */
    unsigned port;                /* 0: any free port (the one chosen is printed) */
    unsigned threads;             /* worker threads, at least 1 */
};

/* Parses "HOST:PORT" ("127.0.0.1:8080", "[::1]:8080", "localhost:0") into
 * `opts`; "localhost" becomes 127.0.0.1. ISMS_EINVALID naming the value
 * when it is not a numeric address and port. */
int isms_web_listen_parse(struct isms_web_options *opts, const char *address);

/* True for 127.0.0.0/8 and ::1. */
bool isms_web_host_is_loopback(const char *host);

/* One worker per online CPU. */
unsigned isms_web_cpu_count(void);

/* Listens on opts->host:opts->port, prints "isms: listening on http://HOST:PORT"
 * on stdout once connections are accepted, and serves until SIGINT or SIGTERM.
 * `store` is borrowed and must have a connection per worker thread; `site`
 * (borrowed) is what it serves (web/site.h). */
int isms_web_serve(struct isms_store *store, const struct isms_web_site *site,
                   const struct isms_web_options *opts);

#endif
