/* `isms log scan`: a log searched for indicators (engines/ioc/), without a database
 * unless --org (and --record, which keeps the hits and alerts as events). */
#include "isms_setup.h"
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <time.h>
#include "cli/cli.h"
#include "cli/log_common.h"
#include "engines/ioc/log_format.h"
#include "engines/ioc/log_time.h"
#include "engines/ioc/rules.h"
#include "engines/ioc/scan.h"
#include "isms/event.h"
#include "isms/indicator.h"
#include "isms/org.h"
#include "model/actor.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/csv_reader.h"
#include "util/error.h"
#include "util/timezone.h"

static const char log_help[] =
    "usage: isms log scan (--org ORG [--record] | --indicators LIST) [--rules builtin|FILE]\n"
    "                     [--skip-bad] [--json | --count]\n"
    "                     [--format auto|syslog|sshd|combined|jsonl] FILE...\n"
    "       isms log rules [--json]\n"
    "       isms log trend [--rules builtin|FILE] [--org ORG [--record]] [options] FILE...\n"
    "                      (isms log trend --help)\n\n"
    "Streams each FILE ('-' for standard input) in constant memory and finds the\n"
    "indicators of LIST (one value a line, '#' starts a comment; the kind of each is\n"
    "found: IPv4/IPv6 address, CIDR network, domain, URL, e-mail address, MD5/SHA-1/\n"
    "SHA-256, file path, registry key). A log is cut into typed tokens at their boundaries and "
    "each is looked\n"
    "up exactly: 1.2.3.4 never matches inside 11.2.3.45, x.co never inside yandex.com;\n"
    "a.evil.example matches evil.example, an address matches the networks that hold it.\n"
    "With --rules, threshold rules also count lines by their source and raise alerts\n"
    "(builtin: sshd brute force and invalid users, sudo failures, web scans; 'log rules'\n"
    "lists them; a rule file has one rule a line: ID, THRESHOLD, WINDOW, SILENCE, KEY\n"
    "(ip or field:NAME), MATCH, NAME, separated by tabs). Exits 1 when anything matched\n"
    "or alerted, 0 when nothing did.\n\n"
    "  --org ORG          the organization's indicators active today (isms ioc import)\n"
    "  --record           with --org: record the hits and alerts as the org's events\n"
    "                     (isms event list; the same indicator and source within an\n"
    "                     hour are one event with a count) and the rules' matches by\n"
    "                     hour (isms log trend --org); record a file once\n"
    "  --indicators LIST  an indicator list file instead (no database needed)\n"
    "  --db PATH          with --org: database file (default: $ISMS_DB or isms.db)\n"
    "  --skip-bad         skip list lines of no known kind (else they stop the scan)\n"
    "  --json             one JSON object a hit (JSON Lines): file, line, type, value,\n"
    "                     indicator, indicator_type\n"
    "  --count            hits per type only\n"
    "  --format F         the log's format, for the timestamp of a hit (auto: each line's\n"
    "                     shape; syslog and sshd, combined access log, JSON Lines)\n";

struct log_args {
    const char *indicators, *org, *db, *format, *rules;
    bool json, count, skip_bad, record;
    enum isms_log_format log_format;
};

struct output {
    const char *file;
    bool json, count;
    enum isms_log_format format;
    struct isms_log_rules_state *rules; /* NULL: no rules */
    struct isms_event_sink *sink;       /* NULL: nothing recorded */
    int64_t now;
    int local_offset; /* this host's zone: syslog writes local time without one */
    size_t alerts;
    const char *line; /* the line being read, for an alert's event */
    size_t line_len;
    int64_t t; /* its time; -1 for none */
};

/* Epoch seconds as RFC 3339 UTC. */
static void utc(char out[32], int64_t t)
{
    time_t when = (time_t)t;
    struct tm tm;

    if (!gmtime_r(&when, &tm) || !strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm))
        snprintf(out, 32, "%" PRId64, t);
}

static int print_alert(const struct isms_log_alert *a, void *ctx)
{
    struct output *o = ctx;
    char first[32], last[32];

    o->alerts++;
    if (o->sink) {
        int error = isms_event_sink_alert(o->sink, a, o->line, o->line_len);
        if (error < 0)
            return error;
    }
    if (o->count)
        return 0;
    if (!o->json) {
        printf("%s:%zu: ALERT %s: %.*s, %d events in %" PRId64 " s: %s\n", o->file, a->line,
               a->rule->id, (int)a->key_len, a->key, a->count, a->last - a->first, a->rule->name);
        return 0;
    }
    utc(first, a->first);
    utc(last, a->last);
    isms_cli_print_json_line(json_pack("{s:s, s:I, s:s, s:s, s:s%, s:i, s:s, s:s}", "file", o->file,
                                       "line", (json_int_t)a->line, "alert", a->rule->id, "name",
                                       a->rule->name, "key", a->key, a->key_len, "count", a->count,
                                       "first", first, "last", last));
    return 0;
}

