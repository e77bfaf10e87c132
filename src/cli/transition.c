/* `isms transition`: the gap analysis ISO/IEC 27001:2013 -> 2022 (isms/transition.h). */
#include "isms_setup.h"
#include <getopt.h>
#include <unistd.h>
#include "cli/cli.h"
#include "export/transition_export.h"
#include "isms/org.h"
#include "isms/transition.h"
#include "model/actor.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/error.h"

static const char transition_help[] =
    "usage: isms transition import --org ORG FILE\n"
    "       isms transition report --org ORG [--format json|csv|xlsx] [--output FILE]\n"
    "       isms transition draft-soa --org ORG\n"
    "       isms transition risks --org ORG [--owner USER]\n\n"
    "Carries an ISMS from ISO/IEC 27001:2013 to 2022 (6.1.3 c). 'import' reads the\n"
    "Statement of Applicability kept against 2013 (CSV, UTF-8: a header row, then one\n"
    "row per 2013 control: 管理策/control (A.5.1.1 or 5.1.1), 適用/applicable (yes/no,\n"
    "適用/除外, はい/いいえ), 実施/implemented (yes/partial/no), 理由/justification); a file\n"
    "with any error stores nothing and every error is named with its line and column.\n"
    "'report' lists each 2022 Annex A control with the 2013 controls it came from and\n"
    "their decisions (a table without --format). 'draft-soa' decides each undecided\n"
    "2022 control whose sources agree; 'risks' creates a risk for each of the 11 new\n"
    "controls not implemented yet, selecting that control.\n\n"
    "  --org ORG          organization id or slug\n"
    "  --format FORMAT    json, csv (UTF-8 with BOM) or xlsx\n"
    "  --output FILE      write the report to FILE instead of stdout\n"
    "  --owner USER       risk owner for new controls that have no owner (a member)\n"
    "  --db PATH          database file (default: $ISMS_DB or isms.db)\n";

struct transition_args {
    const char *db, *org, *format, *output, *owner;
};

static int parse(struct transition_args *a, int argc, char **argv)
{
    const struct isms_cli_option options[] = {
        ISMS_CLI_TEXT("db", &a->db),         ISMS_CLI_TEXT("org", &a->org),
        ISMS_CLI_TEXT("format", &a->format), ISMS_CLI_TEXT("output", &a->output),
        ISMS_CLI_TEXT("owner", &a->owner),   {NULL, NULL, NULL},
    };

    return isms_cli_parse_options("transition", options, argc, argv);
}

static int import(struct isms_store *store, const struct isms_org *org, const char *path)
{
    struct isms_buf data = ISMS_BUF_INIT(ISMS_TRANSITION_BYTES_MAX);
    struct isms_transition_import import;
    int error, status = 0;

    if ((error = isms_cli_read_input(&data, path)) < 0) {
        isms_buf_release(&data);
        return isms_cli_fail(error);
    }
    error = isms_transition_import(&import, store, org->id, data.ptr ? data.ptr : "", data.len,
                                   isms_actor_cli());
    if (error < 0) {
        isms_cli_print_import_errors(&import.errors, path);
        status = isms_cli_fail(error);
    } else {
        printf("imported the decisions on %zu ISO/IEC 27001:2013 controls into %s\n", import.count,
               org->slug);
    }
    isms_transition_import_release(&import);
    isms_buf_release(&data);
    return status;
}

static void print_table(const struct isms_transition_report *r)
{
    printf("%-7s %-24s %-28s %s\n", "2022", "2013", "proposal", "title");
    for (size_t i = 0; i < r->count; i++) {
        const struct isms_transition_item *item = &r->items[i];
        char from[64] = "";
        for (size_t k = 0; k < item->source_count; k++) {
            char id[ISMS_TRANSITION_ID_MAX + 1];
            size_t used = strlen(from);
            isms_transition_source_id(id, item->sources[k].control);
            snprintf(from + used, sizeof(from) - used, "%s%s%s", k ? "," : "", id,
                     item->sources[k].decision ? "" : "?");
        }
        printf("A.%-5s %-24s %-28s %s\n", item->control->id, *from ? from : "-",
               isms_transition_proposal_name(item->proposal), item->control->title_ja);
    }
    printf("%zu controls: %zu new, %zu merged, %zu conflicts, %zu without a 2013 decision "
           "(? marks a source the file did not decide)\n",
           r->count, r->new_count, r->merged_count, r->conflict_count, r->no_source_count);
}

