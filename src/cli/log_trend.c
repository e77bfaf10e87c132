/* `isms log trend`: the baseline of what the log rules match (8.16 竹/松),
 * its deviations and trend (engines/ioc/baseline.h), from log files and,
 * with --org, from the counts the org's scans and watched logs recorded. */
#include "isms_setup.h"
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <time.h>
#include "cli/cli.h"
#include "cli/log_common.h"
#include "engines/ioc/baseline.h"
#include "engines/ioc/log_time.h"
#include "isms/event.h"
#include "isms/org.h"
#include "store/store.h"
#include "util/error.h"
#include "util/timezone.h"

static const char trend_help[] =
    "usage: isms log trend [--rules builtin|FILE] [--format F] [--learn HOURS]\n"
    "                      [--sigmas K] [--min-count N] [--json] FILE...\n"
    "       isms log trend --org ORG [--days N] [options] [FILE...]\n\n"
    "Counts by hour the lines each rule matches (before its threshold), per source\n"
    "(the rule's key: an address, a user) and in total, and reports:\n"
    "  deviations  the hours whose count lies more than K standard deviations (at\n"
    "              least 1) above the mean of the HOURS before it, with N lines at\n"
    "              least; an hour without lines counts 0 and the first 24 hours of\n"
    "              the data only teach the baseline\n"
    "  trend       each rule's lines a day, and its last 7 days against the 7 before\n"
    "Times are the lines' own (syslog's without a zone in this host's zone); lines\n"
    "without one are not counted. With --org, the counts that 'isms log scan\n"
    "--record' and 'isms serve --watch' recorded for the org (the last N days) come\n"
    "first and the FILEs add to them for this report only. Exits 1 when an hour\n"
    "deviates, 0 when none does.\n\n"
    "  --rules R      builtin (default) or a rule file (isms log scan --help)\n"
    "  --format F     auto|syslog|sshd|combined|jsonl, for the lines' times\n"
    "  --learn HOURS  the hours a baseline is learned from (default 168: a week)\n"
    "  --sigmas K     standard deviations above the mean (default 3)\n"
    "  --min-count N  fewer lines in an hour never deviate (default 5)\n"
    "  --days N       with --org: the recorded days read (default 30)\n"
    "  --json         JSON Lines: {kind: deviation|day|week, ...}\n"
    "  --db PATH      with --org: database file (default: $ISMS_DB or isms.db)\n";

struct trend_args {
    const char *rules, *format, *learn, *sigmas, *min_count, *days, *org, *db;
    bool json;
};

struct reading {
    struct isms_log_hourly *hourly;
    enum isms_log_format format;
    int64_t now, t;
    int local_offset;
};

static int count_match(const struct isms_log_rule *rule, const char *key, size_t n, void *ctx)
{
    struct reading *r = ctx;

    return isms_log_hourly_add(r->hourly, rule->id, key, n, r->t);
}

static int read_file(struct reading *r, const struct isms_log_rule *rules, size_t n,
                     const char *path)
{
    bool stdin_file = strcmp(path, "-") == 0;
    FILE *in = stdin_file ? stdin : fopen(path, "rb");
    char *line = NULL;
    size_t room = 0;
    ssize_t len;
    int error = 0;

    if (!in)
        return isms_error_set(ISMS_EINVALID, "cannot open '%s': %s", path, strerror(errno));
    while (error == 0 && (len = getline(&line, &room, in)) > 0) {
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        r->t = isms_log_time_local(r->format, line, (size_t)len, r->now, r->local_offset);
        if (r->t >= 0)
            error = isms_log_rules_match(rules, n, line, (size_t)len, count_match, r);
    }
    if (error == 0 && ferror(in))
        error = isms_error_set(ISMS_ERROR, "cannot read '%s': %s", path, strerror(errno));
    free(line);
    if (!stdin_file)
        fclose(in);
    return error;
}

