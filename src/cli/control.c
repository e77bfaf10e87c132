#include "isms_setup.h"
#include <getopt.h>
#include "catalog/catalog.h"
#include "cli/cli.h"
#include "export/control_impl_json.h"
#include "isms/control_impl.h"
#include "isms/org.h"
#include "model/actor.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/error.h"

static const char control_help[] =
    "usage: isms control list --org ORG [--json]\n"
    "       isms control show --org ORG ID [--json]\n"
    "       isms control set --org ORG ID [--status S] [--level L] [--target-level L]\n"
    "                        [--owner USER] [--due DATE] [--last-review DATE]\n"
    "                        [--review-interval MONTHS] [--review-due DATE] [--notes TEXT]\n"
    "       isms control evidence add --org ORG ID FILE [--name NAME]\n"
    "       isms control evidence add --org ORG ID --url URL --name NAME\n"
    "       isms control levels [--json]\n\n"
    "How far each applicable control of the Statement of Applicability is implemented,\n"
    "at which level (梅 basic, 竹 standard, 松 advanced), by whom, and with what evidence.\n"
    "'levels' prints what the levels mean for the 11 controls new in ISO/IEC 27001:2022.\n\n"
    "  --status S           not_started, planned, partial or implemented\n"
    "  --level L            the level reached: basic, standard or advanced (梅, 竹, 松)\n"
    "  --target-level L     the level aimed at\n"
    "  --owner USER         a member of the organization (login name; \"\" for none)\n"
    "  --due DATE           when the implementation is due (YYYY-MM-DD)\n"
    "  --last-review DATE   the last review; with --review-interval the next one follows\n"
    "  --review-interval N  months between reviews (0 for none)\n"
    "  --review-due DATE    the next review, given directly\n"
    "  --json               print JSON instead of a table\n"
    "  --db PATH            database file (default: $ISMS_DB or isms.db)\n";

struct control_args {
    const char *db, *org, *status, *level, *target, *owner, *due, *last_review, *interval,
        *review_due, *notes, *url, *name;
    bool json;
};

static int parse(struct control_args *a, int argc, char **argv)
{
    const struct isms_cli_option options[] = {
        ISMS_CLI_TEXT("db", &a->db),
        ISMS_CLI_TEXT("org", &a->org),
        ISMS_CLI_TEXT("status", &a->status),
        ISMS_CLI_TEXT("level", &a->level),
        ISMS_CLI_TEXT("target-level", &a->target),
        ISMS_CLI_TEXT("owner", &a->owner),
        ISMS_CLI_TEXT("due", &a->due),
        ISMS_CLI_TEXT("last-review", &a->last_review),
        ISMS_CLI_TEXT("review-interval", &a->interval),
        ISMS_CLI_TEXT("review-due", &a->review_due),
        ISMS_CLI_TEXT("notes", &a->notes),
        ISMS_CLI_TEXT("url", &a->url),
        ISMS_CLI_TEXT("name", &a->name),
        ISMS_CLI_FLAG("json", &a->json),
        {NULL, NULL, NULL},
    };

    return isms_cli_parse_options("control", options, argc, argv);
}

static int print_levels(bool json)
{
    json_t *list = json_array();
    int error;

    if ((error = isms_catalogs_load()) < 0 || (error = isms_control_guidance_load()) < 0) {
        json_decref(list);
        return isms_cli_fail(error);
    }
    for (size_t i = 0; i < isms_control_guidance_count(); i++) {
        const struct isms_control_guidance *g = isms_control_guidance_at(i);
        if (json) {
            json_array_append_new(list, isms_json_control_guidance(g));
            continue;
        }
        printf("A.%s\n", g->id);
        for (int l = 0; l < ISMS_CONTROL_LEVEL_COUNT; l++)
            printf("  %s %s\n", (const char *[]){"梅", "竹", "松"}[l], g->levels[l].ja);
    }
    if (json)
        isms_cli_print_json(list);
    else
        json_decref(list);
    return 0;
}

static void print_row(const struct isms_control_row *r)
{
    const struct isms_control_impl *c = &r->impl;

    printf("%-12s %-12s %-6s %-6s %-20s %s%s\n", c->control_id, isms_control_status_name(c->status),
           c->level ? isms_control_level_label_ja(c->level) : "-",
           c->target_level ? isms_control_level_label_ja(c->target_level) : "-",
           *c->owner ? c->owner : "-", r->control->title_ja, r->guidance ? " [2022 新規]" : "");
}