static int export(const struct isms_transition_report *r, const struct isms_org *org,
                  const struct transition_args *a)
{
    struct isms_buf buf = ISMS_BUF_INIT(64u << 20);
    int error, status;

    if (strcmp(a->format, "json") == 0)
        error = isms_export_transition_json(&buf, r);
    else if (strcmp(a->format, "csv") == 0)
        error = isms_export_transition_csv(&buf, r);
    else if (strcmp(a->format, "xlsx") == 0 && !a->output && isatty(STDOUT_FILENO))
        return isms_cli_usage_error("transition",
                                    "refusing to write xlsx to a terminal; use --output");
    else if (strcmp(a->format, "xlsx") == 0)
        error = isms_export_transition_xlsx(&buf, r, org->name);
    else
        return isms_cli_usage_error("transition", "--format must be json, csv or xlsx, not '%s'",
                                    a->format);
    status = error < 0 ? isms_cli_fail(error) : isms_cli_write_output(&buf, a->output);
    isms_buf_release(&buf);
    return status;
}

static int report(struct isms_store *store, const struct isms_org *org,
                  const struct transition_args *a)
{
    struct isms_transition_report r;
    int error, status = 0;

    if ((error = isms_transition_report(&r, store, org->id)) < 0)
        return isms_cli_fail(error);
    if (a->format)
        status = export(&r, org, a);
    else
        print_table(&r);
    isms_transition_report_release(&r);
    return status;
}

static int draft_soa(struct isms_store *store, const struct isms_org *org)
{
    struct isms_transition_draft_result d;
    int error = isms_transition_draft_soa(&d, store, org->id, isms_actor_cli());

    if (error < 0)
        return isms_cli_fail(error);
    printf("SoA draft: %zu controls decided from their 2013 sources, %zu already decided kept, "
           "%zu left undecided where the sources disagree, %zu new controls left for the risk "
           "assessment\n",
           d.decided, d.kept, d.conflict, d.assess);
    return 0;
}

static int risks(struct isms_store *store, const struct isms_org *org, const char *owner)
{
    struct isms_transition_risks_result r;
    int error = isms_transition_create_risks(&r, store, org->id, owner, isms_actor_cli());

    if (error < 0)
        return isms_cli_fail(error);
    if (r.created)
        printf("created risks #%" PRId64 "..#%" PRId64 " ", r.first_number, r.last_number);
    printf("%zu risks created for new controls; %zu implemented, %zu excluded, %zu with a risk "
           "already\n",
           r.created, r.implemented, r.excluded, r.existing);
    return 0;
}

static int run_transition(int argc, char **argv)
{
    static const char *const verbs[] = {"import", "report", "draft-soa", "risks", NULL};
    struct transition_args a = {0};
    struct isms_store *store = NULL;
    struct isms_org org;
    int status, positional;

    status = isms_cli_check_verb(argc, argv, "transition", transition_help,
                                 "'transition' needs import, report, draft-soa or risks", verbs);
    if (status != ISMS_CLI_GO_ON || (status = parse(&a, argc - 1, argv + 1)) != 0)
        return status;
    positional = argc - 1 - optind;
    if (!a.org)
        return isms_cli_usage_error("transition", "'transition %s' needs --org", argv[1]);
    if (positional != (strcmp(argv[1], "import") == 0))
        return isms_cli_usage_error("transition",
                                    strcmp(argv[1], "import") == 0
                                        ? "'transition import' needs one FILE"
                                        : "'transition %s' takes no arguments",
                                    argv[1]);
    if ((status = isms_cli_open_org(&store, &org, "transition", a.db, a.org)) != 0)
        return status;
    if (strcmp(argv[1], "import") == 0)
        status = import(store, &org, argv[1 + optind]);
    else if (strcmp(argv[1], "report") == 0)
        status = report(store, &org, &a);
    else if (strcmp(argv[1], "draft-soa") == 0)
        status = draft_soa(store, &org);
    else
        status = risks(store, &org, a.owner);
    isms_store_free(store);
    return status;
}

const struct isms_cli_command isms_cli_transition_command = {
    "transition", run_transition,
    "carry a 2013 Statement of Applicability over to ISO/IEC 27001:2022 (gap analysis)"};
