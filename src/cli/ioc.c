/* `isms ioc`: an organization's indicators (isms/indicator.h). */
#include "isms_setup.h"
#include <getopt.h>
#include <jansson.h>
#include "cli/cli.h"
#include "engines/ioc/ioc.h"
#include "export/indicator_json.h"
#include "isms/indicator.h"
#include "isms/org.h"
#include "model/actor.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/error.h"

static const char ioc_help[] =
    "usage: isms ioc import --org ORG [--format auto|list|csv|stix|misp|warninglist]\n"
    "                       [--skip-bad] [--threat REF] FILE\n"
    "       isms ioc list --org ORG [--json]\n\n"
    "The organization's indicators of compromise (5.7). 'import' reads a plain list\n"
    "(one value a line, '#' comments, the type found per line), CSV with a header\n"
    "(value, type, threat, threat_ref, source, tlp, first_seen, active_from,\n"
    "active_until, direction, confidence, tags), a STIX 2.1 bundle, a MISP event or a\n"
    "MISP warning list (its values allowed: they suppress hits); auto tells them apart.\n"
    "Types: ipv4, ipv6, cidr, domain, url, md5, sha1, sha256, email, file_path,\n"
    "registry_key.\n"
    "An indicator is its type and value: importing again updates it. A bad line is\n"
    "named with its number and nothing is stored, unless --skip-bad leaves it out.\n"
    "`isms log scan --org ORG` looks up the indicators active today.\n\n"
    "  --threat REF     the threat of the library (enisa:R9, ipa:3, own:12) of the\n"
    "                   indicators that name none (CSV column threat_ref)\n"
    "  --json           print JSON Lines (one indicator a line)\n"
    "  --db PATH        database file (default: $ISMS_DB or isms.db)\n";

struct ioc_args {
    const char *db, *org, *format, *threat;
    bool skip_bad, json;
};

static int import(struct isms_store *store, const struct isms_org *org, const struct ioc_args *a,
                  const char *path)
{
    struct isms_buf data = ISMS_BUF_INIT(ISMS_INDICATOR_FILE_MAX);
    struct isms_indicator_import_options options = {ISMS_INDICATOR_AUTO, a->skip_bad, path,
                                                    a->threat};
    struct isms_indicator_import import = {0};
    int error, status = 0;

    if ((a->format && (error = isms_indicator_format_parse(&options.format, a->format)) < 0) ||
        (error = isms_cli_read_input(&data, path)) < 0) {
        isms_buf_release(&data);
        return isms_cli_fail(error);
    }
    error = isms_indicator_import(&import, store, org->id, data.ptr ? data.ptr : "", data.len,
                                  &options, isms_actor_cli());
    if (error < 0) {
        isms_cli_print_import_errors(&import.errors, path);
        status = isms_cli_fail(error);
    } else {
        printf("%zu indicators read, %zu new, %zu updated", import.count, import.added,
               import.count - import.added);
        if (import.skipped)
            printf(", %zu lines skipped", import.skipped);
        printf("\n");
    }
    isms_indicator_import_release(&import);
    isms_buf_release(&data);
    return status;
}

static int print_one(const struct isms_indicator *i, void *ctx)
{
    char from[ISMS_DATE_SIZE], until[ISMS_DATE_SIZE];

    if (!*(const bool *)ctx) {
        isms_date_format(from, &i->active_from);
        isms_date_format(until, &i->active_until);
        printf("%-7s %-40s %-12s %s%s%s %s%s%s\n", isms_ioc_type_name(i->type), i->value,
               isms_tlp_name(i->tlp), from, *from || *until ? ".." : "", until, i->threat,
               *i->threat && *i->threat_ref ? " " : "", i->threat_ref);
        return 0;
    }
    isms_cli_print_json_line(isms_json_indicator(i));
    return 0;
}

static int parse(struct ioc_args *a, int argc, char **argv)
{
    const struct isms_cli_option options[] = {
        ISMS_CLI_TEXT("db", &a->db),
        ISMS_CLI_TEXT("org", &a->org),
        ISMS_CLI_TEXT("format", &a->format),
        ISMS_CLI_FLAG("skip-bad", &a->skip_bad),
        ISMS_CLI_FLAG("json", &a->json),
        ISMS_CLI_TEXT("threat", &a->threat),
        {NULL, NULL, NULL},
    };

    return isms_cli_parse_options("ioc", options, argc, argv);
}

static int run_ioc(int argc, char **argv)
{
    static const char *const verbs[] = {"import", "list", NULL};
    struct ioc_args a = {0};
    struct isms_store *store = NULL;
    struct isms_org org;
    int status, positional;

    status = isms_cli_check_verb(argc, argv, "ioc", ioc_help, "'ioc' needs import or list", verbs);
    if (status != ISMS_CLI_GO_ON || (status = parse(&a, argc - 1, argv + 1)) != 0)
        return status;
    positional = argc - 1 - optind;
    if (!a.org)
        return isms_cli_usage_error("ioc", "'ioc %s' needs --org", argv[1]);
    if (positional != (strcmp(argv[1], "import") == 0))
        return isms_cli_usage_error("ioc", strcmp(argv[1], "import") == 0
                                               ? "'ioc import' needs one FILE"
                                               : "'ioc list' takes no arguments");
    if ((status = isms_cli_open_org(&store, &org, "ioc", a.db, a.org)) != 0)
        return status;
    if (strcmp(argv[1], "import") == 0) {
        status = import(store, &org, &a, argv[1 + optind]);
    } else {
        int error = isms_indicator_each(store, org.id, print_one, &a.json);
        status = error < 0 ? isms_cli_fail(error) : 0;
    }
    isms_store_free(store);
    return status;
}

const struct isms_cli_command isms_cli_ioc_command = {
    "ioc", run_ioc, "an organization's indicators of compromise: import and list (5.7)"};
