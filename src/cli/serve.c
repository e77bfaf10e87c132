#include "isms_setup.h"
#include <getopt.h>
#include <unistd.h>
#include "cli/cli.h"
#include "isms/auth.h"
#include "isms/log_watch.h"
#include "isms/org.h"
#include "isms/user.h"
#include "store/store.h"
#include "util/error.h"
#include "web/http/request.h"
#include "web/http/server.h"
#include "web/http/session.h"
#include "web/site.h"

/* The store's pool holds at most 64 connections: one per worker plus one
 * (shared by the log watch). */
#define THREADS_MAX 63
#define WATCH_MAX 16

static const char serve_help[] =
    "usage: isms serve [--db PATH] [--listen HOST:PORT] [--threads N] [--secure-cookies]\n"
    "                  [--trusted-proxy ADDR]... [--watch ORG:PATH]...\n\n"
    "Serves the web UI and the JSON API until interrupted (Ctrl-C or\n"
    "SIGTERM). Prints 'isms: listening on http://HOST:PORT' once it accepts\n"
    "connections.\n\n"
    "  --listen HOST:PORT  numeric address and port (default: " ISMS_WEB_DEFAULT_LISTEN ");\n"
    "                      port 0 picks a free port; IPv6 as [::1]:8080. Other than\n"
    "                      loopback only once a user exists (isms init), and then\n"
    "                      behind a TLS-terminating proxy\n"
    "  --secure-cookies    mark the session cookie Secure (when served over HTTPS)\n"
    "  --trusted-proxy ADDR\n"
    "                      the numeric address of the TLS proxy in front: for its\n"
    "                      requests the client is the last X-Forwarded-For entry\n"
    "                      (login history, rate limits); may be given up to 8 times\n"
    "  --threads N         worker threads, 1 to 63 (default: one per CPU)\n"
    "  --watch ORG:PATH    follow the log file PATH as tail -F does (through rotation\n"
    "                      and truncation, resuming at its saved offset after a\n"
    "                      restart, never reading a line twice) and record its hits\n"
    "                      of ORG's indicators and the alerts of the built-in rules\n"
    "                      as ORG's events; up to 16 times\n"
    "  --db PATH           database file (default: $ISMS_DB or isms.db)\n";

struct watch_args {
    const char *given[WATCH_MAX];
    size_t count;
};

/* ORG:PATH -> the org and the absolute path: the saved offset is the path's. */
static int resolve_watch(struct isms_log_watch_spec *spec, char *path, size_t path_size,
                         struct isms_store *store, const char *given)
{
    const char *colon = strchr(given, ':');
    char slug[128], cwd[1024];
    struct isms_org org;
    int error;

    if (!colon || colon == given || !colon[1] || (size_t)(colon - given) >= sizeof(slug))
        return isms_cli_usage_error("serve", "--watch takes ORG:PATH, not '%s'", given);
    snprintf(slug, sizeof(slug), "%.*s", (int)(colon - given), given);
    if ((error = isms_org_find(&org, store, slug)) < 0)
        return isms_cli_fail(error);
    if (colon[1] == '/' || !getcwd(cwd, sizeof(cwd)))
        snprintf(path, path_size, "%s", colon + 1);
    else
        snprintf(path, path_size, "%s/%s", cwd, colon + 1);
    spec->org_id = org.id;
    spec->path = path;
    fprintf(stderr, "isms: watching %s for %s\n", path, org.slug);
    return 0;
}

static int start_watch(struct isms_log_watch **out, struct isms_store *store,
                       const struct watch_args *w)
{
    struct isms_log_watch_spec specs[WATCH_MAX];
    static char paths[WATCH_MAX][1100];
    int status;

    *out = NULL;
    for (size_t i = 0; i < w->count; i++)
        if ((status = resolve_watch(&specs[i], paths[i], sizeof(paths[i]), store, w->given[i])) !=
            0)
            return status;
    if (w->count && (status = isms_log_watch_start(out, store, specs, w->count, 1000)) < 0)
        return isms_cli_fail(status);
    return 0;
}