static int count_match(const struct isms_log_rule *rule, const char *key, size_t n, void *ctx)
{
    struct output *o = ctx;

    return isms_event_sink_count(o->sink, rule, key, n, o->t);
}

static int on_line(size_t line, const char *text, size_t len, void *ctx)
{
    struct output *o = ctx;

    if (!o->rules)
        return 0;
    o->line = text;
    o->line_len = len;
    o->t = isms_log_time_local(o->format, text, len, o->now, o->local_offset);
    /* Recorded, the rules' matches are counted by hour: the baseline. */
    return isms_log_rules_feed(o->rules, text, len, line, o->t, o->sink ? count_match : NULL,
                               print_alert, o);
}

static int print_hit(const struct isms_ioc_hit *hit, void *ctx)
{
    const struct output *o = ctx;
    const char *at = NULL;
    size_t at_len = 0;
    json_t *line;

    isms_log_timestamp(o->format, hit->text, hit->text_len, &at, &at_len);
    if (o->sink) {
        int64_t t = isms_log_time_local(o->format, hit->text, hit->text_len, o->now,
                                        o->local_offset);
        int error = isms_event_sink_hit(o->sink, hit, t > 0 ? t : o->now);
        if (error < 0)
            return error;
    }
    if (o->count)
        return 0;
    if (!o->json) {
        printf("%s:%zu: %s %.*s (%s)\n", o->file, hit->line, isms_ioc_type_name(hit->token->type),
               (int)hit->token->len, hit->token->text, hit->match.indicator);
        return 0;
    }
    line = json_pack("{s:s, s:I, s:s, s:s%, s:s, s:s}", "file", o->file, "line",
                     (json_int_t)hit->line, "type", isms_ioc_type_name(hit->token->type), "value",
                     hit->token->text, hit->token->len, "indicator", hit->match.indicator,
                     "indicator_type", isms_ioc_type_name(hit->match.type));
    if (line && at && at_len < 64)
        json_object_set_new(line, "timestamp", json_stringn(at, at_len));
    /* A log line is any bytes: one that is not UTF-8 is shown with escapes. */
    if (!line)
        line = json_pack("{s:s, s:I, s:s, s:s, s:s}", "file", o->file, "line",
                         (json_int_t)hit->line, "type", isms_ioc_type_name(hit->token->type),
                         "indicator", hit->match.indicator, "indicator_type",
                         isms_ioc_type_name(hit->match.type));
    isms_cli_print_json_line(line);
    return 0;
}

/* One value a line, '#' comments; a bad line names its number. */
static int load_list(struct isms_ioc_set *set, const char *path, bool skip_bad)
{
    struct isms_buf data = ISMS_BUF_INIT(1u << 30);
    const char *p, *end;
    size_t line = 0, skipped = 0;
    int error;

    if ((error = isms_cli_read_input(&data, path)) < 0) {
        isms_buf_release(&data);
        return isms_cli_fail(error);
    }
    for (p = isms_buf_cstr(&data), end = p + data.len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        char value[ISMS_IOC_VALUE_MAX + 1];
        line++;
        isms_csv_trim_copy(value, sizeof(value), p, n < sizeof(value) ? n : sizeof(value) - 1);
        p += n + (nl != NULL);
        if (!*value || *value == '#')
            continue;
        if (isms_ioc_set_add(set, value, strlen(value), (int64_t)line, NULL) < 0) {
            if (!skip_bad) {
                fprintf(stderr, "%s:%zu: %s\n", path, line, isms_error_last());
                isms_buf_release(&data);
                return isms_cli_fail(ISMS_EINVALID);
            }
            skipped++;
        }
    }
    isms_buf_release(&data);
    if (skipped)
        fprintf(stderr, "isms: skipped %zu lines of %s that are no indicator\n", skipped, path);
    return 0;
}

/* The org's indicators active today; *kept gets the store when the scan
 * records events (--record), else it is closed here. */
