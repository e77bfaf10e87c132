#include "isms_setup.h"
#include <getopt.h>
#include <unistd.h>
#include "catalog/retention_templates.h"
#include "cli/cli.h"
#include "export/asset_export.h"
#include "isms/asset.h"
#include "isms/asset_import.h"
#include "isms/cloud_service.h"
#include "isms/org.h"
#include "model/actor.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/error.h"

#define EXPORT_MAX_BYTES (256u << 20)

static const char asset_help[] =
    "usage: isms asset add    --org ORG --name NAME --type TYPE --owner OWNER\n"
    "                         --classification CLASS --c N --i N --a N [options]\n"
    "       isms asset list   --org ORG [filters] [--limit N] [--offset N] [--json]\n"
    "       isms asset show   --org ORG ID [--json]\n"
    "       isms asset import --org ORG FILE|-\n"
    "       isms asset export --org ORG --format csv|xlsx|json [--output FILE] [filters]\n\n"
    "The information asset register (情報資産台帳). import reads CSV (UTF-8, with or\n"
    "without BOM) whose header row names the columns in Japanese or English\n"
    "(資産名/name, 種別/type, 管理責任者/owner, 機密区分/classification, 機密性/C,\n"
    "完全性/I, 可用性/A, 保管場所/location, クラウドサービス/cloud service,\n"
    "保存期間/retention, 起算日/basis, 起算日付/basis date, 備考/notes). A file with\n"
    "any bad row stores nothing: every error is listed and the exit status is 2.\n\n"
    "  --org ORG               organization id or slug\n"
    "  --type TYPE             information, paper, software, hardware, service,\n"
    "                          people, facility or other\n"
    "  --classification CLASS  public, internal, confidential or secret\n"
    "  --c/--i/--a N           confidentiality / integrity / availability, 1-3\n"
    "  --location TEXT         where the asset is kept\n"
    "  --cloud-service ID|NAME a service of the org's cloud service register\n"
    "  --retention PERIOD      e.g. 10y, 6m, 1y6m, 90d, permanent\n"
    "  --basis BASIS           created, contract_end, employment_end, last_use, fixed_date\n"
    "  --basis-date DATE       the start date (YYYY-MM-DD), once it is known\n"
    "  --retention-template ID a rule from the law (isms deletion templates): sets\n"
    "                          --retention and --basis\n"
    "  --notes TEXT            remarks\n"
    "filters (list, export):\n"
    "  --q TEXT                name contains TEXT\n"
    "  --type, --classification, --cloud-service as above\n"
    "  --due-before DATE       deletion due before DATE\n"
    "  --format FORMAT         csv (UTF-8 with BOM), xlsx or json\n"
    "  --output FILE           write the export to FILE instead of stdout\n"
    "  --json                  print JSON instead of a table\n"
    "  --db PATH               database file (default: $ISMS_DB or isms.db)\n";

struct asset_args {
    const char *db, *org, *format, *output, *q, *type, *classification, *cloud, *due;
    const char *name, *owner, *location, *notes, *retention, *basis, *basis_date, *template_id;
    const char *c, *i, *a, *limit, *offset;
    bool json;
};

static int parse_args(struct asset_args *a, int argc, char **argv)
{
    const struct isms_cli_option options[] = {
        ISMS_CLI_TEXT("db", &a->db),
        ISMS_CLI_TEXT("org", &a->org),
        ISMS_CLI_TEXT("format", &a->format),
        ISMS_CLI_TEXT("output", &a->output),
        ISMS_CLI_FLAG("json", &a->json),
        ISMS_CLI_TEXT("q", &a->q),
        ISMS_CLI_TEXT("type", &a->type),
        ISMS_CLI_TEXT("classification", &a->classification),
        ISMS_CLI_TEXT("cloud-service", &a->cloud),
        ISMS_CLI_TEXT("due-before", &a->due),
        ISMS_CLI_TEXT("name", &a->name),
        ISMS_CLI_TEXT("owner", &a->owner),
        ISMS_CLI_TEXT("location", &a->location),
        ISMS_CLI_TEXT("notes", &a->notes),
        ISMS_CLI_TEXT("retention", &a->retention),
        ISMS_CLI_TEXT("basis", &a->basis),
        ISMS_CLI_TEXT("basis-date", &a->basis_date),
        ISMS_CLI_TEXT("retention-template", &a->template_id),
        ISMS_CLI_TEXT("c", &a->c),
        ISMS_CLI_TEXT("i", &a->i),
        ISMS_CLI_TEXT("a", &a->a),
        ISMS_CLI_TEXT("limit", &a->limit),
        ISMS_CLI_TEXT("offset", &a->offset),
        {0},
    };

    return isms_cli_parse_options("asset", options, argc, argv);
}

