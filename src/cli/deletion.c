/* `isms deletion`: the retention due list and deletion records (isms/deletion.h). */
#include "isms_setup.h"
#include <getopt.h>
#include "catalog/retention_templates.h"
#include "cli/cli.h"
#include "export/deletion_json.h"
#include "isms/deletion.h"
#include "isms/org.h"
#include "model/actor.h"
#include "store/store.h"
#include "util/error.h"

static const char deletion_help[] =
    "usage: isms deletion due --org ORG [--status S] [--json]\n"
    "       isms deletion record --org ORG (--asset ID | --what TEXT) --date DATE\n"
    "                            --method M --by PERSON [--evidence TEXT] [--notes TEXT]\n"
    "       isms deletion list --org ORG [--json]\n"
    "       isms deletion templates [--json]\n\n"
    "Information deletion (ISO/IEC 27001:2022 A.8.10). 'due' lists every information\n"
    "asset with a retention rule and its deletion due date, and exits 1 while any is\n"
    "overdue; 'record' keeps a deletion record; 'templates' prints the built-in\n"
    "retention rules with the law they follow (isms asset add --retention-template).\n\n"
    "  --status S         overdue, due (within 30 days), scheduled, no_date, deleted\n"
    "  --method M         erase, overwrite, crypto_erase, degauss, physical, shredding,\n"
    "                     provider (by the cloud service provider) or other\n"
    "  --by PERSON        the person responsible for the deletion\n"
    "  --evidence TEXT    e.g. the number of the certificate of erasure\n"
    "  --json             print JSON\n"
    "  --db PATH          database file (default: $ISMS_DB or isms.db)\n";

struct deletion_args {
    const char *db, *org, *status, *asset, *what, *date, *method, *by, *evidence, *notes;
    bool json;
};

static int parse(struct deletion_args *a, int argc, char **argv)
{
    const struct isms_cli_option options[] = {
        ISMS_CLI_TEXT("db", &a->db),
        ISMS_CLI_TEXT("org", &a->org),
        ISMS_CLI_TEXT("status", &a->status),
        ISMS_CLI_TEXT("asset", &a->asset),
        ISMS_CLI_TEXT("what", &a->what),
        ISMS_CLI_TEXT("date", &a->date),
        ISMS_CLI_TEXT("method", &a->method),
        ISMS_CLI_TEXT("by", &a->by),
        ISMS_CLI_TEXT("evidence", &a->evidence),
        ISMS_CLI_TEXT("notes", &a->notes),
        ISMS_CLI_FLAG("json", &a->json),
        {NULL, NULL, NULL},
    };

    return isms_cli_parse_options("deletion", options, argc, argv);
}

static int templates(bool json)
{
    json_t *list = json_array();
    int error;

    if ((error = isms_retention_templates_load()) < 0) {
        json_decref(list);
        return isms_cli_fail(error);
    }
    for (size_t i = 0; i < isms_retention_template_count(); i++) {
        const struct isms_retention_template *t = isms_retention_template_at(i);
        if (json)
            json_array_append_new(list, isms_json_retention_template(t));
        else
            printf("%-22s %-5s %-15s %s — %s\n", t->id, t->period, t->basis, t->name_ja, t->law_ja);
    }
    if (json)
        isms_cli_print_json(list);
    else
        json_decref(list);
    return 0;
}