static int load_org(struct isms_ioc_set *set, struct isms_store **kept, struct isms_org *org,
                    const struct log_args *a)
{
    struct isms_store *store = NULL;
    struct isms_date today;
    size_t loaded = 0;
    int status, error;

    *kept = NULL;
    if ((status = isms_cli_open_org(&store, org, "log", a->db, a->org)) != 0)
        return status;
    isms_date_today(&today);
    error = isms_indicator_load_set(set, &loaded, store, org->id, &today);
    if (error == 0 && a->record)
        *kept = store;
    else
        isms_store_free(store);
    if (error < 0)
        return isms_cli_fail(error);
    if (!a->json)
        fprintf(stderr, "isms: %zu indicators of %s active today\n", loaded, org->slug);
    return 0;
}

/* The events of one file, recorded once it is read to its end. */
static int record_events(struct output *o, struct isms_store *store, int64_t org_id)
{
    struct isms_event_record_counts counts;
    int error = isms_event_sink_record(&counts, o->sink, store, org_id, o->file, NULL,
                                       isms_actor_cli());

    if (error < 0)
        return error;
    fprintf(stderr, "isms: %s: %zu new events, %zu merged into earlier ones\n", o->file,
            counts.added, counts.merged);
    return 0;
}

static int scan_one(FILE *in, struct output *o, const struct isms_ioc_set *set,
                    struct isms_store *record_to, int64_t org_id, struct isms_ioc_scan_stats *stats)
{
    int error = 0;

    if (record_to && !(o->sink = isms_event_sink_new(0)))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    error = isms_ioc_scan(in, o->file, set, o->count && !o->sink ? NULL : print_hit, on_line, o,
                          stats);
    if (error == 0 && o->sink)
        error = record_events(o, record_to, org_id);
    isms_event_sink_free(o->sink);
    o->sink = NULL;
    return error;
}

static int scan_files(const struct isms_ioc_set *set, struct isms_log_rules_state *rules,
                      const struct log_args *a, struct isms_store *record_to, int64_t org_id, int n,
                      char **files, struct isms_ioc_scan_stats *total)
{
    memset(total, 0, sizeof(*total));
    for (int i = 0; i < n; i++) {
        struct output o = {.file = files[i],
                           .json = a->json,
                           .count = a->count,
                           .format = a->log_format,
                           .rules = rules,
                           .now = time(NULL),
                           .local_offset = isms_tz_host_offset()};
        struct isms_ioc_scan_stats stats;
        bool stdin_file = strcmp(files[i], "-") == 0;
        FILE *in = stdin_file ? stdin : fopen(files[i], "rb");
        int error;
        if (!in)
            return isms_cli_fail(
                isms_error_set(ISMS_EINVALID, "cannot open '%s': %s", files[i], strerror(errno)));
        error = scan_one(in, &o, set, record_to, org_id, &stats);
        if (!stdin_file)
            fclose(in);
        if (error < 0)
            return isms_cli_fail(error);
        total->lines += stats.lines;
        total->bytes += stats.bytes;
        total->hits += stats.hits;
        total->alerts += o.alerts;
        for (int t = 0; t < ISMS_IOC_TYPES; t++)
            total->hits_by_type[t] += stats.hits_by_type[t];
    }
    return 0;
}

static int parse(struct log_args *a, int argc, char **argv)
{
    const struct isms_cli_option options[] = {
        ISMS_CLI_TEXT("indicators", &a->indicators),
        ISMS_CLI_TEXT("org", &a->org),
        ISMS_CLI_TEXT("db", &a->db),
        ISMS_CLI_TEXT("format", &a->format),
        ISMS_CLI_TEXT("rules", &a->rules),
        ISMS_CLI_FLAG("json", &a->json),
        ISMS_CLI_FLAG("count", &a->count),
        ISMS_CLI_FLAG("skip-bad", &a->skip_bad),
        ISMS_CLI_FLAG("record", &a->record),
        {NULL, NULL, NULL},
    };

    return isms_cli_parse_options("log", options, argc, argv);
}

static void print_counts(const struct isms_ioc_scan_stats *s, bool only_counts)
{
    if (only_counts) {
        for (int t = 1; t < ISMS_IOC_TYPES; t++)
            if (s->hits_by_type[t])
                printf("%-12s %zu\n", isms_ioc_type_name(t), s->hits_by_type[t]);
        printf("%-12s %zu\n", "total", s->hits);
        if (s->alerts)
            printf("%-12s %zu\n", "alerts", s->alerts);
        return;
    }
    fprintf(stderr, "isms: %zu hits and %zu alerts in %zu lines (%zu bytes)\n", s->hits, s->alerts,
            s->lines, s->bytes);
}