static int parse_number(int64_t *out, const char *text, const char *what, int64_t max)
{
    char *end = NULL;
    long long v;

    *out = 0;
    errno = 0;
    v = text && *text >= '0' && *text <= '9' ? strtoll(text, &end, 10) : -1;
    if (v < 0 || errno || *end || v > max)
        return isms_error_set(ISMS_EINVALID,
                              "--%s must be a number from 0 to %" PRId64 ", not '%s'", what, max,
                              text ? text : "");
    *out = v;
    return 0;
}

/* A cloud service by id, or by its exact name in the org's register. */
static int find_cloud_service(int64_t *out, struct isms_store *store, int64_t org_id,
                              const char *ref)
{
    struct isms_cloud_service *services = NULL;
    size_t count = 0;
    int error;

    if (*ref >= '0' && *ref <= '9' && parse_number(out, ref, "cloud-service", INT64_MAX) == 0)
        return 0;
    if ((error = isms_cloud_service_list(&services, &count, store, org_id)) < 0)
        return error;
    *out = 0;
    for (size_t i = 0; i < count && !*out; i++)
        if (strcmp(services[i].name, ref) == 0)
            *out = services[i].id;
    free(services);
    return *out
               ? 0
               : isms_error_set(ISMS_EINVALID, _("'%s' is not in the cloud service register"), ref);
}

static int build_filter(struct isms_asset_filter *f, struct isms_store *store, int64_t org_id,
                        const struct asset_args *a)
{
    int64_t n;
    int error;

    memset(f, 0, sizeof(*f));
    f->name_contains = a->q;
    if ((a->type && (error = isms_asset_type_parse(&f->type, a->type)) < 0) ||
        (a->classification &&
         (error = isms_asset_classification_parse(&f->classification, a->classification)) < 0) ||
        (a->cloud &&
         (error = find_cloud_service(&f->cloud_service_id, store, org_id, a->cloud)) < 0) ||
        (a->due && (error = isms_date_parse(&f->due_before, a->due)) < 0))
        return error;
    if (a->limit) {
        if ((error = parse_number(&n, a->limit, "limit", ISMS_ASSET_LIST_MAX)) < 0)
            return error;
        f->limit = (size_t)n;
    }
    if (a->offset) {
        if ((error = parse_number(&n, a->offset, "offset", INT32_MAX)) < 0)
            return error;
        f->offset = (size_t)n;
    }
    return 0;
}

static int parse_cia_flag(int *out, const char *text, const char *what)
{
    int64_t n;
    int error;

    if (!text)
        return isms_error_set(ISMS_EINVALID, "'asset add' needs --%s 1-3", what);
    if ((error = parse_number(&n, text, what, ISMS_ASSET_CIA_MAX)) < 0)
        return error;
    *out = (int)n;
    return 0;
}

