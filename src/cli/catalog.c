#include "isms_setup.h"
#include <getopt.h>
#include "catalog/catalog.h"
#include "cli/cli.h"
#include "export/json.h"
#include "util/error.h"

static const char catalog_help[] =
    "usage: isms catalog list [--json]\n"
    "       isms catalog show KEY [CONTROL] [--lang ja|en] [--json]\n\n"
    "Browses the built-in catalogs (no database needed):\n"
    "  iso27001-2022   ISO/IEC 27001:2022 Annex A (JIS Q 27001:2023)\n"
    "  iso27002-2013   ISO/IEC 27002:2013 with the mapping to 2022\n"
    "  iso27017-2015   ISO/IEC 27017:2015 cloud controls (CLD.*)\n\n"
    "  --lang LANG   titles in Japanese (ja, default) or English (en)\n"
    "  --json        print JSON instead of a table\n";

struct catalog_args {
    bool json;
    bool english;
};

static int parse_args(struct catalog_args *args, int argc, char **argv)
{
    static const struct option options[] = {
        {"json", no_argument, NULL, 'j'},
        {"lang", required_argument, NULL, 'l'},
        {NULL, 0, NULL, 0},
    };
    int opt;

    while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
        if (opt == 'j') {
            args->json = true;
        } else if (opt == 'l' && (strcmp(optarg, "ja") == 0 || strcmp(optarg, "en") == 0)) {
            args->english = strcmp(optarg, "en") == 0;
        } else if (opt == 'l') {
            return isms_cli_usage_error("catalog", "--lang must be 'ja' or 'en', not '%s'", optarg);
        } else {
            return isms_cli_usage_error("catalog", "unknown option");
        }
    }
    return 0;
}

static int list_catalogs(const struct catalog_args *args)
{
    json_t *list = args->json ? json_array() : NULL;

    for (size_t i = 0; i < isms_catalog_count(); i++) {
        const struct isms_catalog *c = isms_catalog_at(i);
        if (list)
            json_array_append_new(list, isms_json_catalog(c, false));
        else
            printf("%-14s %4zu  %s\n", c->key, c->count, args->english ? c->name_en : c->name_ja);
    }
    if (list)
        isms_cli_print_json(list);
    return 0;
}

static void print_control(const struct isms_control *c)
{
    printf("%s  %s\n%s\n", c->id, c->title_ja, c->title_en);
    if (*c->summary_ja)
        printf("\n%s\n", c->summary_ja);
    if (*c->summary_en)
        printf("%s\n", c->summary_en);
    if (*c->control_type)
        printf("\ncontrol type:              %s\nsecurity properties:       %s\n"
               "cybersecurity concepts:    %s\noperational capabilities:  %s\n"
               "security domains:          %s\n",
               c->control_type, c->security_properties, c->cybersecurity_concepts,
               c->operational_capabilities, c->security_domains);
    if (c->cloud_csc || c->cloud_csp)
        printf("ISO/IEC 27017 guidance:    %s%s%s\n", c->cloud_csc ? "CSC" : "",
               c->cloud_csc && c->cloud_csp ? ", " : "", c->cloud_csp ? "CSP" : "");
    if (c->new_in_2022)
        printf("new in ISO/IEC 27001:2022\n");
    for (size_t i = 0; i < c->related_count; i++)
        printf("%s%s", i ? ", " : "2013/2022 correspondence:  ", c->related[i]);
    if (c->related_count)
        putchar('\n');
}

static int show_catalog(const struct catalog_args *args, const char *key, const char *control)
{
    const struct isms_catalog *cat = isms_catalog_get(key);
    const struct isms_control *c;

    if (!cat)
        return isms_cli_fail(isms_error_set(ISMS_ENOTFOUND, _("catalog '%s' not found"), key));
    if (control) {
        if (!(c = isms_catalog_find(cat, control)))
            return isms_cli_fail(
                isms_error_set(ISMS_ENOTFOUND, _("control '%s' not found in '%s'"), control, key));
        if (args->json)
            isms_cli_print_json(isms_json_control(c, cat->key));
        else
            print_control(c);
        return 0;
    }
    if (args->json) {
        isms_cli_print_json(isms_json_catalog(cat, true));
        return 0;
    }
    for (size_t i = 0; i < cat->count; i++) {
        c = &cat->controls[i];
        printf("%-11s %s%s\n", c->id, args->english ? c->title_en : c->title_ja,
               c->new_in_2022 ? (args->english ? "  [new]" : "  [新規]") : "");
    }
    return 0;
}

static int run_catalog(int argc, char **argv)
{
    struct catalog_args args = {0};
    const char *verb;
    int status, error, positional;

    if (isms_cli_wants_help(argc, argv)) {
        fputs(catalog_help, stdout);
        return 0;
    }
    if (argc < 2)
        return isms_cli_usage_error("catalog", "'catalog' needs 'list' or 'show'");
    verb = argv[1];
    if ((status = parse_args(&args, argc - 1, argv + 1)) != 0)
        return status;
    if ((error = isms_catalogs_load()) < 0)
        return isms_cli_fail(error);
    positional = argc - 1 - optind;
    if (strcmp(verb, "list") == 0 && positional == 0)
        return list_catalogs(&args);
    if (strcmp(verb, "show") == 0 && (positional == 1 || positional == 2))
        return show_catalog(&args, argv[1 + optind], positional == 2 ? argv[2 + optind] : NULL);
    return isms_cli_usage_error("catalog", "unknown subcommand or wrong arguments");
}

const struct isms_cli_command isms_cli_catalog_command = {"catalog", run_catalog,
                                                          "browse the built-in control catalogs"};