/* `isms log rules [--json]`: the built-in rules. */
static int list_rules(const struct log_args *a)
{
    struct isms_log_rule *rules = NULL;
    size_t n = 0;
    int error = isms_log_rules_parse(&rules, &n, isms_log_rules_builtin(),
                                     strlen(isms_log_rules_builtin()));

    if (error < 0)
        return isms_cli_fail(error);
    for (size_t i = 0; i < n; i++) {
        const struct isms_log_rule *r = &rules[i];
        if (a->json)
            isms_cli_print_json_line(json_pack("{s:s, s:i, s:i, s:i, s:s, s:s, s:s}", "id", r->id,
                                               "threshold", r->threshold, "window", r->window,
                                               "silence", r->silence, "key", r->key, "match",
                                               r->match, "name", r->name));
        else
            printf("%-18s %5d in %5d s, then %4d s silent, by %-14s \"%s\": %s\n", r->id,
                   r->threshold, r->window, r->silence, r->key, r->match, r->name);
    }
    free(rules);
    return 0;
}

static int check_scan_args(struct log_args *a, int files)
{
    enum isms_log_format format = ISMS_LOG_AUTO;

    if (a->indicators && a->org)
        return isms_cli_usage_error("log", "--org and --indicators exclude each other");
    if (!a->indicators && !a->org && !a->rules)
        return isms_cli_usage_error("log",
                                    "'log scan' needs --org ORG, --indicators LIST or --rules");
    if (files < 1)
        return isms_cli_usage_error("log", "'log scan' needs a FILE ('-' for standard input)");
    if (a->record && !a->org)
        return isms_cli_usage_error("log", "--record needs --org: the events are the org's");
    if (a->json && a->count)
        return isms_cli_usage_error("log", "--json and --count exclude each other");
    if (a->format && isms_log_format_parse(&format, a->format) < 0)
        return isms_cli_usage_error("log", "%s", isms_error_last());
    a->log_format = format;
    return 0;
}

static int run_log(int argc, char **argv)
{
    static const char *const verbs[] = {"scan", "rules", "trend", NULL};
    struct isms_log_rules_state *state = NULL;
    struct isms_log_rule *rules = NULL;
    struct isms_ioc_scan_stats total;
    struct log_args a = {0};
    struct isms_ioc_set *set = NULL;
    struct isms_store *record_to = NULL;
    struct isms_org org = {0};
    size_t rule_count = 0;
    int status, files;

    status = isms_cli_check_verb(argc, argv, "log", log_help, "'log' needs scan, rules or trend",
                                 verbs);
    if (status == ISMS_CLI_GO_ON && strcmp(argv[1], "trend") == 0)
        return isms_cli_log_trend(argc - 1, argv + 1);
    if (status != ISMS_CLI_GO_ON || (status = parse(&a, argc - 1, argv + 1)) != 0)
        return status;
    files = argc - 1 - optind;
    if (strcmp(argv[1], "rules") == 0)
        return files ? isms_cli_usage_error("log", "'log rules' takes no arguments")
                     : list_rules(&a);
    if ((status = check_scan_args(&a, files)) != 0 ||
        (a.rules && (status = isms_cli_load_rules(&rules, &rule_count, a.rules)) != 0))
        return status;
    if (!(set = isms_ioc_set_new()) ||
        (a.rules && !(state = isms_log_rules_state_new(rules, rule_count)))) {
        status = isms_cli_fail(isms_error_set(ISMS_ENOMEM, "out of memory"));
    } else if ((status = a.org          ? load_org(set, &record_to, &org, &a)
                         : a.indicators ? load_list(set, a.indicators, a.skip_bad)
                                        : 0) == 0 &&
               (status = scan_files(set, state, &a, record_to, org.id, files, argv + 1 + optind,
                                    &total)) == 0) {
        if (!a.json)
            print_counts(&total, a.count);
        status = total.hits || total.alerts ? 1 : 0;
    }
    isms_store_free(record_to);
    isms_log_rules_state_free(state);
    free(rules);
    isms_ioc_set_free(set);
    return status;
}

const struct isms_cli_command isms_cli_log_command = {
    "log", run_log, "search logs for indicators (exact, typed tokens; 5.7, 8.16)"};