static int due(struct isms_store *store, const struct isms_org *org, const struct deletion_args *a)
{
    enum isms_deletion_status status = 0;
    struct isms_deletion_due *items = NULL;
    struct isms_deletion_counts counts;
    struct isms_date today;
    size_t n = 0;
    int error;

    isms_date_today(&today);
    if ((a->status && (error = isms_deletion_status_parse(&status, a->status)) < 0) ||
        (error = isms_deletion_count(&counts, store, org->id, &today)) < 0 ||
        (error = isms_deletion_due_list(&items, &n, store, org->id, &today, status)) < 0)
        return isms_cli_fail(error);
    if (a->json) {
        json_t *list = json_array();
        for (size_t i = 0; i < n; i++)
            json_array_append_new(list, isms_json_deletion_due(&items[i]));
        isms_cli_print_json(list);
    } else {
        for (size_t i = 0; i < n; i++) {
            char date[ISMS_DATE_SIZE];
            isms_date_format(date, &items[i].due);
            printf("%-6" PRId64 " %-10s %-10s %s\n", items[i].asset_id, *date ? date : "-",
                   isms_deletion_status_name(items[i].status), items[i].name);
        }
        printf("%zu overdue, %zu due within 30 days, %zu scheduled, %zu without a start date, "
               "%zu deleted\n",
               counts.by_status[ISMS_DELETION_OVERDUE], counts.by_status[ISMS_DELETION_DUE],
               counts.by_status[ISMS_DELETION_SCHEDULED], counts.by_status[ISMS_DELETION_NO_DATE],
               counts.by_status[ISMS_DELETION_DELETED]);
    }
    free(items);
    return counts.by_status[ISMS_DELETION_OVERDUE] ? 1 : 0;
}

static int record(struct isms_store *store, const struct isms_org *org,
                  const struct deletion_args *a)
{
    int64_t id;
    int error = isms_deletion_record(&id, store, org->id,
                                     &(struct isms_deletion_input){a->asset, a->what, a->date,
                                                                   a->method, a->by, a->evidence,
                                                                   a->notes},
                                     isms_actor_cli());

    if (error < 0)
        return isms_cli_fail(error);
    printf("deletion record %" PRId64 "\n", id);
    return 0;
}

static int list(struct isms_store *store, const struct isms_org *org, bool json)
{
    struct isms_deletion_record *records = NULL;
    size_t n = 0;
    int error = isms_deletion_records(&records, &n, store, org->id, 0);

    if (error < 0)
        return isms_cli_fail(error);
    if (json) {
        json_t *out = json_array();
        for (size_t i = 0; i < n; i++)
            json_array_append_new(out, isms_json_deletion_record(&records[i]));
        isms_cli_print_json(out);
    }
    for (size_t i = 0; !json && i < n; i++) {
        char date[ISMS_DATE_SIZE];
        isms_date_format(date, &records[i].deleted_on);
        printf("%s %-12s %-20s %s\n", date, isms_deletion_method_name(records[i].method),
               records[i].responsible, records[i].what);
    }
    free(records);
    return 0;
}

static int run_deletion(int argc, char **argv)
{
    static const char *const verbs[] = {"due", "record", "list", "templates", NULL};
    struct deletion_args a = {0};
    struct isms_store *store = NULL;
    struct isms_org org;
    int status;

    status = isms_cli_check_verb(argc, argv, "deletion", deletion_help,
                                 "'deletion' needs due, record, list or templates", verbs);
    if (status != ISMS_CLI_GO_ON || (status = parse(&a, argc - 1, argv + 1)) != 0)
        return status;
    if (argc - 1 - optind != 0)
        return isms_cli_usage_error("deletion", "'deletion %s' takes no arguments", argv[1]);
    if (strcmp(argv[1], "templates") == 0)
        return templates(a.json);
    if (!a.org)
        return isms_cli_usage_error("deletion", "'deletion %s' needs --org", argv[1]);
    if ((status = isms_cli_open_org(&store, &org, "deletion", a.db, a.org)) != 0)
        return status;
    if (strcmp(argv[1], "due") == 0)
        status = due(store, &org, &a);
    else if (strcmp(argv[1], "record") == 0)
        status = record(store, &org, &a);
    else
        status = list(store, &org, a.json);
    isms_store_free(store);
    return status;
}

const struct isms_cli_command isms_cli_deletion_command = {
    "deletion", run_deletion,
    "retention due list and deletion records, rules from the law (A.8.10)"};
