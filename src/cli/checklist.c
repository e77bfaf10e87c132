/* `isms checklist`: checklist templates, runs and results (isms/checklist.h). */
#include "isms_setup.h"
#include <getopt.h>
#include "cli/cli.h"
#include "export/checklist_json.h"
#include "isms/checklist.h"
#include "isms/org.h"
#include "model/actor.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/error.h"
#include "web/http/id_param.h"

static const char checklist_help[] =
    "usage: isms checklist list --org ORG [--control ID] [--json]\n"
    "       isms checklist show --org ORG TEMPLATE [--json]\n"
    "       isms checklist add --org ORG --name NAME [--control ID] [--source TEXT] FILE\n"
    "       isms checklist start --org ORG TEMPLATE --title TEXT\n"
    "       isms checklist run --org ORG RUN_ID [--json]\n"
    "       isms checklist record --org ORG RUN_ID --item N --result ok|ng|na\n"
    "                             [--note TEXT] [--evidence TEXT]\n\n"
    "Checklists of Annex A controls: the built-in ones (ipa-secure-web: IPA's 11\n"
    "web vulnerabilities for 8.28; configuration-security: 8.9 settings;\n"
    "implementation-proposals: Japan's proposals for ISO/IEC 27002) and the org's own\n"
    "('add' reads one item a line from FILE, each starting with its control, e.g.\n"
    "'8.9 初期パスワードを変更している'). A run records ok, ng (not ok: a note says\n"
    "what was found) or na per item, and is evidence for its checklist's control.\n\n"
    "  --control ID       an Annex A or CLD control (8.28, A.8.28)\n"
    "  --json             print JSON\n"
    "  --db PATH          database file (default: $ISMS_DB or isms.db)\n";

struct checklist_args {
    const char *db, *org, *control, *name, *source, *title, *item, *result, *note, *evidence;
    bool json;
};

static int parse(struct checklist_args *a, int argc, char **argv)
{
    const struct isms_cli_option options[] = {
        ISMS_CLI_TEXT("db", &a->db),           ISMS_CLI_TEXT("org", &a->org),
        ISMS_CLI_TEXT("control", &a->control), ISMS_CLI_TEXT("name", &a->name),
        ISMS_CLI_TEXT("source", &a->source),   ISMS_CLI_TEXT("title", &a->title),
        ISMS_CLI_TEXT("item", &a->item),       ISMS_CLI_TEXT("result", &a->result),
        ISMS_CLI_TEXT("note", &a->note),       ISMS_CLI_TEXT("evidence", &a->evidence),
        ISMS_CLI_FLAG("json", &a->json),       {NULL, NULL, NULL},
    };

    return isms_cli_parse_options("checklist", options, argc, argv);
}

static int list(struct isms_store *store, const struct isms_org *org,
                const struct checklist_args *a)
{
    struct isms_checklist_template *t = NULL;
    struct isms_checklist_run *runs = NULL;
    size_t n = 0, m = 0;
    int error;

    if ((error = isms_checklist_templates(&t, &n, store, org->id)) < 0 ||
        (error = isms_checklist_runs(&runs, &m, store, org->id, a->control)) < 0) {
        isms_checklist_templates_free(t, n);
        return isms_cli_fail(error);
    }
    if (a->json) {
        json_t *templates = json_array(), *done = json_array();
        for (size_t i = 0; i < n; i++)
            json_array_append_new(templates, isms_json_checklist_template(&t[i], false));
        for (size_t i = 0; i < m; i++)
            json_array_append_new(done, isms_json_checklist_run(&runs[i]));
        isms_cli_print_json(json_pack("{s:o, s:o}", "templates", templates, "runs", done));
    } else {
        for (size_t i = 0; i < n; i++)
            printf("%-26s %-8s %3zu items  %s\n", t[i].key, t[i].control_id, t[i].item_count,
                   t[i].name_ja);
        for (size_t i = 0; i < m; i++)
            printf("run %-4" PRId64 " %-8s ok %d, ng %d, na %d, open %d  %s\n", runs[i].id,
                   runs[i].control_id, runs[i].counts[ISMS_CHECK_OK], runs[i].counts[ISMS_CHECK_NG],
                   runs[i].counts[ISMS_CHECK_NA], runs[i].counts[ISMS_CHECK_OPEN], runs[i].title);
    }
    isms_checklist_templates_free(t, n);
    free(runs);
    return 0;
}

static int show(struct isms_store *store, const struct isms_org *org, const char *key, bool json)
{
    struct isms_checklist_template t;
    int error = isms_checklist_template_load(&t, store, org->id, key);

    if (error < 0)
        return isms_cli_fail(error);
    if (json)
        isms_cli_print_json(isms_json_checklist_template(&t, true));
    for (size_t i = 0; !json && i < t.item_count; i++)
        printf("%2zu %-8s %s\n", i + 1, t.items[i].control_id, t.items[i].text_ja);
    isms_checklist_template_release(&t);
    return 0;
}

