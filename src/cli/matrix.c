#include "isms_setup.h"
#include <getopt.h>
#include <jansson.h>
#include "cli/cli.h"
#include "export/risk_matrix_json.h"
#include "isms/org.h"
#include "isms/risk_matrix.h"
#include "model/actor.h"
#include "store/store.h"
#include "util/error.h"

/* A definition is a few KiB; the cap only stops a wrong file. */
#define DEFINITION_MAX_BYTES (256u << 10)

static const char matrix_help[] =
    "usage: isms matrix list   [--org ORG] [--json]\n"
    "       isms matrix show   [KEY] [--org ORG] [--lang ja|en] [--json]\n"
    "       isms matrix use    --org ORG KEY\n"
    "       isms matrix define --org ORG FILE [--use]\n\n"
    "Risk matrices: how likelihood and impact combine into a risk level, which\n"
    "levels are acceptable and how levels are banded low/medium/high.\n"
    "  iso27005-5x5   ISO/IEC 27005 5x5 additive, levels 0-8 (the default)\n"
    "  jp-atv-3       asset value x threat x vulnerability, 1-3 each, levels 1-27\n\n"
    "show without KEY shows the matrix --org uses. define reads a JSON definition\n"
    "(FILE, or - for standard input) in the form 'matrix show --json' prints; an\n"
    "existing custom matrix with the same key is replaced.\n\n"
    "  --org ORG     organization id or slug\n"
    "  --use         define: also make the org use the new matrix\n"
    "  --lang LANG   labels in Japanese (ja, default) or English (en)\n"
    "  --json        print JSON instead of text\n"
    "  --db PATH     database file (default: $ISMS_DB or isms.db)\n";

struct matrix_args {
    const char *db, *org;
    bool json, english, use;
};

static int parse_args(struct matrix_args *a, int argc, char **argv)
{
    static const struct option options[] = {
        {"db", required_argument, NULL, 'd'},   {"org", required_argument, NULL, 'o'},
        {"json", no_argument, NULL, 'j'},       {"use", no_argument, NULL, 'u'},
        {"lang", required_argument, NULL, 'l'}, {NULL, 0, NULL, 0},
    };
    int opt;

    while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
        switch (opt) {
        case 'd':
            a->db = optarg;
            break;
        case 'o':
            a->org = optarg;
            break;
        case 'j':
            a->json = true;
            break;
        case 'u':
            a->use = true;
            break;
        case 'l':
            if (strcmp(optarg, "ja") != 0 && strcmp(optarg, "en") != 0)
                return isms_cli_usage_error("matrix", "--lang must be 'ja' or 'en', not '%s'",
                                            optarg);
            a->english = strcmp(optarg, "en") == 0;
            break;
        default:
            return isms_cli_usage_error("matrix", "unknown option");
        }
    }
    return 0;
}

static void print_summary_line(const struct isms_risk_matrix *m, bool in_use, bool english)
{
    int lo, hi;

    isms_risk_matrix_level_range(m, &lo, &hi);
    printf("%c %-20s %-27s %dx%d  levels %d-%d  acceptable <= %d  %s\n", in_use ? '*' : ' ', m->key,
           isms_risk_method_name(m->method), m->likelihood.max - m->likelihood.min + 1,
           m->impact.max - m->impact.min + 1, lo, hi, m->acceptance_threshold,
           english ? m->name_en : m->name_ja);
}

static int matrix_list(struct isms_store *store, const struct isms_org *org,
                       const struct matrix_args *a)
{
    struct isms_risk_matrix current, *custom = NULL;
    size_t count = 0;
    json_t *list = a->json ? json_array() : NULL;
    int error;

    current = *isms_risk_matrix_builtin(ISMS_RISK_MATRIX_DEFAULT);
    if (org && ((error = isms_risk_matrix_for_org(&current, store, org->id)) < 0 ||
                (error = isms_risk_matrix_list_custom(&custom, &count, store, org->id)) < 0)) {
        json_decref(list);
        return isms_cli_fail(error);
    }
    for (size_t i = 0; i < isms_risk_matrix_builtin_count() + count; i++) {
        const struct isms_risk_matrix *m = i < isms_risk_matrix_builtin_count()
                                               ? isms_risk_matrix_builtin_at(i)
                                               : &custom[i - isms_risk_matrix_builtin_count()];
        if (list)
            json_array_append_new(list, isms_json_risk_matrix(m));
        else
            print_summary_line(m, org && strcmp(m->key, current.key) == 0, a->english);
    }
    free(custom);
    if (list)
        isms_cli_print_json(list);
    return 0;
}