/* "2026-12-03 10:00 +0900", or with --json "2026-12-03T10:00:00+09:00". */
static void local_time(char *out, size_t size, int64_t t, const char *format)
{
    time_t when = (time_t)t;
    struct tm tm;

    if (!localtime_r(&when, &tm) || !strftime(out, size, format, &tm))
        snprintf(out, size, "%" PRId64, t);
}

static double rounded(double x)
{
    return round(x * 100) / 100;
}

static int print_deviation(const struct isms_log_deviation *d, void *ctx)
{
    const struct trend_args *a = ctx;
    char hour[40];

    if (a->json) {
        local_time(hour, sizeof(hour), d->hour, "%Y-%m-%dT%H:%M:%S%z");
        /* RFC 3339 writes the offset as +09:00 */
        size_t n = strlen(hour);
        if (n >= 5 && (hour[n - 5] == '+' || hour[n - 5] == '-')) {
            memmove(hour + n - 1, hour + n - 2, 3);
            hour[n - 2] = ':';
        }
        isms_cli_print_json_line(json_pack("{s:s, s:s, s:s, s:s, s:I, s:f, s:f}", "kind",
                                           "deviation", "rule", d->rule, "source", d->source,
                                           "hour", hour, "count", (json_int_t)d->count, "mean",
                                           rounded(d->mean), "stddev", rounded(d->stddev)));
        return 0;
    }
    local_time(hour, sizeof(hour), d->hour, "%Y-%m-%d %H:%M %z");
    printf("  %s  %-18s %-24s %5" PRId64 " lines, baseline %.1f ± %.1f\n", hour, d->rule,
           *d->source ? d->source : "(all sources)", d->count, d->mean, d->stddev);
    return 0;
}

struct deviations {
    const struct trend_args *args;
    size_t count;
};

static int on_deviation(const struct isms_log_deviation *d, void *ctx)
{
    struct deviations *v = ctx;

    if (!v->count++ && !v->args->json)
        printf("deviations (hours far above their baseline)\n");
    return print_deviation(d, (void *)v->args);
}

static int print_trend(const struct isms_log_trend *t, void *ctx)
{
    const struct trend_args *a = ctx;
    char day[32];

    local_time(day, sizeof(day), t->day + 12 * 3600, "%Y-%m-%d");
    if (a->json)
        isms_cli_print_json_line(json_pack("{s:s, s:s, s:s, s:I}", "kind", "day", "rule", t->rule,
                                           "day", day, "count", (json_int_t)t->count));
    else
        printf("  %-18s %s %7" PRId64 "\n", t->rule, day, t->count);
    if (!t->last)
        return 0;
    if (a->json) {
        isms_cli_print_json_line(json_pack("{s:s, s:s, s:I, s:I}", "kind", "week", "rule", t->rule,
                                           "last_week", (json_int_t)t->last_week, "week_before",
                                           (json_int_t)t->week_before));
    } else if (t->week_before) {
        printf("  %-18s last 7 days %" PRId64 ", the 7 before %" PRId64 " (%+.0f%%)\n", t->rule,
               t->last_week, t->week_before,
               100.0 * (double)(t->last_week - t->week_before) / (double)t->week_before);
    } else {
        printf("  %-18s last 7 days %" PRId64 ", the 7 before none\n", t->rule, t->last_week);
    }
    return 0;
}

static int number(double *out, const char *text, const char *flag, double min, double max)
{
    char *end;

    if (!text)
        return 0;
    *out = strtod(text, &end);
    if (*end || !*text || !(*out >= min && *out <= max))
        return isms_cli_usage_error("log", "%s takes a number from %g to %g, not '%s'", flag, min,
                                    max, text);
    return 0;
}

