/* `isms incident`: incidents with their timeline, links and evidence (isms/incident.h). */
#include "isms_setup.h"
#include <getopt.h>
#include "cli/cli.h"
#include "export/evidence_json.h"
#include "export/incident_json.h"
#include "isms/incident.h"
#include "isms/org.h"
#include "model/actor.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/error.h"

static const char incident_help[] =
    "usage: isms incident open --org ORG --title TEXT --severity S [--description TEXT]\n"
    "                          [--event ID]...\n"
    "       isms incident list --org ORG [--status S] [--json]\n"
    "       isms incident show --org ORG ID [--json]\n"
    "       isms incident set --org ORG ID [--status S] [--severity S] [--note TEXT]\n"
    "       isms incident note --org ORG ID TEXT\n"
    "       isms incident link --org ORG ID (risk|asset|control) REF\n"
    "       isms incident evidence --org ORG ID FILE [--name NAME]\n\n"
    "Information security incidents (ISO/IEC 27001:2022 5.24-5.28): opened by hand or\n"
    "from events ('isms event list'), handled from new through triage, contained and\n"
    "resolved to closed (closed only once resolved), with a timeline of every change\n"
    "and note, evidence files kept with their SHA-256, and links to risks, assets and\n"
    "controls.\n\n"
    "  --severity S       low, medium, high or critical\n"
    "  --status S         new, triage, contained, resolved or closed\n"
    "  --json             print JSON\n"
    "  --db PATH          database file (default: $ISMS_DB or isms.db)\n";

#define EVENTS_MAX 100

struct incident_args {
    const char *db, *org, *title, *severity, *description, *status, *note, *name;
    const char *events[EVENTS_MAX];
    size_t event_count;
    bool json;
};

static int parse(struct incident_args *a, int argc, char **argv)
{
    static const struct option long_options[] = {
        {"db", required_argument, NULL, 'd'},
        {"org", required_argument, NULL, 'o'},
        {"title", required_argument, NULL, 't'},
        {"severity", required_argument, NULL, 's'},
        {"description", required_argument, NULL, 'D'},
        {"status", required_argument, NULL, 'S'},
        {"note", required_argument, NULL, 'n'},
        {"name", required_argument, NULL, 'N'},
        {"event", required_argument, NULL, 'e'},
        {"json", no_argument, NULL, 'j'},
        {NULL, 0, NULL, 0},
    };
    const char **texts[128] = {0};
    int c;

    texts['d'] = &a->db;
    texts['o'] = &a->org;
    texts['t'] = &a->title;
    texts['s'] = &a->severity;
    texts['D'] = &a->description;
    texts['S'] = &a->status;
    texts['n'] = &a->note;
    texts['N'] = &a->name;
    optind = 1;
    while ((c = getopt_long(argc, argv, "", long_options, NULL)) != -1) {
        if (c == 'j') {
            a->json = true;
        } else if (c == 'e') {
            if (a->event_count == EVENTS_MAX)
                return isms_cli_usage_error("incident", "at most %d --event", EVENTS_MAX);
            a->events[a->event_count++] = optarg;
        } else if (c > 0 && c < 128 && texts[c]) {
            *texts[c] = optarg;
        } else {
            return isms_cli_usage_error("incident", "unknown or incomplete option '%s'",
                                        argv[optind - 1]);
        }
    }
    return 0;
}

static int parse_id(int64_t *out, const char *text)
{
    char *end;

    *out = text ? strtoll(text, &end, 10) : 0;
    if (!text || *end || *out <= 0)
        return isms_cli_usage_error("incident", "'%s' is no incident id", text ? text : "");
    return 0;
}

static int open_incident(struct isms_store *store, const struct isms_org *org,
                         const struct incident_args *a)
{
    int64_t ids[EVENTS_MAX], id = 0;
    int error;

    for (size_t i = 0; i < a->event_count; i++)
        if (parse_id(&ids[i], a->events[i]) != 0)
            return ISMS_EXIT_USAGE;
    if ((error = isms_incident_open(&id, store, org->id,
                                    &(struct isms_incident_input){a->title, a->description,
                                                                  a->severity, ids, a->event_count},
                                    isms_actor_cli())) < 0)
        return isms_cli_fail(error);
    printf("incident %" PRId64 "\n", id);
    return 0;
}

static int list(struct isms_store *store, const struct isms_org *org, const struct incident_args *a)
{
    struct isms_incident *items = NULL;
    size_t n = 0;
    int error = isms_incidents_list(&items, &n, store, org->id, a->status);

    if (error < 0)
        return isms_cli_fail(error);
    if (a->json) {
        json_t *out = json_array();
        for (size_t i = 0; i < n; i++)
            json_array_append_new(out, isms_json_incident(&items[i]));
        isms_cli_print_json(out);
    }
    for (size_t i = 0; !a->json && i < n; i++)
        printf("%-5" PRId64 " %-9s %-10s %s  (%" PRId64 " events, opened %s)\n", items[i].id,
               isms_severity_name(items[i].severity), isms_incident_status_name(items[i].status),
               items[i].title, items[i].event_count, items[i].opened_at);
    free(items);
    return 0;
}

