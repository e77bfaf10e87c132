#include "isms_setup.h"
#include <getopt.h>
#include "cli/cli.h"
#include "export/cloud_service_json.h"
#include "isms/cloud_service.h"
#include "isms/org.h"
#include "model/actor.h"
#include "store/store.h"
#include "util/error.h"

static const char cloud_help[] =
    "usage: isms cloud add  --org ORG --name NAME --model iaas|paas|saas --managed-by WHO\n"
    "                       --risk STATE --purpose SCOPE --cost WHO [options]\n"
    "       isms cloud list --org ORG [--json]\n"
    "       isms cloud show --org ORG ID\n\n"
    "The cloud service register (ISO/IEC 27001:2022 5.23). Each service gets a\n"
    "shadow-cloud (野良クラウド) category 1-4 and is judged legitimate (正規) only\n"
    "when IT manages it, its risks were assessed and it is used within the\n"
    "approved purpose.\n\n"
    "  --org ORG               organization id or slug\n"
    "  --provider TEXT         the provider's name\n"
    "  --provider-org ORG      the provider as a CSP organization of this system\n"
    "  --model MODEL           iaas, paas or saas\n"
    "  --department TEXT       owning department (所管部門)\n"
    "  --managed-by WHO        it (情シス管理), department (部門管理), individual (担当)\n"
    "  --risk STATE            done, insufficient or not_done (risk assessment)\n"
    "  --purpose SCOPE         within, outside or unapproved\n"
    "  --cost WHO              company or individual\n"
    "  --responsibility TEXT   how the responsibility split is agreed\n"
    "  --notes TEXT            remarks\n"
    "  --json                  print JSON instead of a table\n"
    "  --db PATH               database file (default: $ISMS_DB or isms.db)\n";

struct cloud_args {
    const char *db, *org, *name, *provider, *provider_org, *model, *department;
    const char *managed_by, *risk, *purpose, *cost, *responsibility, *notes;
    bool json;
};

static int parse_args(struct cloud_args *a, int argc, char **argv)
{
    const struct isms_cli_option options[] = {
        ISMS_CLI_TEXT("db", &a->db),
        ISMS_CLI_TEXT("org", &a->org),
        ISMS_CLI_TEXT("name", &a->name),
        ISMS_CLI_TEXT("provider", &a->provider),
        ISMS_CLI_TEXT("provider-org", &a->provider_org),
        ISMS_CLI_TEXT("model", &a->model),
        ISMS_CLI_TEXT("department", &a->department),
        ISMS_CLI_TEXT("managed-by", &a->managed_by),
        ISMS_CLI_TEXT("risk", &a->risk),
        ISMS_CLI_TEXT("purpose", &a->purpose),
        ISMS_CLI_TEXT("cost", &a->cost),
        ISMS_CLI_TEXT("responsibility", &a->responsibility),
        ISMS_CLI_TEXT("notes", &a->notes),
        ISMS_CLI_FLAG("json", &a->json),
        {0},
    };

    return isms_cli_parse_options("cloud", options, argc, argv);
}

static int build_input(struct isms_cloud_service_input *in, struct isms_store *store,
                       const struct cloud_args *a)
{
    struct isms_org provider;
    int error;

    memset(in, 0, sizeof(*in));
    in->name = a->name;
    in->provider = a->provider;
    in->department = a->department;
    in->responsibility_notes = a->responsibility;
    in->notes = a->notes;
    if (!a->model || !a->managed_by || !a->risk || !a->purpose || !a->cost)
        return isms_error_set(ISMS_EINVALID, "'cloud add' needs --model, --managed-by, --risk, "
                                             "--purpose and --cost");
    if ((error = isms_cloud_model_parse(&in->model, a->model)) < 0 ||
        (error = isms_cloud_managed_by_parse(&in->managed_by, a->managed_by)) < 0 ||
        (error = isms_cloud_risk_parse(&in->risk_assessment, a->risk)) < 0 ||
        (error = isms_cloud_purpose_parse(&in->purpose, a->purpose)) < 0 ||
        (error = isms_cloud_cost_parse(&in->cost_bearer, a->cost)) < 0)
        return error;
    if (a->provider_org) {
        if ((error = isms_org_find(&provider, store, a->provider_org)) < 0)
            return error;
        in->provider_org_id = provider.id;
    }
    return 0;
}