static const char *band_letter(const struct isms_risk_matrix *m, int level)
{
    static const char *const letters[] = {"", "L", "M", "H"};

    return letters[isms_risk_matrix_band(m, level)];
}

/* Rows by likelihood (highest first), columns by impact; each cell "level band".
 * Labels go last on a line so Japanese text needs no column padding. */
static void print_grid(const struct isms_risk_matrix *m, int vulnerability, const char *lang)
{
    bool ja = strcmp(lang, "ja") == 0;

    printf("    ");
    for (int i = m->impact.min; i <= m->impact.max; i++)
        printf(" %6d", i);
    printf("   <- %s\n", ja ? m->impact.name.ja : m->impact.name.en);
    for (int l = m->likelihood.max; l >= m->likelihood.min; l--) {
        printf("%3d ", l);
        for (int i = m->impact.min; i <= m->impact.max; i++) {
            int level = 0;
            isms_risk_matrix_level(&level, m, &(struct isms_risk_score){l, i, vulnerability});
            printf(" %4d %s", level, band_letter(m, level));
        }
        printf("   %s\n", isms_risk_scale_label(&m->likelihood, l, lang));
    }
}

static void print_matrix(const struct isms_risk_matrix *m, bool english)
{
    const char *lang = english ? "en" : "ja";
    int lo, hi;

    isms_risk_matrix_level_range(m, &lo, &hi);
    printf("%s  %s\n", m->key, english ? m->name_en : m->name_ja);
    printf("method %s, levels %d-%d, acceptable <= %d, bands L < %d <= M < %d <= H\n",
           isms_risk_method_name(m->method), lo, hi, m->acceptance_threshold, m->medium_from,
           m->high_from);
    printf("rows: %s\n\n", english ? m->likelihood.name.en : m->likelihood.name.ja);
    if (m->method != ISMS_RISK_ASSET_THREAT_VULNERABILITY) {
        print_grid(m, 0, lang);
        return;
    }
    for (int v = m->vulnerability.min; v <= m->vulnerability.max; v++) {
        printf("%s %d (%s)\n", english ? m->vulnerability.name.en : m->vulnerability.name.ja, v,
               isms_risk_scale_label(&m->vulnerability, v, lang));
        print_grid(m, v, lang);
        printf("\n");
    }
}

static int matrix_show(struct isms_store *store, const struct isms_org *org,
                       const struct matrix_args *a, const char *key)
{
    struct isms_risk_matrix m;
    int error;

    if (key)
        error = isms_risk_matrix_find(&m, store, org ? org->id : 0, key);
    else if (org)
        error = isms_risk_matrix_for_org(&m, store, org->id);
    else
        error = isms_risk_matrix_find(&m, store, 0, ISMS_RISK_MATRIX_DEFAULT);
    if (error < 0)
        return isms_cli_fail(error);
    if (a->json)
        isms_cli_print_json(isms_json_risk_matrix(&m));
    else
        print_matrix(&m, a->english);
    return 0;
}

static int read_definition(json_t **out, const char *path)
{
    FILE *in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    char *data = malloc(DEFINITION_MAX_BYTES + 1);
    json_error_t jerr;
    size_t len = 0;
    int error = 0;

    if (!data)
        error = isms_error_set(ISMS_ENOMEM, "out of memory");
    else if (!in)
        error = isms_error_set(ISMS_EINVALID, "cannot read '%s': %s", path, strerror(errno));
    else if ((len = fread(data, 1, DEFINITION_MAX_BYTES + 1, in)) > DEFINITION_MAX_BYTES)
        error = isms_error_set(ISMS_ETOOBIG, "'%s' is larger than %u bytes", path,
                               DEFINITION_MAX_BYTES);
    else if (ferror(in))
        error = isms_error_set(ISMS_EINVALID, "cannot read '%s'", path);
    else if (!(*out = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr)))
        error = isms_error_set(ISMS_EINVALID, "'%s' is not valid JSON: %s (line %d)", path,
                               jerr.text, jerr.line);
    if (in && in != stdin)
        fclose(in);
    free(data);
    return error;
}

