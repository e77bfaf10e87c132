#include "isms_setup.h"
#include <getopt.h>
#include "catalog/threats.h"
#include "cli/cli.h"
#include "export/threat_json.h"
#include "isms/org.h"
#include "isms/threat.h"
#include "model/actor.h"
#include "store/store.h"
#include "util/error.h"

static const char threat_help[] =
    "usage: isms threat list [--source enisa|x1601|ipa|own] [--org ORG] [--lang ja|en] [--json]\n"
    "       isms threat show REF [--org ORG] [--json]\n"
    "       isms threat add  --org ORG (--name-ja TEXT | --name-en TEXT) [--category TEXT]\n"
    "                        [--description TEXT] [--json]\n\n"
    "The threat library: built-in threats plus an organization's own.\n"
    "  enisa   ENISA Cloud Computing Risk Assessment (2009), R1-R35\n"
    "  x1601   ITU-T X.1601 threats and challenges for customer, provider, partner\n"
    "  ipa     IPA 情報セキュリティ10大脅威 (organizations)\n"
    "  own     threats an organization added (needs --org)\n\n"
    "A threat is referred to as SOURCE:ID, e.g. enisa:R9, x1601:CSP-C2, ipa:1, own:3.\n\n"
    "  --org ORG          organization id or slug (list: also show its own threats)\n"
    "  --source SOURCE    list only this source\n"
    "  --lang LANG        names in Japanese (ja, default) or English (en)\n"
    "  --json             print JSON instead of a table\n"
    "  --db PATH          database file (default: $ISMS_DB or isms.db)\n";

struct threat_args {
    const char *db, *org, *source;
    bool json, english;
    struct isms_threat_input input;
};

static int apply_option(struct threat_args *a, int opt, const char *value)
{
    switch (opt) {
    case 'd':
        a->db = value;
        break;
    case 'o':
        a->org = value;
        break;
    case 's':
        a->source = value;
        break;
    case 'j':
        a->json = true;
        break;
    case 'J':
        a->input.name_ja = value;
        break;
    case 'E':
        a->input.name_en = value;
        break;
    case 'c':
        a->input.category = value;
        break;
    case 'D':
        a->input.description = value;
        break;
    case 'l':
        if (strcmp(value, "ja") != 0 && strcmp(value, "en") != 0)
            return isms_cli_usage_error("threat", "--lang must be 'ja' or 'en', not '%s'", value);
        a->english = strcmp(value, "en") == 0;
        break;
    default:
        return isms_cli_usage_error("threat", "unknown option");
    }
    return 0;
}

static int parse_args(struct threat_args *a, int argc, char **argv)
{
    static const struct option options[] = {
        {"db", required_argument, NULL, 'd'},          {"org", required_argument, NULL, 'o'},
        {"source", required_argument, NULL, 's'},      {"json", no_argument, NULL, 'j'},
        {"lang", required_argument, NULL, 'l'},        {"name-ja", required_argument, NULL, 'J'},
        {"name-en", required_argument, NULL, 'E'},     {"category", required_argument, NULL, 'c'},
        {"description", required_argument, NULL, 'D'}, {NULL, 0, NULL, 0},
    };
    int opt, status;

    while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1)
        if ((status = apply_option(a, opt, optarg)) != 0)
            return status;
    if (a->source && !isms_threat_source_valid(a->source))
        return isms_cli_usage_error("threat",
                                    "--source must be enisa, x1601, ipa or own, not "
                                    "'%s'",
                                    a->source);
    return 0;
}

static void print_line(const char *ref, const char *category, const char *name)
{
    printf("%-14s %-22s %s\n", ref, category, name);
}

static void list_builtin(const struct isms_threat_source *s, const struct threat_args *a,
                         json_t *list)
{
    for (size_t i = 0; i < s->count; i++) {
        const struct isms_threat *t = &s->threats[i];
        char ref[64];
        if (list) {
            json_array_append_new(list, isms_json_threat(t));
            continue;
        }
        snprintf(ref, sizeof(ref), "%s:%s", t->source, t->id);
        print_line(ref, *t->party ? t->party : t->category, a->english ? t->name_en : t->name_ja);
    }
}

static int list_own(struct isms_store *store, const struct isms_org *org,
                    const struct threat_args *a, json_t *list)
{
    struct isms_own_threat *own = NULL;
    size_t count = 0;
    int error;

    if ((error = isms_threat_list_own(&own, &count, store, org->id)) < 0)
        return error;
    for (size_t i = 0; i < count; i++) {
        const struct isms_own_threat *t = &own[i];
        const char *name = a->english && *t->name_en ? t->name_en
                           : *t->name_ja             ? t->name_ja
                                                     : t->name_en;
        char ref[32];
        if (list) {
            json_array_append_new(list, isms_json_own_threat(t));
            continue;
        }
        snprintf(ref, sizeof(ref), "own:%" PRId64, t->id);
        print_line(ref, t->category, name);
    }
    free(own);
    return 0;
}

