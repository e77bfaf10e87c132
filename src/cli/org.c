#include "isms_setup.h"
#include <getopt.h>
#include "cli/cli.h"
#include "export/json.h"
#include "isms/org.h"
#include "model/actor.h"
#include "store/store.h"
#include "util/error.h"

static const char org_help[] =
    "usage: isms org add NAME --role csc|csp|both [--slug SLUG] [--db PATH] [--json]\n"
    "       isms org list [--db PATH] [--json]\n\n"
    "Organizations each run their own ISMS as a cloud service customer (csc),\n"
    "a cloud service provider (csp) or both.\n\n"
    "  --role ROLE   csc, csp or both (required for add)\n"
    "  --slug SLUG   short name used in URLs and --org (a-z, 0-9, '-'); derived\n"
    "                from NAME when omitted\n"
    "  --json        print JSON instead of a table\n"
    "  --db PATH     database file (default: $ISMS_DB or isms.db)\n";

struct org_args {
    const char *db;
    const char *role;
    const char *slug;
    bool json;
};

static int parse_args(struct org_args *args, int argc, char **argv)
{
    const struct isms_cli_option options[] = {
        ISMS_CLI_TEXT("db", &args->db),
        ISMS_CLI_TEXT("role", &args->role),
        ISMS_CLI_TEXT("slug", &args->slug),
        ISMS_CLI_FLAG("json", &args->json),
        {0},
    };

    return isms_cli_parse_options("org", options, argc, argv);
}

static int org_add(struct isms_store *store, const struct org_args *args, const char *name)
{
    enum isms_org_role role;
    struct isms_org org;
    int error;

    if (!args->role)
        return isms_cli_usage_error("org", "'org add' needs --role csc|csp|both");
    if ((error = isms_org_role_parse(&role, args->role)) < 0 ||
        (error = isms_org_create(&org, store, name, args->slug, role, isms_actor_cli())) < 0)
        return isms_cli_fail(error);
    if (args->json)
        isms_cli_print_json(isms_json_org(&org));
    else
        printf("created organization %" PRId64 " '%s' (%s, %s)\n", org.id, org.slug, org.name,
               isms_org_role_name(org.role));
    return 0;
}

static int org_list(struct isms_store *store, const struct org_args *args)
{
    struct isms_org *orgs;
    size_t count;
    int error;

    if ((error = isms_org_list(&orgs, &count, store)) < 0)
        return isms_cli_fail(error);
    if (args->json) {
        json_t *list = json_array();
        for (size_t i = 0; i < count; i++)
            json_array_append_new(list, isms_json_org(&orgs[i]));
        isms_cli_print_json(list);
    } else {
        printf("%-6s %-24s %-5s %s\n", "ID", "SLUG", "ROLE", "NAME");
        for (size_t i = 0; i < count; i++)
            printf("%-6" PRId64 " %-24s %-5s %s\n", orgs[i].id, orgs[i].slug,
                   isms_org_role_name(orgs[i].role), orgs[i].name);
    }
    free(orgs);
    return 0;
}

static int run_org(int argc, char **argv)
{
    struct org_args args = {0};
    struct isms_store *store;
    const char *verb;
    int status, error;

    if (isms_cli_wants_help(argc, argv)) {
        fputs(org_help, stdout);
        return 0;
    }
    if (argc < 2)
        return isms_cli_usage_error("org", "'org' needs 'add' or 'list'");
    verb = argv[1];
    if ((status = parse_args(&args, argc - 1, argv + 1)) != 0)
        return status;
    if (strcmp(verb, "add") == 0 && optind + 1 != argc - 1)
        return isms_cli_usage_error("org", "'org add' needs exactly one NAME");
    if (strcmp(verb, "list") == 0 && optind != argc - 1)
        return isms_cli_usage_error("org", "'org list' takes no arguments");
    if (strcmp(verb, "add") != 0 && strcmp(verb, "list") != 0)
        return isms_cli_usage_error("org", "unknown subcommand '%s'", verb);
    if ((error = isms_cli_open_store(&store, isms_cli_db_path(args.db), 1)) < 0)
        return isms_cli_fail(error);
    status = strcmp(verb, "add") == 0 ? org_add(store, &args, argv[1 + optind])
                                      : org_list(store, &args);
    isms_store_free(store);
    return status;
}

const struct isms_cli_command isms_cli_org_command = {"org", run_org, "add and list organizations"};
