#include "isms_setup.h"
#include <getopt.h>
#include <jansson.h>
#include "cli/cli.h"
#include "export/journal_json.h"
#include "isms/journal.h"
#include "isms/org.h"
#include "store/store.h"
#include "util/error.h"

#define LIST_DEFAULT ISMS_JOURNAL_LIST_DEFAULT
#define LIST_MAX ISMS_JOURNAL_LIST_MAX

static const char journal_help[] =
    "usage: isms journal verify [--db PATH]\n"
    "       isms journal list [--org ID|SLUG] [--limit N] [--json] [--db PATH]\n\n"
    "Every change is appended to the journal in the same transaction, as one\n"
    "row of a SHA-256 hash chain. 'verify' recomputes the chain: it prints the\n"
    "rows checked and the head hash (keep it somewhere else to detect the newest\n"
    "rows being cut off later) and exits 1 naming the first edited or deleted row.\n"
    "'list' prints the newest rows first.\n\n"
    "  --org ID|SLUG  only rows about this organization\n"
    "  --limit N      at most N rows, 1 to 10000 (default 50)\n"
    "  --json         print JSON instead of a table\n"
    "  --db PATH      database file (default: $ISMS_DB or isms.db)\n";

struct journal_args {
    const char *db;
    const char *org;
    int limit;
    bool json;
};

static int parse_limit(int *out, const char *value)
{
    char *end;
    long n;

    errno = 0;
    n = strtol(value, &end, 10);
    if (errno || end == value || *end || n < 1 || n > LIST_MAX)
        return isms_cli_usage_error("journal", "--limit must be 1 to %d, not '%s'", LIST_MAX,
                                    value);
    *out = (int)n;
    return 0;
}

static int parse_args(struct journal_args *args, int argc, char **argv)
{
    static const struct option options[] = {
        {"db", required_argument, NULL, 'd'},
        {"org", required_argument, NULL, 'o'},
        {"limit", required_argument, NULL, 'l'},
        {"json", no_argument, NULL, 'j'},
        {NULL, 0, NULL, 0},
    };
    int opt, status;

    args->limit = LIST_DEFAULT;
    while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
        switch (opt) {
        case 'd':
            args->db = optarg;
            break;
        case 'o':
            args->org = optarg;
            break;
        case 'l':
            if ((status = parse_limit(&args->limit, optarg)) != 0)
                return status;
            break;
        case 'j':
            args->json = true;
            break;
        default:
            return isms_cli_usage_error("journal", "unknown option");
        }
    }
    if (optind != argc)
        return isms_cli_usage_error("journal", "unexpected argument '%s'", argv[optind]);
    return 0;
}

static int journal_verify(struct isms_store *store)
{
    struct isms_journal_report report;
    int error;

    if ((error = isms_journal_verify(&report, store)) < 0)
        return isms_cli_fail(error);
    if (report.first_bad) {
        fprintf(stderr,
                "isms: journal BROKEN at row %" PRId64 ": %s\n"
                "isms: %" PRId64 " rows before it are intact\n",
                report.first_bad, report.reason, report.rows);
        return 1;
    }
    printf("journal intact: %" PRId64 " rows checked\nhead %s\n", report.rows,
           report.head[0] ? report.head : "(empty log)");
    return 0;
}

static int journal_list(struct isms_store *store, const struct journal_args *args)
{
    struct isms_journal_entry *entries;
    struct isms_org org = {0};
    size_t count;
    int error;

    if (args->org && (error = isms_org_find(&org, store, args->org)) < 0)
        return isms_cli_fail(error);
    if ((error = isms_journal_list(&entries, &count, store, org.id, args->limit)) < 0)
        return isms_cli_fail(error);
    if (args->json) {
        json_t *list = json_array();
        for (size_t i = 0; list && i < count; i++)
            json_array_append_new(list, isms_json_journal_entry(&entries[i]));
        isms_cli_print_json(list);
    } else {
        printf("%-6s %-20s %-20s %-22s %s\n", "SEQ", "AT", "ACTOR", "ACTION", "ENTITY");
        for (size_t i = 0; i < count; i++)
            printf("%-6" PRId64 " %-20s %-20s %-22s %s\n", entries[i].seq, entries[i].at,
                   entries[i].actor_name, entries[i].action, entries[i].entity);
    }
    isms_journal_entries_free(entries, count);
    return 0;
}

static int run_journal(int argc, char **argv)
{
    static const char *const verbs[] = {"verify", "list", NULL};
    struct journal_args args = {0};
    struct isms_store *store;
    const char *verb = argv[1];
    int status, error;

    status = isms_cli_check_verb(argc, argv, "journal", journal_help,
                                 "'journal' needs 'verify' or 'list'", verbs);
    if (status != ISMS_CLI_GO_ON)
        return status;
    if ((status = parse_args(&args, argc - 1, argv + 1)) != 0)
        return status;
    if (strcmp(verb, "verify") == 0 && (args.org || args.json))
        return isms_cli_usage_error("journal", "'journal verify' takes only --db");
    if ((error = isms_cli_open_store(&store, isms_cli_db_path(args.db), 1)) < 0)
        return isms_cli_fail(error);
    status = strcmp(verb, "verify") == 0 ? journal_verify(store) : journal_list(store, &args);
    isms_store_free(store);
    return status;
}

const struct isms_cli_command isms_cli_journal_command = {
    "journal", run_journal, "verify and list the tamper-evident journal"};
