/* `isms event list`: what monitoring saw (isms/event.h); `isms log scan
 * --record` and `isms serve --watch` record events. */
#include "isms_setup.h"
#include <getopt.h>
#include "cli/cli.h"
#include "export/incident_json.h"
#include "isms/event.h"
#include "isms/org.h"
#include "store/store.h"
#include "util/error.h"

static const char event_help[] =
    "usage: isms event list --org ORG [--kind hit|alert] [--q TEXT] [--open] [--limit N]\n"
    "                       [--json]\n\n"
    "The org's information security events, latest first: hits of its indicators\n"
    "(one event per indicator and source while they come within an hour) and alerts\n"
    "of threshold rules. Events come from 'isms log scan --org ORG --record', from a\n"
    "log uploaded on the events page or API, and from 'isms serve --watch'.\n\n"
    "  --open             only events that are not part of an incident\n"
    "  --json             print JSON\n"
    "  --db PATH          database file (default: $ISMS_DB or isms.db)\n";

struct event_args {
    const char *db, *org, *kind, *q, *limit;
    bool json, open;
};

static int list(struct isms_store *store, const struct isms_org *org, const struct event_args *a)
{
    struct isms_event_filter f = {.kind = a->kind, .q = a->q, .open_only = a->open, .limit = 100};
    struct isms_event *events = NULL;
    size_t n = 0;
    int64_t total = 0;
    int error;

    if (a->limit)
        f.limit = strtoll(a->limit, NULL, 10);
    if ((error = isms_events_list(&events, &n, &total, store, org->id, &f)) < 0)
        return isms_cli_fail(error);
    if (a->json) {
        json_t *out = json_array();
        for (size_t i = 0; i < n; i++)
            json_array_append_new(out, isms_json_event(&events[i]));
        isms_cli_print_json(out);
    }
    for (size_t i = 0; !a->json && i < n; i++) {
        const struct isms_event *e = &events[i];
        printf("%-6" PRId64 " %s %-5s %-7s %-30s from %-24s x%-5" PRId64 " %s%s\n", e->id,
               e->last_at, isms_event_kind_name(e->kind), e->type, e->signature, e->source,
               e->count, e->name, e->incident_id ? " (in an incident)" : "");
    }
    if (!a->json)
        printf("%zu of %" PRId64 " events\n", n, total);
    free(events);
    return 0;
}

static int run_event(int argc, char **argv)
{
    static const char *const verbs[] = {"list", NULL};
    struct event_args a = {0};
    const struct isms_cli_option options[] = {
        ISMS_CLI_TEXT("db", &a.db),       ISMS_CLI_TEXT("org", &a.org),
        ISMS_CLI_TEXT("kind", &a.kind),   ISMS_CLI_TEXT("q", &a.q),
        ISMS_CLI_TEXT("limit", &a.limit), ISMS_CLI_FLAG("json", &a.json),
        ISMS_CLI_FLAG("open", &a.open),   {NULL, NULL, NULL},
    };
    struct isms_store *store = NULL;
    struct isms_org org;
    int status;

    status = isms_cli_check_verb(argc, argv, "event", event_help, "'event' needs list", verbs);
    if (status != ISMS_CLI_GO_ON ||
        (status = isms_cli_parse_options("event", options, argc - 1, argv + 1)) != 0)
        return status;
    if (argc - 1 - optind != 0)
        return isms_cli_usage_error("event", "'event list' takes no arguments");
    if (!a.org)
        return isms_cli_usage_error("event", "'event list' needs --org");
    if ((status = isms_cli_open_org(&store, &org, "event", a.db, a.org)) != 0)
        return status;
    status = list(store, &org, &a);
    isms_store_free(store);
    return status;
}

const struct isms_cli_command isms_cli_event_command = {
    "event", run_event, "information security events from log monitoring (8.16)"};