static int build_input(struct isms_asset_input *in, struct isms_store *store, int64_t org_id,
                       const struct asset_args *a)
{
    int error;

    memset(in, 0, sizeof(*in));
    in->name = a->name;
    in->owner = a->owner;
    in->location = a->location;
    in->notes = a->notes;
    if (!a->type || !a->classification)
        return isms_error_set(ISMS_EINVALID, "'asset add' needs --type and --classification");
    if ((error = isms_asset_type_parse(&in->type, a->type)) < 0 ||
        (error = isms_asset_classification_parse(&in->classification, a->classification)) < 0 ||
        (error = parse_cia_flag(&in->confidentiality, a->c, "c")) < 0 ||
        (error = parse_cia_flag(&in->integrity, a->i, "i")) < 0 ||
        (error = parse_cia_flag(&in->availability, a->a, "a")) < 0 ||
        (a->cloud &&
         (error = find_cloud_service(&in->cloud_service_id, store, org_id, a->cloud)) < 0))
        return error;
    const char *period = a->retention, *basis = a->basis;
    if ((error = isms_retention_template_fill(&period, &basis, a->template_id)) < 0)
        return error;
    return isms_retention_parse(&in->retention, period, basis, a->basis_date);
}

static void print_header(void)
{
    printf("%-7s %-12s %-12s %-5s %-10s %-20s %s\n", "ID", "TYPE", "CLASS", "CIA", "DUE", "OWNER",
           "NAME");
}

static int print_line(void *ctx, const struct isms_asset *asset)
{
    char due[ISMS_DATE_SIZE];

    isms_date_format(due, &asset->deletion_due);
    printf("%-7" PRId64 " %-12s %-12s %d%d%d   %-10s %-20s %s\n", asset->id,
           isms_asset_type_name(asset->type), isms_asset_classification_name(asset->classification),
           asset->confidentiality, asset->integrity, asset->availability, *due ? due : "-",
           asset->owner, asset->name);
    return 0;
}

static int asset_add(struct isms_store *store, const struct isms_org *org,
                     const struct asset_args *a)
{
    struct isms_asset_input in;
    struct isms_asset asset;
    int error;

    if ((error = build_input(&in, store, org->id, a)) < 0 ||
        (error = isms_asset_create(&asset, store, org->id, &in, isms_actor_cli())) < 0)
        return isms_cli_fail(error);
    if (a->json) {
        isms_cli_print_json(isms_json_asset(&asset));
    } else {
        print_header();
        print_line(NULL, &asset);
    }
    isms_asset_release(&asset);
    return 0;
}

static int asset_list(struct isms_store *store, const struct isms_org *org,
                      const struct asset_args *a)
{
    struct isms_asset_filter filter;
    struct isms_asset_page page;
    json_t *items;
    int error;

    if ((error = build_filter(&filter, store, org->id, a)) < 0 ||
        (error = isms_asset_list(&page, store, org->id, &filter)) < 0)
        return isms_cli_fail(error);
    if (a->json) {
        items = json_array();
        for (size_t i = 0; items && i < page.count; i++)
            json_array_append_new(items, isms_json_asset(&page.items[i]));
        isms_cli_print_json(
            json_pack("{s:I, s:o*}", "total", (json_int_t)page.total, "assets", items));
    } else {
        print_header();
        for (size_t i = 0; i < page.count; i++)
            print_line(NULL, &page.items[i]);
        printf("%zu of %" PRId64 " assets\n", page.count, page.total);
    }
    isms_asset_page_release(&page);
    return 0;
}

static int asset_show(struct isms_store *store, const struct isms_org *org,
                      const struct asset_args *a, const char *id_text)
{
    struct isms_asset asset;
    int64_t id;
    int error;

    if (parse_number(&id, id_text, "id", INT64_MAX) < 0)
        return isms_cli_fail(isms_error_set(ISMS_ENOTFOUND, _("asset '%s' not found"), id_text));
    if ((error = isms_asset_get(&asset, store, org->id, id)) < 0)
        return isms_cli_fail(error);
    isms_cli_print_json(isms_json_asset(&asset));
    isms_asset_release(&asset);
    return 0;
}