static int show(struct isms_store *store, const struct isms_org *org, int64_t id, bool json)
{
    struct isms_incident_detail d;
    int error = isms_incident_load(&d, store, org->id, id);

    if (error < 0)
        return isms_cli_fail(error);
    if (json) {
        isms_cli_print_json(isms_json_incident_detail(&d));
    } else {
        printf("#%" PRId64 " %s\n%s, %s, opened %s by %s\n", d.incident.id, d.incident.title,
               isms_severity_name(d.incident.severity),
               isms_incident_status_name(d.incident.status), d.incident.opened_at,
               d.incident.opened_by);
        for (size_t i = 0; i < d.entry_count; i++)
            printf("  %s %-8s %s (%s)\n", d.entries[i].at,
                   isms_incident_entry_kind_name(d.entries[i].kind), d.entries[i].text,
                   d.entries[i].author);
    }
    isms_incident_detail_release(&d);
    return 0;
}

static int evidence(struct isms_store *store, const struct isms_org *org, int64_t id,
                    const char *path, const char *name)
{
    struct isms_buf file = ISMS_BUF_INIT(ISMS_EVIDENCE_FILE_MAX);
    struct isms_evidence added;
    const char *base = strrchr(path, '/');
    int error;

    if ((error = isms_cli_read_input(&file, path)) == 0)
        error = isms_incident_evidence_add(&added, store, org->id, id,
                                           name   ? name
                                           : base ? base + 1
                                                  : path,
                                           file.len ? file.ptr : "", file.len, NULL,
                                           isms_actor_cli());
    isms_buf_release(&file);
    if (error < 0)
        return isms_cli_fail(error);
    printf("evidence %" PRId64 " sha256 %s\n", added.id, added.sha256);
    return 0;
}

static int run_verb(struct isms_store *store, const struct isms_org *org, const char *verb,
                    const struct incident_args *a, int n, char **rest)
{
    int64_t id = 0, link = 0;
    int status;

    if (strcmp(verb, "open") == 0)
        return open_incident(store, org, a);
    if (strcmp(verb, "list") == 0)
        return list(store, org, a);
    if (n < 1 || (status = parse_id(&id, rest[0])) != 0)
        return n < 1 ? isms_cli_usage_error("incident", "'incident %s' needs an ID", verb) : status;
    if (strcmp(verb, "show") == 0)
        return show(store, org, id, a->json);
    if (strcmp(verb, "set") == 0) {
        status = isms_incident_update(
            NULL, store, org->id, id,
            &(struct isms_incident_change){NULL, NULL, a->severity, a->status}, isms_actor_cli());
        if (status == 0 && a->note)
            status = isms_incident_note(store, org->id, id, a->note, isms_actor_cli());
        return status < 0 ? isms_cli_fail(status) : show(store, org, id, false);
    }
    if (strcmp(verb, "note") == 0)
        return n != 2 ? isms_cli_usage_error("incident", "'incident note' needs ID and TEXT")
               : (status = isms_incident_note(store, org->id, id, rest[1], isms_actor_cli())) < 0
                   ? isms_cli_fail(status)
                   : 0;
    if (strcmp(verb, "link") == 0) {
        if (n != 3)
            return isms_cli_usage_error("incident", "'incident link' needs ID, TARGET and REF");
        if ((status = isms_incident_link(&link, store, org->id, id, rest[1], rest[2],
                                         isms_actor_cli())) < 0)
            return isms_cli_fail(status);
        printf("link %" PRId64 "\n", link);
        return 0;
    }
    return n != 2 ? isms_cli_usage_error("incident", "'incident evidence' needs ID and FILE")
                  : evidence(store, org, id, rest[1], a->name);
}

static int run_incident(int argc, char **argv)
{
    static const char *const verbs[] = {"open", "list", "show",     "set",
                                        "note", "link", "evidence", NULL};
    struct incident_args a = {0};
    struct isms_store *store = NULL;
    struct isms_org org;
    int status;

    status = isms_cli_check_verb(argc, argv, "incident", incident_help,
                                 "'incident' needs open, list, show, set, note, link or evidence",
                                 verbs);
    if (status != ISMS_CLI_GO_ON || (status = parse(&a, argc - 1, argv + 1)) != 0)
        return status;
    if (!a.org)
        return isms_cli_usage_error("incident", "'incident %s' needs --org", argv[1]);
    if ((status = isms_cli_open_org(&store, &org, "incident", a.db, a.org)) != 0)
        return status;
    status = run_verb(store, &org, argv[1], &a, argc - 1 - optind, argv + 1 + optind);
    isms_store_free(store);
    return status;
}

const struct isms_cli_command isms_cli_incident_command = {
    "incident", run_incident, "information security incidents: timeline, evidence, links (5.24)"};