static void print_header(void)
{
    printf("%-6s %-5s %-4s %-10s %-24s %s\n", "ID", "MODEL", "CAT", "JUDGEMENT", "PROVIDER",
           "NAME");
}

static void print_line(const struct isms_cloud_service *s)
{
    printf("%-6" PRId64 " %-5s %-4d %-10s %-24s %s\n", s->id, isms_cloud_model_name(s->model),
           s->judgement.category, s->judgement.legitimate ? "legitimate" : "shadow",
           *s->provider ? s->provider : s->provider_org_name, s->name);
}

static int cloud_add(struct isms_store *store, const struct isms_org *org,
                     const struct cloud_args *a)
{
    struct isms_cloud_service_input in;
    struct isms_cloud_service *s = malloc(sizeof(*s));
    int error;

    if (!s)
        return isms_cli_fail(isms_error_set(ISMS_ENOMEM, "out of memory"));
    if ((error = build_input(&in, store, a)) < 0 ||
        (error = isms_cloud_service_create(s, store, org->id, &in, isms_actor_cli())) < 0) {
        free(s);
        return isms_cli_fail(error);
    }
    if (a->json) {
        isms_cli_print_json(isms_json_cloud_service(s));
    } else {
        print_header();
        print_line(s);
    }
    free(s);
    return 0;
}

static int cloud_list(struct isms_store *store, const struct isms_org *org,
                      const struct cloud_args *a)
{
    struct isms_cloud_service *services = NULL;
    size_t count = 0, shadow = 0;
    json_t *items;
    int error;

    if ((error = isms_cloud_service_list(&services, &count, store, org->id)) < 0)
        return isms_cli_fail(error);
    if (a->json) {
        items = json_array();
        for (size_t i = 0; items && i < count; i++)
            json_array_append_new(items, isms_json_cloud_service(&services[i]));
        isms_cli_print_json(items);
    } else {
        print_header();
        for (size_t i = 0; i < count; i++) {
            print_line(&services[i]);
            shadow += !services[i].judgement.legitimate;
        }
        printf("%zu cloud services, %zu shadow\n", count, shadow);
    }
    free(services);
    return 0;
}

static int cloud_show(struct isms_store *store, const struct isms_org *org, const char *id_text)
{
    struct isms_cloud_service *s;
    char *end;
    long long id;
    int error;

    errno = 0;
    id = *id_text >= '0' && *id_text <= '9' ? strtoll(id_text, &end, 10) : 0;
    if (id <= 0 || errno || *end)
        return isms_cli_fail(
            isms_error_set(ISMS_ENOTFOUND, _("cloud service '%s' not found"), id_text));
    if (!(s = malloc(sizeof(*s))))
        return isms_cli_fail(isms_error_set(ISMS_ENOMEM, "out of memory"));
    if ((error = isms_cloud_service_get(s, store, org->id, id)) == 0)
        isms_cli_print_json(isms_json_cloud_service(s));
    free(s);
    return error < 0 ? isms_cli_fail(error) : 0;
}

static int run_cloud(int argc, char **argv)
{
    static const char *const verbs[] = {"add", "list", "show", NULL};
    struct cloud_args args = {0};
    struct isms_store *store;
    struct isms_org org;
    const char *verb = argv[1];
    int status, positional;

    status = isms_cli_check_verb(argc, argv, "cloud", cloud_help, "'cloud' needs add, list or show",
                                 verbs);
    if (status != ISMS_CLI_GO_ON)
        return status;
    if ((status = parse_args(&args, argc - 1, argv + 1)) != 0)
        return status;
    positional = argc - 1 - optind;
    if (positional != (strcmp(verb, "show") == 0))
        return isms_cli_usage_error("cloud", strcmp(verb, "show") == 0 ? "'cloud show' needs one ID"
                                                                       : "unexpected argument");
    if ((status = isms_cli_open_org(&store, &org, "cloud", args.db, args.org)) != 0)
        return status;
    if (strcmp(verb, "add") == 0)
        status = cloud_add(store, &org, &args);
    else if (strcmp(verb, "list") == 0)
        status = cloud_list(store, &org, &args);
    else
        status = cloud_show(store, &org, argv[1 + optind]);
    isms_store_free(store);
    return status;
}

const struct isms_cli_command isms_cli_cloud_command = {
    "cloud", run_cloud, "the cloud service register and shadow-cloud judgement"};