static int asset_import(struct isms_store *store, const struct isms_org *org, const char *path)
{
    struct isms_buf data = ISMS_BUF_INIT(ISMS_IMPORT_BYTES_MAX);
    struct isms_asset_import import;
    int error, status = 0;

    if ((error = isms_cli_read_input(&data, path)) < 0) {
        isms_buf_release(&data);
        return isms_cli_fail(error);
    }
    error = isms_asset_import(&import, store, org->id, isms_buf_cstr(&data), data.len,
                              isms_actor_cli());
    if (error < 0) {
        isms_cli_print_import_errors(&import.errors, path);
        status = isms_cli_fail(error);
    } else {
        printf("imported %zu assets\n", import.count);
        if (*import.ignored_columns)
            fprintf(stderr, "isms: ignored columns: %s\n", import.ignored_columns);
    }
    isms_asset_import_release(&import);
    isms_buf_release(&data);
    return status;
}

static int asset_export(struct isms_store *store, const struct isms_org *org,
                        const struct asset_args *a)
{
    struct isms_buf buf = ISMS_BUF_INIT(EXPORT_MAX_BYTES);
    struct isms_asset_filter filter;
    int error, status;

    if (!a->format)
        return isms_cli_usage_error("asset", "'asset export' needs --format csv|xlsx|json");
    if ((error = build_filter(&filter, store, org->id, a)) < 0)
        return isms_cli_fail(error);
    filter.limit = 0; /* an export is the whole (filtered) register */
    filter.offset = 0;
    if (strcmp(a->format, "csv") == 0)
        error = isms_export_assets_csv(&buf, store, org, &filter);
    else if (strcmp(a->format, "json") == 0)
        error = isms_export_assets_json(&buf, store, org, &filter);
    else if (strcmp(a->format, "xlsx") == 0 && !a->output && isatty(STDOUT_FILENO))
        return isms_cli_usage_error("asset", "refusing to write xlsx to a terminal; use --output");
    else if (strcmp(a->format, "xlsx") == 0)
        error = isms_export_assets_xlsx(&buf, store, org, &filter);
    else
        return isms_cli_usage_error("asset", "--format must be csv, xlsx or json, not '%s'",
                                    a->format);
    status = error < 0 ? isms_cli_fail(error) : isms_cli_write_output(&buf, a->output);
    isms_buf_release(&buf);
    return status;
}

static int run_verb(const char *verb, struct isms_store *store, const struct isms_org *org,
                    const struct asset_args *a, int positional, char **rest)
{
    bool takes_one = strcmp(verb, "show") == 0 || strcmp(verb, "import") == 0;

    if (takes_one && positional != 1)
        return isms_cli_usage_error("asset", "'asset %s' needs one %s", verb,
                                    strcmp(verb, "show") == 0 ? "ID" : "FILE");
    if (!takes_one && positional != 0)
        return isms_cli_usage_error("asset", "unexpected argument '%s'", rest[0]);
    if (strcmp(verb, "add") == 0)
        return asset_add(store, org, a);
    if (strcmp(verb, "list") == 0)
        return asset_list(store, org, a);
    if (strcmp(verb, "show") == 0)
        return asset_show(store, org, a, rest[0]);
    if (strcmp(verb, "import") == 0)
        return asset_import(store, org, rest[0]);
    return asset_export(store, org, a);
}

static int run_asset(int argc, char **argv)
{
    static const char *const verbs[] = {"add", "list", "show", "import", "export", NULL};
    struct asset_args args = {0};
    struct isms_store *store;
    struct isms_org org;
    int status;

    status = isms_cli_check_verb(argc, argv, "asset", asset_help,
                                 "'asset' needs add, list, show, import or export", verbs);
    if (status != ISMS_CLI_GO_ON)
        return status;
    if ((status = parse_args(&args, argc - 1, argv + 1)) != 0 ||
        (status = isms_cli_open_org(&store, &org, "asset", args.db, args.org)) != 0)
        return status;
    status = run_verb(argv[1], store, &org, &args, argc - 1 - optind, argv + 1 + optind);
    isms_store_free(store);
    return status;
}

const struct isms_cli_command isms_cli_asset_command = {
    "asset", run_asset, "the information asset register: add, list, import, export"};
