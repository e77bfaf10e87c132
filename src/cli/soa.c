#include "isms_setup.h"
#include <getopt.h>
#include <unistd.h>
#include "catalog/catalog.h"
#include "cli/cli.h"
#include "export/json.h"
#include "export/soa_export.h"
#include "isms/soa.h"
#include "model/actor.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/timezone.h"

#define EXPORT_MAX_BYTES (64u << 20)

static const char soa_help[] =
    "usage: isms soa show   --org ORG [--undecided] [--json]\n"
    "       isms soa check  --org ORG\n"
    "       isms soa set    --org ORG CONTROL (--applicable | --excluded) [options]\n"
    "       isms soa export --org ORG --format csv|xlsx|json [--output FILE]\n\n"
    "The Statement of Applicability covers every ISO/IEC 27001:2022 Annex A control\n"
    "(A.5.1 ... A.8.34) and every ISO/IEC 27017 cloud control (CLD.6.3.1 ...).\n\n"
    "check lists the controls still undecided (ISO/IEC 27001 6.1.3 c) and exits\n"
    "with 1 while any remain, 0 when every control is decided.\n\n"
    "  --org ORG               organization id or slug\n"
    "  --applicable            the control applies (needs --basis or --justification)\n"
    "  --excluded              the control is excluded (needs --exclusion)\n"
    "  --basis LIST            why it applies: risk,legal,contract,best_practice\n"
    "  --justification TEXT    justification for inclusion\n"
    "  --implementation STATE  yes, partial, no or planned\n"
    "  --exclusion TEXT        justification for exclusion\n"
    "  --responsibility WHO    csc, csp or shared (default: from the org's role)\n"
    "  --owner NAME            who owns the control\n"
    "  --format FORMAT         csv (UTF-8 with BOM), xlsx or json\n"
    "  --output FILE           write the export to FILE instead of stdout\n"
    "  --undecided             show only undecided controls\n"
    "  --json                  print JSON instead of a table\n"
    "  --db PATH               database file (default: $ISMS_DB or isms.db)\n";

struct soa_args {
    const char *db, *org, *format, *output;
    bool json, undecided;
    bool decision_given;
    struct isms_soa_decision decision;
};

static int parse_basis(unsigned *out, const char *list)
{
    char item[32];
    unsigned bit;
    int error;

    *out = 0;
    while (*list) {
        size_t len = strcspn(list, ",");
        if (len == 0 || len >= sizeof(item))
            return isms_error_set(ISMS_EINVALID, "bad --basis list");
        memcpy(item, list, len);
        item[len] = '\0';
        if ((error = isms_soa_basis_parse(&bit, item)) < 0)
            return error;
        *out |= bit;
        list += len + (list[len] == ',');
    }
    return 0;
}

/* Applies one option; returns 0, or an exit status. */
static int apply_option(struct soa_args *a, int opt, const char *value)
{
    struct isms_soa_decision *d = &a->decision;
    int error = 0;

    switch (opt) {
    case 'd':
        a->db = value;
        break;
    case 'o':
        a->org = value;
        break;
    case 'f':
        a->format = value;
        break;
    case 'O':
        a->output = value;
        break;
    case 'j':
        a->json = true;
        break;
    case 'u':
        a->undecided = true;
        break;
    case 'A':
        d->applicability = ISMS_SOA_APPLICABLE;
        a->decision_given = true;
        break;
    case 'X':
        d->applicability = ISMS_SOA_NOT_APPLICABLE;
        a->decision_given = true;
        break;
    case 'b':
        error = parse_basis(&d->inclusion_basis, value);
        break;
    case 'J':
        d->inclusion_justification = value;
        break;
    case 'i':
        error = isms_soa_implementation_parse(&d->implementation, value);
        break;
    case 'e':
        d->exclusion_justification = value;
        break;
    case 'r':
        error = isms_soa_responsibility_parse(&d->responsibility, value);
        break;
    case 'w':
        d->owner = value;
        break;
    default:
        return isms_cli_usage_error("soa", "unknown option");
    }
    return error < 0 ? isms_cli_fail(error) : 0;
}

static int parse_args(struct soa_args *a, int argc, char **argv)
{
    static const struct option options[] = {
        {"db", required_argument, NULL, 'd'},
        {"org", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'O'},
        {"json", no_argument, NULL, 'j'},
        {"undecided", no_argument, NULL, 'u'},
        {"applicable", no_argument, NULL, 'A'},
        {"excluded", no_argument, NULL, 'X'},
        {"basis", required_argument, NULL, 'b'},
        {"justification", required_argument, NULL, 'J'},
        {"implementation", required_argument, NULL, 'i'},
        {"exclusion", required_argument, NULL, 'e'},
        {"responsibility", required_argument, NULL, 'r'},
        {"owner", required_argument, NULL, 'w'},
        {NULL, 0, NULL, 0},
    };
    int opt, status;

    while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1)
        if ((status = apply_option(a, opt, optarg)) != 0)
            return status;
    return 0;
}

static const char *applicability_text(enum isms_soa_applicability a)
{
    return a == ISMS_SOA_APPLICABLE       ? "applicable"
           : a == ISMS_SOA_NOT_APPLICABLE ? "excluded"
                                          : "undecided";
}