static int list(struct isms_store *store, const struct isms_org *org, bool json)
{
    struct isms_control_row *rows;
    size_t count;
    int error;

    if ((error = isms_control_impl_list(&rows, &count, store, org->id)) < 0)
        return isms_cli_fail(error);
    if (json) {
        json_t *items = json_array();
        for (size_t i = 0; i < count; i++)
            json_array_append_new(items, isms_json_control_row(&rows[i]));
        isms_cli_print_json(json_pack("{s:o}", "controls", items));
    } else {
        printf("%-12s %-12s %-6s %-6s %-20s %s\n", "CONTROL", "STATUS", "LEVEL", "TARGET", "OWNER",
               "TITLE");
        for (size_t i = 0; i < count; i++)
            print_row(&rows[i]);
    }
    isms_control_rows_free(rows, count);
    return 0;
}

static int show_row(const struct isms_control_row *row, bool json)
{
    if (json)
        isms_cli_print_json(isms_json_control_row(row));
    else
        print_row(row);
    return 0;
}

static int set(struct isms_store *store, const struct isms_org *org, const struct control_args *a,
               const char *id)
{
    struct isms_control_impl_change change = {a->status,     a->level, a->target,
                                              a->owner,      a->due,   a->last_review,
                                              a->review_due, -1,       a->notes};
    struct isms_control_row row;
    int status, error;

    if ((error = isms_control_review_interval_parse(&change.review_interval_months, a->interval)) <
        0)
        return isms_cli_fail(error);
    if ((error = isms_control_impl_set(&row, store, org->id, id, &change, isms_actor_cli())) < 0)
        return isms_cli_fail(error);
    status = show_row(&row, a->json);
    isms_control_impl_release(&row.impl);
    return status;
}

static int evidence_add(struct isms_store *store, const struct isms_org *org,
                        const struct control_args *a, int positional, char **rest)
{
    struct isms_buf file = ISMS_BUF_INIT(ISMS_EVIDENCE_FILE_MAX);
    struct isms_evidence added;
    const char *name = a->name;
    int error;

    if (positional != (a->url ? 2 : 3) || strcmp(rest[0], "add") != 0)
        return isms_cli_usage_error("control", "'control evidence add' needs ID and FILE (or "
                                               "--url URL --name NAME)");
    if (!a->url) {
        const char *slash = strrchr(rest[2], '/');
        if ((error = isms_cli_read_input(&file, rest[2])) < 0) {
            isms_buf_release(&file);
            return isms_cli_fail(error);
        }
        if (!name)
            name = slash ? slash + 1 : rest[2];
    }
    /* A file, even an empty one, is given as bytes; a link as NULL. */
    error = isms_control_evidence_add(&added, store, org->id, rest[1], name,
                                      a->url ? NULL : (file.ptr ? file.ptr : ""), file.len, a->url,
                                      isms_actor_cli());
    isms_buf_release(&file);
    if (error < 0)
        return isms_cli_fail(error);
    if (a->json)
        isms_cli_print_json(isms_json_evidence(&added));
    else
        printf("evidence %" PRId64 ": %s %s\n", added.id, added.name,
               *added.sha256 ? added.sha256 : added.url);
    return 0;
}

static int run_verb(const char *verb, const struct control_args *a, int positional, char **rest)
{
    struct isms_store *store = NULL;
    struct isms_control_row row;
    struct isms_org org;
    int status, error;

    if (!a->org)
        return isms_cli_usage_error("control", "'control %s' needs --org", verb);
    if (strcmp(verb, "list") != 0 && strcmp(verb, "evidence") != 0 && positional != 1)
        return isms_cli_usage_error("control", "'control %s' needs one control ID", verb);
    if ((status = isms_cli_open_org(&store, &org, "control", a->db, a->org)) != 0)
        return status;
    if (strcmp(verb, "list") == 0) {
        status = list(store, &org, a->json);
    } else if (strcmp(verb, "set") == 0) {
        status = set(store, &org, a, rest[0]);
    } else if (strcmp(verb, "evidence") == 0) {
        status = evidence_add(store, &org, a, positional, rest);
    } else if ((error = isms_control_impl_get(&row, store, org.id, rest[0])) < 0) {
        status = isms_cli_fail(error);
    } else {
        status = show_row(&row, a->json);
        isms_control_impl_release(&row.impl);
    }
    isms_store_free(store);
    return status;
}

static int run_control(int argc, char **argv)
{
    static const char *const verbs[] = {"list", "show", "set", "evidence", "levels", NULL};
    struct control_args args = {0};
    int status;

    status = isms_cli_check_verb(argc, argv, "control", control_help,
                                 "'control' needs list, show, set, evidence or levels", verbs);
    if (status != ISMS_CLI_GO_ON)
        return status;
    if ((status = parse(&args, argc - 1, argv + 1)) != 0)
        return status;
    if (strcmp(argv[1], "levels") == 0)
        return print_levels(args.json);
    return run_verb(argv[1], &args, argc - 1 - optind, argv + 1 + optind);
}

const struct isms_cli_command isms_cli_control_command = {
    "control", run_control,
    "how far each control is implemented, at which level (梅/竹/松), with what evidence"};