static int add(struct isms_store *store, const struct isms_org *org, const struct checklist_args *a,
               const char *path)
{
    struct isms_buf file = ISMS_BUF_INIT(1u << 20);
    struct isms_checklist_item *items = NULL;
    size_t n = 0;
    int64_t id;
    int error;

    if ((error = isms_cli_read_input(&file, path)) == 0 &&
        (error = isms_checklist_items_parse(&items, &n, isms_buf_cstr(&file))) == 0)
        error = isms_checklist_template_create(&id, store, org->id, a->name, a->control, a->source,
                                               items, n, isms_actor_cli());
    free(items);
    isms_buf_release(&file);
    if (error < 0)
        return isms_cli_fail(error);
    printf("checklist custom-%" PRId64 ": %s (%zu items)\n", id, a->name, n);
    return 0;
}

static int start(struct isms_store *store, const struct isms_org *org, const char *key,
                 const char *title)
{
    int64_t id;
    int error = isms_checklist_run_start(&id, store, org->id, key, title, isms_actor_cli());

    if (error < 0)
        return isms_cli_fail(error);
    printf("checklist run %" PRId64 "\n", id);
    return 0;
}

static int show_run(struct isms_store *store, const struct isms_org *org, int64_t id, bool json)
{
    struct isms_checklist_result *results = NULL;
    struct isms_checklist_run run;
    size_t n = 0;
    int error = isms_checklist_run_get(&run, &results, &n, store, org->id, id);

    if (error < 0)
        return isms_cli_fail(error);
    if (json) {
        json_t *out = isms_json_checklist_run(&run), *items = json_array();
        for (size_t i = 0; i < n; i++)
            json_array_append_new(items, isms_json_checklist_result(&results[i]));
        json_object_set_new(out, "results", items);
        isms_cli_print_json(out);
    }
    for (size_t i = 0; !json && i < n; i++)
        printf("%2d %-3s %-8s %s%s%s\n", results[i].no,
               *isms_check_result_name(results[i].result)
                   ? isms_check_result_name(results[i].result)
                   : "-",
               results[i].item.control_id, results[i].item.text_ja, *results[i].note ? " — " : "",
               results[i].note);
    free(results);
    return 0;
}

static int record(struct isms_store *store, const struct isms_org *org, int64_t id,
                  const struct checklist_args *a)
{
    char *end = NULL;
    long no = a->item ? strtol(a->item, &end, 10) : 0;
    int error;

    if (!a->item || *end || no < 1)
        return isms_cli_usage_error("checklist", "'checklist record' needs --item N");
    error = isms_checklist_record(
        store, org->id, id,
        &(struct isms_checklist_answer){(int)no, a->result, a->note, a->evidence}, 1,
        isms_actor_cli());
    return error < 0 ? isms_cli_fail(error) : 0;
}

static int run_verb(const char *verb, const struct checklist_args *a, int positional, char **rest)
{
    bool needs_one = strcmp(verb, "list") != 0;
    struct isms_store *store = NULL;
    struct isms_org org;
    int64_t id = 0;
    int status, error;

    if (!a->org)
        return isms_cli_usage_error("checklist", "'checklist %s' needs --org", verb);
    if (positional != (needs_one ? 1 : 0))
        return isms_cli_usage_error("checklist",
                                    needs_one ? "'checklist %s' needs one argument"
                                              : "'checklist %s' takes no arguments",
                                    verb);
    if ((strcmp(verb, "run") == 0 || strcmp(verb, "record") == 0) &&
        (error = isms_web_parse_id(&id, rest[0], ISMS_ENOTFOUND, "checklist run")) < 0)
        return isms_cli_fail(error);
    if ((status = isms_cli_open_org(&store, &org, "checklist", a->db, a->org)) != 0)
        return status;
    if (strcmp(verb, "list") == 0)
        status = list(store, &org, a);
    else if (strcmp(verb, "show") == 0)
        status = show(store, &org, rest[0], a->json);
    else if (strcmp(verb, "add") == 0)
        status = add(store, &org, a, rest[0]);
    else if (strcmp(verb, "start") == 0)
        status = start(store, &org, rest[0], a->title);
    else if (strcmp(verb, "run") == 0)
        status = show_run(store, &org, id, a->json);
    else
        status = record(store, &org, id, a);
    isms_store_free(store);
    return status;
}

static int run_checklist(int argc, char **argv)
{
    static const char *const verbs[] = {"list", "show", "add", "start", "run", "record", NULL};
    struct checklist_args args = {0};
    int status;

    status = isms_cli_check_verb(argc, argv, "checklist", checklist_help,
                                 "'checklist' needs list, show, add, start, run or record", verbs);
    if (status != ISMS_CLI_GO_ON || (status = parse(&args, argc - 1, argv + 1)) != 0)
        return status;
    return run_verb(argv[1], &args, argc - 1 - optind, argv + 1 + optind);
}

const struct isms_cli_command isms_cli_checklist_command = {
    "checklist", run_checklist,
    "checklists of Annex A controls: templates, runs and their results"};