static void print_entry_line(const struct isms_soa_entry *e)
{
    const char *impl = isms_soa_implementation_name(e->implementation);

    printf("%-11s %-10s %-8s %-7s %s\n", e->control_id, applicability_text(e->applicability),
           impl ? impl : "-", isms_soa_responsibility_name(e->responsibility),
           e->control->title_ja);
}

static int soa_show(const struct isms_soa *soa, const struct soa_args *a)
{
    if (a->json) {
        isms_cli_print_json(isms_json_soa(soa));
        return 0;
    }
    printf("%-11s %-10s %-8s %-7s %s\n", "CONTROL", "DECISION", "IMPL", "RESP", "TITLE");
    for (size_t i = 0; i < soa->count; i++)
        if (!a->undecided || soa->entries[i].applicability == ISMS_SOA_UNDECIDED)
            print_entry_line(&soa->entries[i]);
    printf("%zu controls, %zu undecided\n", soa->count, isms_soa_undecided_count(soa));
    return 0;
}

static int soa_check(const struct isms_soa *soa)
{
    size_t undecided = isms_soa_undecided_count(soa);

    for (size_t i = 0; i < soa->count; i++)
        if (soa->entries[i].applicability == ISMS_SOA_UNDECIDED)
            printf("%-11s %s / %s\n", soa->entries[i].control_id, soa->entries[i].control->title_ja,
                   soa->entries[i].control->title_en);
    if (undecided) {
        fprintf(stderr,
                "isms: %zu of %zu controls in the Statement of Applicability of '%s' "
                "are undecided\n",
                undecided, soa->count, soa->org.slug);
        return 1;
    }
    printf("all %zu controls of '%s' are decided\n", soa->count, soa->org.slug);
    return 0;
}

static int soa_export(const struct isms_soa *soa, const struct soa_args *a)
{
    struct isms_buf buf = ISMS_BUF_INIT(EXPORT_MAX_BYTES);
    int error, status;

    if (!a->format)
        return isms_cli_usage_error("soa", "'soa export' needs --format csv|xlsx|json");
    if (strcmp(a->format, "csv") == 0)
        error = isms_export_soa_csv(&buf, soa, ISMS_TZ_DEFAULT_JA);
    else if (strcmp(a->format, "json") == 0)
        error = isms_export_soa_json(&buf, soa, ISMS_TZ_DEFAULT_JA);
    else if (strcmp(a->format, "xlsx") == 0 && !a->output && isatty(STDOUT_FILENO))
        return isms_cli_usage_error("soa", "refusing to write xlsx to a terminal; use --output");
    else if (strcmp(a->format, "xlsx") == 0)
        error = isms_export_soa_xlsx(&buf, soa, ISMS_TZ_DEFAULT_JA);
    else
        return isms_cli_usage_error("soa", "--format must be csv, xlsx or json, not '%s'",
                                    a->format);
    status = error < 0 ? isms_cli_fail(error) : isms_cli_write_output(&buf, a->output);
    isms_buf_release(&buf);
    return status;
}

static int soa_set(struct isms_store *store, const struct isms_org *org, const struct soa_args *a,
                   const char *control)
{
    struct isms_soa_entry entry;
    int error;

    if (!a->decision_given)
        return isms_cli_usage_error("soa", "'soa set' needs --applicable or --excluded");
    if ((error = isms_soa_decide(&entry, store, org->id, control, &a->decision, isms_actor_cli())) <
        0)
        return isms_cli_fail(error);
    if (a->json)
        isms_cli_print_json(isms_json_soa_entry(&entry));
    else
        print_entry_line(&entry);
    isms_soa_entry_release(&entry);
    return 0;
}

static int run_verb(const char *verb, struct isms_store *store, const struct isms_org *org,
                    const struct soa_args *a, int positional, char **rest)
{
    struct isms_soa soa;
    int error, status;

    if (strcmp(verb, "set") == 0)
        return positional == 1 ? soa_set(store, org, a, rest[0])
                               : isms_cli_usage_error("soa", "'soa set' needs one CONTROL");
    if (positional != 0)
        return isms_cli_usage_error("soa", "unexpected argument '%s'", rest[0]);
    if ((error = isms_soa_load(&soa, store, org->id)) < 0)
        return isms_cli_fail(error);
    if (strcmp(verb, "show") == 0)
        status = soa_show(&soa, a);
    else if (strcmp(verb, "check") == 0)
        status = soa_check(&soa);
    else
        status = soa_export(&soa, a);
    isms_soa_release(&soa);
    return status;
}

static int run_soa(int argc, char **argv)
{
    static const char *const verbs[] = {"show", "check", "set", "export", NULL};
    struct soa_args args = {0};
    struct isms_store *store;
    struct isms_org org;
    const char *verb = argv[1];
    int status;

    status = isms_cli_check_verb(argc, argv, "soa", soa_help,
                                 "'soa' needs show, check, set or export", verbs);
    if (status != ISMS_CLI_GO_ON)
        return status;
    if ((status = parse_args(&args, argc - 1, argv + 1)) != 0 ||
        (status = isms_cli_open_org(&store, &org, "soa", args.db, args.org)) != 0)
        return status;
    status = run_verb(verb, store, &org, &args, argc - 1 - optind, argv + 1 + optind);
    isms_store_free(store);
    return status;
}

const struct isms_cli_command isms_cli_soa_command = {
    "soa", run_soa, "decide, check and export the Statement of Applicability"};