static int matrix_define(struct isms_store *store, const struct isms_org *org,
                         const struct matrix_args *a, const char *path)
{
    struct isms_risk_matrix def, stored;
    json_t *doc = NULL;
    int error;

    if ((error = read_definition(&doc, path)) < 0 ||
        (error = isms_json_risk_matrix_definition(&def, doc)) < 0 ||
        (error = isms_risk_matrix_define(&stored, store, isms_actor_cli(), org->id, &def)) < 0 ||
        (a->use &&
         (error = isms_risk_matrix_use(&stored, store, isms_actor_cli(), org->id, def.key)) < 0)) {
        json_decref(doc);
        return isms_cli_fail(error);
    }
    json_decref(doc);
    if (a->json)
        isms_cli_print_json(isms_json_risk_matrix(&stored));
    else
        printf("defined '%s'%s for '%s'\n", stored.key, a->use ? " and in use" : "", org->slug);
    return 0;
}

static int matrix_use(struct isms_store *store, const struct isms_org *org,
                      const struct matrix_args *a, const char *key)
{
    struct isms_risk_matrix m;
    int error;

    if ((error = isms_risk_matrix_use(&m, store, isms_actor_cli(), org->id, key)) < 0)
        return isms_cli_fail(error);
    if (a->json)
        isms_cli_print_json(isms_json_risk_matrix(&m));
    else
        printf("'%s' now uses risk matrix '%s'\n", org->slug, m.key);
    return 0;
}

/* Checks the argument count and --org for `verb`; 0 or an exit status. */
static int check_usage(const char *verb, const struct matrix_args *a, int positional)
{
    bool writes = strcmp(verb, "use") == 0 || strcmp(verb, "define") == 0;
    int wanted_max = strcmp(verb, "list") == 0 ? 0 : 1;

    if (writes && !a->org)
        return isms_cli_usage_error("matrix", "'matrix %s' needs --org ID|SLUG", verb);
    if (writes && positional != 1)
        return isms_cli_usage_error("matrix", "'matrix %s' needs one %s", verb,
                                    strcmp(verb, "use") == 0 ? "KEY" : "FILE");
    if (positional > wanted_max)
        return isms_cli_usage_error("matrix", "too many arguments");
    return 0;
}

static int run_verb(const char *verb, const struct matrix_args *a, int positional, char **rest)
{
    struct isms_store *store = NULL;
    struct isms_org org;
    const struct isms_org *org_ptr = a->org ? &org : NULL;
    const char *arg = positional ? rest[0] : NULL;
    int status, error;

    if ((status = check_usage(verb, a, positional)) != 0)
        return status;
    if (a->org && (status = isms_cli_open_org(&store, &org, "matrix", a->db, a->org)) != 0)
        return status;
    if (!a->org && (error = isms_cli_open_store(&store, isms_cli_db_path(a->db), 1)) < 0)
        return isms_cli_fail(error);
    if (strcmp(verb, "list") == 0)
        status = matrix_list(store, org_ptr, a);
    else if (strcmp(verb, "show") == 0)
        status = matrix_show(store, org_ptr, a, arg);
    else if (strcmp(verb, "use") == 0)
        status = matrix_use(store, org_ptr, a, arg);
    else
        status = matrix_define(store, org_ptr, a, arg);
    isms_store_free(store);
    return status;
}

static int run_matrix(int argc, char **argv)
{
    static const char *const verbs[] = {"list", "show", "use", "define", NULL};
    struct matrix_args args = {0};
    int status;

    status = isms_cli_check_verb(argc, argv, "matrix", matrix_help,
                                 "'matrix' needs list, show, use or define", verbs);
    if (status != ISMS_CLI_GO_ON)
        return status;
    if ((status = parse_args(&args, argc - 1, argv + 1)) != 0)
        return status;
    return run_verb(argv[1], &args, argc - 1 - optind, argv + 1 + optind);
}

const struct isms_cli_command isms_cli_matrix_command = {
    "matrix", run_matrix, "list, show, choose and define risk matrices"};