static int options_of(struct isms_log_baseline_options *o, double *days, const struct trend_args *a)
{
    double learn = 168, sigmas = 3, min_count = 5;
    int status;

    *days = 30;
    if ((status = number(&learn, a->learn, "--learn", 1, 24 * 366)) != 0 ||
        (status = number(&sigmas, a->sigmas, "--sigmas", 0.5, 100)) != 0 ||
        (status = number(&min_count, a->min_count, "--min-count", 1, 1e9)) != 0 ||
        (status = number(days, a->days, "--days", 1, 3660)) != 0)
        return status;
    isms_log_baseline_defaults(o);
    o->learn_hours = (int)learn;
    o->sigmas = sigmas;
    o->min_count = (int64_t)min_count;
    return 0;
}

static int parse(struct trend_args *a, int argc, char **argv)
{
    const struct isms_cli_option options[] = {
        ISMS_CLI_TEXT("rules", &a->rules),
        ISMS_CLI_TEXT("format", &a->format),
        ISMS_CLI_TEXT("learn", &a->learn),
        ISMS_CLI_TEXT("sigmas", &a->sigmas),
        ISMS_CLI_TEXT("min-count", &a->min_count),
        ISMS_CLI_TEXT("days", &a->days),
        ISMS_CLI_TEXT("org", &a->org),
        ISMS_CLI_TEXT("db", &a->db),
        ISMS_CLI_FLAG("json", &a->json),
        {NULL, NULL, NULL},
    };

    return isms_cli_parse_options("log", options, argc, argv);
}

/* The org's recorded counts, then the files'. */
static int gather(struct reading *r, const struct trend_args *a, double days,
                  const struct isms_log_rule *rules, size_t n, int files, char **paths)
{
    struct isms_store *store = NULL;
    struct isms_org org;
    int status, error = 0;

    if (a->org) {
        if ((status = isms_cli_open_org(&store, &org, "log", a->db, a->org)) != 0)
            return status;
        error = isms_event_counts_load(r->hourly, store, org.id, r->now - (int64_t)(days * 86400));
        isms_store_free(store);
    }
    for (int i = 0; error == 0 && i < files; i++)
        error = read_file(r, rules, n, paths[i]);
    return error < 0 ? isms_cli_fail(error) : 0;
}

int isms_cli_log_trend(int argc, char **argv)
{
    struct trend_args a = {0};
    struct isms_log_baseline_options o;
    struct reading r = {.now = (int64_t)time(NULL), .local_offset = isms_tz_host_offset()};
    struct isms_log_rule *rules = NULL;
    struct deviations found = {&a, 0};
    size_t n = 0;
    double days;
    int status, files;

    if (isms_cli_wants_help(argc, argv)) {
        fputs(trend_help, stdout);
        return 0;
    }
    if ((status = parse(&a, argc, argv)) != 0 || (status = options_of(&o, &days, &a)) != 0)
        return status;
    files = argc - optind;
    if (!files && !a.org)
        return isms_cli_usage_error("log", "'log trend' needs a FILE or --org ORG");
    if (a.format && isms_log_format_parse(&r.format, a.format) < 0)
        return isms_cli_usage_error("log", "%s", isms_error_last());
    if ((status = isms_cli_load_rules(&rules, &n, a.rules ? a.rules : "builtin")) != 0)
        return status;
    if (!(r.hourly = isms_log_hourly_new()))
        status = isms_cli_fail(isms_error_set(ISMS_ENOMEM, "out of memory"));
    else if ((status = gather(&r, &a, days, rules, n, files, argv + optind)) == 0) {
        int error = isms_log_baseline_deviations(r.hourly, &o, on_deviation, &found);
        if (error == 0 && !a.json)
            printf("%strend (lines a day)\n", found.count ? "\n" : "no hour deviates\n\n");
        if (error == 0)
            error = isms_log_trend_each(r.hourly, r.local_offset, print_trend, &a);
        status = error < 0 ? isms_cli_fail(error) : found.count ? 1 : 0;
    }
    isms_log_hourly_free(r.hourly);
    free(rules);
    return status;
}