static int threat_list(struct isms_store *store, const struct isms_org *org,
                       const struct threat_args *a)
{
    json_t *list = a->json ? json_array() : NULL;
    bool own_only = a->source && strcmp(a->source, ISMS_THREAT_SOURCE_OWN) == 0;
    int error = 0;

    if (!a->json)
        print_line("REF", "CATEGORY", a->english ? "NAME" : "名称");
    for (size_t i = 0; !own_only && i < isms_threat_source_count(); i++) {
        const struct isms_threat_source *s = isms_threat_source_at(i);
        if (s && (!a->source || strcmp(a->source, s->key) == 0))
            list_builtin(s, a, list);
    }
    if (org && (!a->source || own_only))
        error = list_own(store, org, a, list);
    if (error < 0) {
        json_decref(list);
        return isms_cli_fail(error);
    }
    if (list)
        isms_cli_print_json(list);
    return 0;
}

static int threat_show(struct isms_store *store, const struct isms_org *org,
                       const struct threat_args *a, const char *ref)
{
    struct isms_threat_info info;
    int error;

    if (!org && strncmp(ref, "own:", 4) == 0)
        return isms_cli_usage_error("threat", "own threats need --org");
    if ((error = isms_threat_resolve(&info, store, org ? org->id : 0, ref)) < 0)
        return isms_cli_fail(error);
    if (a->json) {
        if (strcmp(info.source, ISMS_THREAT_SOURCE_OWN) == 0) {
            struct isms_own_threat t;
            if ((error = isms_threat_get_own(&t, store, org->id, strtoll(info.id, NULL, 10))) < 0)
                return isms_cli_fail(error);
            isms_cli_print_json(isms_json_own_threat(&t));
        } else {
            isms_cli_print_json(isms_json_threat(isms_threat_builtin_find(info.source, info.id)));
        }
        return 0;
    }
    printf("%s\n  %s\n  %s\n", info.ref, info.name_ja, info.name_en);
    return 0;
}

static int threat_add(struct isms_store *store, const struct isms_org *org,
                      const struct threat_args *a)
{
    struct isms_own_threat t;
    int error;

    if (!org)
        return isms_cli_usage_error("threat", "'threat add' needs --org ID|SLUG");
    if ((error = isms_threat_add(&t, store, isms_actor_cli(), org->id, &a->input)) < 0)
        return isms_cli_fail(error);
    if (a->json)
        isms_cli_print_json(isms_json_own_threat(&t));
    else
        printf("own:%" PRId64 "\n", t.id);
    return 0;
}

static int run_verb(const char *verb, const struct threat_args *a, int positional, char **rest)
{
    struct isms_store *store = NULL;
    struct isms_org org;
    bool has_org = a->org != NULL;
    int status, error;

    if (strcmp(verb, "show") == 0 && positional != 1)
        return isms_cli_usage_error("threat", "'threat show' needs one REF");
    if (strcmp(verb, "show") != 0 && positional != 0)
        return isms_cli_usage_error("threat", "unexpected argument '%s'", rest[0]);
    if (has_org && (status = isms_cli_open_org(&store, &org, "threat", a->db, a->org)) != 0)
        return status;
    if (!has_org && (error = isms_cli_open_store(&store, isms_cli_db_path(a->db), 1)) < 0)
        return isms_cli_fail(error);
    if ((error = isms_threats_load()) < 0)
        status = isms_cli_fail(error);
    else if (strcmp(verb, "list") == 0)
        status = a->source && strcmp(a->source, "own") == 0 && !has_org
                     ? isms_cli_usage_error("threat", "--source own needs --org")
                     : threat_list(store, has_org ? &org : NULL, a);
    else if (strcmp(verb, "show") == 0)
        status = threat_show(store, has_org ? &org : NULL, a, rest[0]);
    else
        status = threat_add(store, has_org ? &org : NULL, a);
    isms_store_free(store);
    return status;
}

static int run_threat(int argc, char **argv)
{
    static const char *const verbs[] = {"list", "show", "add", NULL};
    struct threat_args args = {0};
    int status;

    status = isms_cli_check_verb(argc, argv, "threat", threat_help,
                                 "'threat' needs list, show or add", verbs);
    if (status != ISMS_CLI_GO_ON)
        return status;
    if ((status = parse_args(&args, argc - 1, argv + 1)) != 0)
        return status;
    return run_verb(argv[1], &args, argc - 1 - optind, argv + 1 + optind);
}

const struct isms_cli_command isms_cli_threat_command = {
    "threat", run_threat, "browse the threat library and add your own threats"};
