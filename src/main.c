#include "isms_setup.h"
#include "cli/cli.h"

static const struct isms_cli_command commands[] = {
    {"init", isms_cli_init, "create or upgrade the database"},
    {"serve", isms_cli_serve, "run the web server and JSON API"},
    {"org", isms_cli_org, "add and list organizations"},
    {"catalog", isms_cli_catalog, "browse the built-in control catalogs"},
    {"soa", isms_cli_soa, "decide, check and export the Statement of Applicability"},
    {"threat", isms_cli_threat, "browse the threat library and add your own threats"},
    {"matrix", isms_cli_matrix, "list, show, choose and define risk matrices"},
    {"risk", isms_cli_risk, "the risk register: assess, treat, accept, link, report"},
    {"user", isms_cli_user, "add, list and manage user accounts and their roles"},
    {"journal", isms_cli_journal, "verify and list the tamper-evident journal"},
    {"asset", isms_cli_asset, "the information asset register: add, list, import, export"},
    {"cloud", isms_cli_cloud, "the cloud service register and shadow-cloud judgement"},
};

static void usage(FILE *out)
{
    fprintf(out, "usage: isms <command> [options]\n\n"
                 "An ISMS for ISO/IEC 27001:2022 with the ISO/IEC 27017 cloud extension.\n\n"
                 "commands:\n");
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(commands); i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\nevery command takes --help; the database is --db PATH, $ISMS_DB or "
                 "'%s'\n", ISMS_CLI_DEFAULT_DB);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return ISMS_EXIT_USAGE;
    }
    if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0) {
        printf("isms %s\n", ISMS_VERSION);
        return 0;
    }
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(commands); i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "isms: '%s' is not an isms command\n\n", argv[1]);
    usage(stderr);
    return ISMS_EXIT_USAGE;
}