static int parse_threads(unsigned *out, const char *value)
{
    unsigned long n;
    char *end;

    errno = 0;
    n = strtoul(value, &end, 10);
    if (errno || end == value || *end || value[0] == '-' || n < 1 || n > THREADS_MAX)
        return isms_cli_usage_error("serve", "--threads must be 1 to %d, not '%s'", THREADS_MAX,
                                    value);
    *out = (unsigned)n;
    return 0;
}

/* Every request needs a signed-in user, so another address is fine once
 * users exist; without TLS in front, passwords and cookies would cross the
 * network in clear text, which the operator is told. */
static int check_exposure(struct isms_store *store, const char *host)
{
    int64_t users = 0;
    int error;

    if (isms_web_host_is_loopback(host))
        return 0;
    if ((error = isms_user_count(&users, store)) < 0)
        return isms_cli_fail(error);
    if (users == 0)
        return isms_cli_usage_error("serve",
                                    _("refusing to listen on '%s': no user exists yet; run "
                                      "'isms init' to create the administrator first"),
                                    host);
    fprintf(stderr,
            "isms: warning: listening on '%s': put a TLS-terminating proxy in front and "
            "run with --secure-cookies\n",
            host);
    return 0;
}

int isms_cli_serve(int argc, char **argv)
{
    static const struct option options[] = {
        {"db", required_argument, NULL, 'd'},
        {"listen", required_argument, NULL, 'l'},
        {"threads", required_argument, NULL, 't'},
        {"secure-cookies", no_argument, NULL, 's'},
        {"trusted-proxy", required_argument, NULL, 'p'},
        {"watch", required_argument, NULL, 'w'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *db_flag = NULL, *address = ISMS_WEB_DEFAULT_LISTEN;
    struct isms_web_options opts = {0};
    struct isms_store *store = NULL;
    const struct isms_web_site *site = NULL;
    struct isms_log_watch *watch = NULL;
    struct watch_args watches = {0};
    int opt, status, pool_size;

    opts.threads = isms_web_cpu_count();
    if (opts.threads > THREADS_MAX)
        opts.threads = THREADS_MAX;
    while ((opt = getopt_long(argc, argv, "h", options, NULL)) != -1) {
        switch (opt) {
        case 'h':
            fputs(serve_help, stdout);
            return 0;
        case 'd':
            db_flag = optarg;
            break;
        case 'l':
            address = optarg;
            break;
        case 't':
            if ((status = parse_threads(&opts.threads, optarg)) != 0)
                return status;
            break;
        case 's':
            isms_web_session_set_secure_cookies(true);
            break;
        case 'p':
            if (isms_web_trusted_proxy_add(optarg) < 0)
                return isms_cli_usage_error("serve", "%s", isms_error_last());
            break;
        case 'w':
            if (watches.count == WATCH_MAX)
                return isms_cli_usage_error("serve", "--watch may be given %d times", WATCH_MAX);
            watches.given[watches.count++] = optarg;
            break;
        default:
            return isms_cli_usage_error("serve", "unknown option");
        }
    }
    if (optind < argc)
        return isms_cli_usage_error("serve", "unexpected argument '%s'", argv[optind]);
    if (isms_web_listen_parse(&opts, address) < 0)
        return isms_cli_usage_error("serve", "%s", isms_error_last());
    /* One connection per worker, plus one so a stray borrower never blocks a worker. */
    pool_size = (int)opts.threads + 1;
    /* A broken built-in template or translation stops start-up, not a page view. */
    if ((status = isms_web_site_load(&site)) < 0)
        return isms_cli_fail(status);
    if ((status = isms_cli_open_store(&store, isms_cli_db_path(db_flag), pool_size)) < 0)
        return isms_cli_fail(status);
    if ((status = check_exposure(store, opts.host)) != 0 ||
        (status = isms_auth_purge_sessions(store)) < 0 ||
        (status = start_watch(&watch, store, &watches)) != 0) {
        isms_store_free(store);
        return status < 0 ? isms_cli_fail(status) : status;
    }
    if ((status = isms_web_serve(store, site, &opts)) < 0)
        status = isms_cli_fail(status);
    isms_log_watch_stop(watch);
    isms_store_free(store);
    return status;
}
