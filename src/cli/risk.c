#include "isms_setup.h"
#include <getopt.h>
#include <unistd.h>
#include "cli/cli.h"
#include "cli/risk_args.h"
#include "export/heatmap_svg.h"
#include "export/risk_json.h"
#include "export/treatment_plan_xlsx.h"
#include "isms/risk.h"
#include "isms/risk_link.h"
#include "isms/risk_treatment.h"
#include "model/actor.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/timezone.h"

#define OUTPUT_MAX (64u << 20)

static const char risk_help[] =
    "usage: isms risk add       --org ORG --title TEXT --owner NAME --likelihood N --impact N\n"
    "                           [risk options]\n"
    "       isms risk list      --org ORG [--level-min N] [--band low|medium|high] [--owner NAME]\n"
    "                           [--treatment OPTION|none] [--asset ID] [--control ID]\n"
    "                           [--accepted | --not-accepted] [--query TEXT] [--residual]\n"
    "                           [--limit N] [--offset N] [--json]\n"
    "       isms risk show      --org ORG RISK [--json]\n"
    "       isms risk update    --org ORG RISK [risk options]   (only what is given changes)\n"
    "       isms risk delete    --org ORG RISK\n"
    "       isms risk accept    --org ORG RISK --by NAME\n"
    "       isms risk link      --org ORG RISK (--provider ORG --provider-risk ID | --unlink)\n"
    "       isms risk control   --org ORG RISK (CONTROL... | --clear)\n"
    "       isms risk treatment --org ORG RISK [--add | --item ID [--delete]]\n"
    "                           [--action TEXT] [--by NAME] [--due YYYY-MM-DD] [--status STATUS]\n"
    "       isms risk heatmap   --org ORG [--residual] [--lang ja|en] [--output FILE]\n"
    "       isms risk plan      --org ORG --output FILE.xlsx\n\n"
    "The risk register (ISO/IEC 27001 6.1.2, 6.1.3). Levels are computed from the\n"
    "scores on the organization's risk matrix (isms matrix). Selecting controls\n"
    "marks them applicable in the Statement of Applicability with the risk as\n"
    "justification.\n\n"
    "risk options:\n"
    "  --title TEXT              what can go wrong, in a line\n"
    "  --owner NAME              the risk owner (ISO/IEC 27001 6.1.2 c 2)\n"
    "  --likelihood N --impact N the scores (--vulnerability N for matrix jp-atv-3)\n"
    "  --threat REF              threat library reference: enisa:R9, ipa:3, own:12\n"
    "  --source TEXT             risk source; --event TEXT, --consequence TEXT\n"
    "  --treatment OPTION        modify, retain, avoid or share\n"
    "  --residual-likelihood N --residual-impact N [--residual-vulnerability N]\n"
    "  --no-residual             forget the residual scores\n"
    "  --asset ID                an asset the risk is about (repeat for several)\n"
    "  --shared / --not-shared   share the risk with customers (providers only)\n"
    "  --matrix KEY              assess on this matrix instead of the org's\n\n"
    "treatment item statuses: planned, in_progress, done, cancelled\n"
    "  --db PATH                 database file (default: $ISMS_DB or isms.db)\n";

/* --- output --- */

static void print_line(const struct isms_risk *r)
{
    const char *t = isms_risk_treatment_name(r->treatment);
    char residual[16] = "-";

    if (r->has_residual)
        snprintf(residual, sizeof(residual), "%d", r->residual_level);
    printf("%-7" PRId64 " %5d %-6s %-8s %-8s %-19s %-20s %s\n", r->id, r->level,
           isms_risk_band_name(r->band, "en"), residual, t ? t : "-",
           isms_risk_status_name(r->status), r->owner, r->title);
}

static void print_header(void)
{
    printf("%-7s %5s %-6s %-8s %-8s %-19s %-20s %s\n", "ID", "LEVEL", "BAND", "RESIDUAL", "TREAT",
           "STATUS", "OWNER", "TITLE");
}

static int show_risk(struct isms_store *store, const struct isms_org *org, struct isms_risk *r,
                     bool json)
{
    struct isms_risk_dependent *deps = NULL;
    size_t n = 0;
    int error = 0;

    if (r->shared && (error = isms_risk_dependents(&deps, &n, store, org->id, r->id)) < 0) {
        isms_risk_release(r);
        return isms_cli_fail(error);
    }
    if (json) {
        isms_cli_print_json(isms_json_risk(r, deps, n));
    } else {
        print_header();
        print_line(r);
        for (size_t i = 0; i < r->control_count; i++)
            printf("  control %s\n", r->controls[i]);
        if (r->has_provider)
            printf("  depends on %s risk #%" PRId64 ": %s (level %d, %s)\n", r->provider.org_slug,
                   r->provider.risk_number, r->provider.title, r->provider.level,
                   isms_risk_status_name(r->provider.status));
        for (size_t i = 0; i < n; i++)
            printf("  %" PRId64 " risk(s) of %s depend on it\n", deps[i].risk_count,
                   deps[i].org_slug);
        if (r->accepted_at[0])
            printf("  accepted by %s at %s\n", r->accepted_by, r->accepted_at);
    }
    free(deps);
    isms_risk_release(r);
    return 0;
}

/* --- verbs --- */

static int risk_id_arg(int64_t *out, int positional, char **rest)
{
    if (positional < 1)
        return isms_cli_usage_error("risk", "this subcommand needs a RISK id");
    if (isms_cli_risk_parse_int(out, rest[0], "risk") < 0 || *out <= 0)
        return isms_cli_fail(isms_error_set(ISMS_ENOTFOUND, _("risk '%s' not found"), rest[0]));
    return 0;
}

static int risk_add(struct isms_store *store, const struct isms_org *org, struct risk_args *a)
{
    struct isms_risk r;
    int error;

    if ((a->set & (SET_L | SET_I)) != (SET_L | SET_I))
        return isms_cli_usage_error("risk", "'risk add' needs --likelihood and --impact");
    a->in.has_residual = (a->set & (SET_RES_L | SET_RES_I)) != 0;
    if ((error = isms_risk_create(&r, store, org->id, &a->in, isms_actor_cli())) < 0)
        return isms_cli_fail(error);
    return show_risk(store, org, &r, a->json);
}

/* The input an existing risk was made from; strings borrowed from `r`/`ref`. */
static void input_from(struct isms_risk_input *in, char *ref, size_t size,
                       const struct isms_risk *r)
{
    memset(in, 0, sizeof(*in));
    snprintf(ref, size, "%s:%s", r->threat_source, r->threat_id);
    in->title = r->title;
    in->threat = r->threat_source[0] ? ref : NULL;
    in->risk_source = r->risk_source;
    in->event = r->event;
    in->consequence = r->consequence;
    in->owner = r->owner;
    in->score = r->score;
    in->treatment = r->treatment;
    in->has_residual = r->has_residual;
    in->residual = r->residual;
    in->shared = r->shared;
    in->asset_ids = r->asset_ids;
    in->asset_count = r->asset_count;
}

static void merge_given(struct isms_risk_input *in, const struct risk_args *a)
{
    const struct isms_risk_input *g = &a->in;
    unsigned s = a->set;

    in->title = s & SET_TITLE ? g->title : in->title;
    in->owner = s & SET_OWNER ? g->owner : in->owner;
    in->threat = s & SET_THREAT ? (*g->threat ? g->threat : NULL) : in->threat;
    in->risk_source = s & SET_SOURCE ? g->risk_source : in->risk_source;
    in->event = s & SET_EVENT ? g->event : in->event;
    in->consequence = s & SET_CONSEQUENCE ? g->consequence : in->consequence;
    in->matrix_key = s & SET_MATRIX ? g->matrix_key : NULL;
    in->score.likelihood = s & SET_L ? g->score.likelihood : in->score.likelihood;
    in->score.impact = s & SET_I ? g->score.impact : in->score.impact;
    in->score.vulnerability = s & SET_V ? g->score.vulnerability : in->score.vulnerability;
    in->treatment = s & SET_TREATMENT ? g->treatment : in->treatment;
    in->shared = s & SET_SHARED ? g->shared : in->shared;
    if (s & SET_ASSETS) {
        in->asset_ids = g->asset_ids;
        in->asset_count = g->asset_count;
    }
    if (s & (SET_RES_L | SET_RES_I | SET_RES_V))
        in->has_residual = true;
    in->residual.likelihood = s & SET_RES_L ? g->residual.likelihood : in->residual.likelihood;
    in->residual.impact = s & SET_RES_I ? g->residual.impact : in->residual.impact;
    in->residual.vulnerability = s & SET_RES_V ? g->residual.vulnerability
                                               : in->residual.vulnerability;
    if (s & SET_NO_RESIDUAL)
        in->has_residual = false;
}

static int risk_update(struct isms_store *store, const struct isms_org *org,
                       const struct risk_args *a, int64_t id)
{
    char ref[ISMS_RISK_THREAT_SOURCE_MAX + ISMS_RISK_THREAT_ID_MAX + 2];
    struct isms_risk_input in;
    struct isms_risk old, r;
    int error;

    if (!a->set)
        return isms_cli_usage_error("risk", "'risk update' needs at least one risk option");
    if ((error = isms_risk_get(&old, store, org->id, id)) < 0)
        return isms_cli_fail(error);
    input_from(&in, ref, sizeof(ref), &old);
    merge_given(&in, a);
    error = isms_risk_update(&r, store, org->id, id, &in, isms_actor_cli());
    isms_risk_release(&old);
    if (error < 0)
        return isms_cli_fail(error);
    return show_risk(store, org, &r, a->json);
}

static int risk_list(struct isms_store *store, const struct isms_org *org, struct risk_args *a)
{
    char control[ISMS_SOA_ID_MAX + 1];
    struct isms_risk_list list;
    int error;

    if (a->filter.control_id) {
        if (isms_soa_control_resolve(control, NULL, NULL, a->filter.control_id) < 0)
            return isms_cli_fail(isms_error_set(ISMS_EINVALID, _("'%s' is not an SoA control"),
                                                a->filter.control_id));
        a->filter.control_id = control;
    }
    if (a->in.owner)
        a->filter.owner = a->in.owner;
    if (a->set & SET_TREATMENT)
        a->filter.treatment = a->in.treatment;
    if (a->in.asset_count)
        a->filter.asset_id = a->assets[0];
    if ((error = isms_risk_list(&list, store, org->id, &a->filter)) < 0)
        return isms_cli_fail(error);
    if (a->json) {
        isms_cli_print_json(isms_json_risk_list(
            &list, a->filter.limit ? a->filter.limit : ISMS_RISK_LIST_DEFAULT, a->filter.offset));
    } else {
        print_header();
        for (size_t i = 0; i < list.count; i++)
            print_line(&list.items[i]);
        printf("%zu of %" PRId64 " risks\n", list.count, list.total);
    }
    isms_risk_list_release(&list);
    return 0;
}

static int risk_accept(struct isms_store *store, const struct isms_org *org,
                       const struct risk_args *a, int64_t id)
{
    struct isms_risk r;
    int error;

    if (!a->by)
        return isms_cli_usage_error("risk", "'risk accept' needs --by NAME (the risk owner)");
    if ((error = isms_risk_accept(&r, store, org->id, id, a->by, isms_actor_cli())) < 0)
        return isms_cli_fail(error);
    return show_risk(store, org, &r, a->json);
}

static int risk_link(struct isms_store *store, const struct isms_org *org,
                     const struct risk_args *a, int64_t id)
{
    struct isms_risk r;
    int error;

    if (!a->unlink && (!a->provider || a->provider_risk <= 0))
        return isms_cli_usage_error("risk", "'risk link' needs --provider ORG and "
                                            "--provider-risk ID, or --unlink");
    if ((error = isms_risk_link_set(&r, store, org->id, id, a->unlink ? NULL : a->provider,
                                    a->provider_risk, isms_actor_cli())) < 0)
        return isms_cli_fail(error);
    return show_risk(store, org, &r, a->json);
}

static int risk_control(struct isms_store *store, const struct isms_org *org,
                        const struct risk_args *a, int64_t id, int count, char **controls)
{
    struct isms_risk r;
    int error;

    if (count == 0 && !a->clear)
        return isms_cli_usage_error("risk", "'risk control' needs CONTROL ids or --clear");
    if ((error = isms_risk_controls_set(&r, store, org->id, id, (const char *const *)controls,
                                        (size_t)count, isms_actor_cli())) < 0)
        return isms_cli_fail(error);
    return show_risk(store, org, &r, a->json);
}

static void print_item(const struct isms_risk_treatment_item *it)
{
    printf("%-6" PRId64 " %-10s %-11s %-20s %s\n", it->id, it->due_date,
           isms_risk_item_status_name(it->status), it->owner, it->action);
}

/* The existing item's fields for what --item ID does not change. */
static int item_input(struct isms_risk_item_input *in, struct isms_risk_treatment_item *old,
                      struct isms_store *store, const struct isms_org *org,
                      const struct risk_args *a, int64_t id)
{
    struct isms_risk_treatment_item *items = NULL;
    size_t n = 0;
    int error;

    memset(in, 0, sizeof(*in));
    if (a->item) {
        if ((error = isms_risk_items_list(&items, &n, store, org->id, id)) < 0)
            return error;
        error = isms_error_set(ISMS_ENOTFOUND, "treatment item %" PRId64 " not found", a->item);
        for (size_t i = 0; i < n; i++)
            if (items[i].id == a->item) {
                *old = items[i];
                error = 0;
            }
        free(items);
        if (error < 0)
            return error;
        *in = (struct isms_risk_item_input){old->action, old->owner, old->due_date, old->status};
    }
    in->action = a->action ? a->action : in->action;
    in->owner = a->by ? a->by : in->owner;
    in->due_date = a->due ? a->due : in->due_date;
    in->status = a->status ? a->status : in->status;
    return 0;
}

static int risk_treatment(struct isms_store *store, const struct isms_org *org,
                          const struct risk_args *a, int64_t id)
{
    struct isms_risk_treatment_item *items = NULL, old, saved;
    struct isms_risk_item_input in;
    size_t n = 0;
    int error;

    if (a->remove) {
        if (!a->item)
            return isms_cli_usage_error("risk", "'--delete' needs --item ID");
        error = isms_risk_item_delete(store, org->id, id, a->item, isms_actor_cli());
        return error < 0 ? isms_cli_fail(error) : 0;
    }
    if (a->add || a->item) {
        if ((error = item_input(&in, &old, store, org, a, id)) < 0 ||
            (error = isms_risk_item_save(&saved, store, org->id, id, a->item, &in,
                                         isms_actor_cli())) < 0)
            return isms_cli_fail(error);
        print_item(&saved);
        return 0;
    }
    if ((error = isms_risk_items_list(&items, &n, store, org->id, id)) < 0)
        return isms_cli_fail(error);
    printf("%-6s %-10s %-11s %-20s %s\n", "ITEM", "DUE", "STATUS", "OWNER", "ACTION");
    for (size_t i = 0; i < n; i++)
        print_item(&items[i]);
    free(items);
    return 0;
}

static int risk_heatmap(struct isms_store *store, const struct isms_org *org,
                        const struct risk_args *a)
{
    struct isms_buf svg = ISMS_BUF_INIT(OUTPUT_MAX);
    struct isms_risk_matrix m;
    int64_t *counts = NULL, other = 0;
    size_t cells;
    int error, status;

    error = a->in.matrix_key ? isms_risk_matrix_find(&m, store, org->id, a->in.matrix_key)
                             : isms_risk_matrix_for_org(&m, store, org->id);
    if (error >= 0)
        error = isms_risk_heatmap_counts(&counts, &cells, &other, store, org->id, &m, a->residual);
    if (error >= 0)
        error = isms_heatmap_svg(&svg, &m, counts, a->lang ? a->lang : "ja");
    free(counts);
    status = error < 0 ? isms_cli_fail(error) : isms_cli_write_output(&svg, a->output);
    if (status == 0 && other)
        fprintf(stderr,
                "isms: %" PRId64 " risks were assessed on another matrix and are not "
                "shown\n",
                other);
    isms_buf_release(&svg);
    return status;
}

static int risk_plan(struct isms_store *store, const struct isms_org *org,
                     const struct risk_args *a)
{
    struct isms_buf buf = ISMS_BUF_INIT(OUTPUT_MAX);
    struct isms_risk_plan_row *rows = NULL;
    size_t n = 0;
    int error, status;

    if (!a->output && isatty(STDOUT_FILENO))
        return isms_cli_usage_error("risk", "refusing to write xlsx to a terminal; use --output");
    if ((error = isms_risk_plan_load(&rows, &n, store, org->id)) >= 0)
        error = isms_export_treatment_plan_xlsx(&buf, org, rows, n, ISMS_TZ_DEFAULT_JA);
    isms_risk_plan_release(rows, n);
    status = error < 0 ? isms_cli_fail(error) : isms_cli_write_output(&buf, a->output);
    isms_buf_release(&buf);
    return status;
}

static int run_with_id(const char *verb, struct isms_store *store, const struct isms_org *org,
                       struct risk_args *a, int positional, char **rest)
{
    struct isms_risk r;
    int64_t id = 0;
    int status, error;

    if ((status = risk_id_arg(&id, positional, rest)) != 0)
        return status;
    if (strcmp(verb, "control") != 0 && positional > 1)
        return isms_cli_usage_error("risk", "unexpected argument '%s'", rest[1]);
    if (strcmp(verb, "show") == 0) {
        if ((error = isms_risk_get(&r, store, org->id, id)) < 0)
            return isms_cli_fail(error);
        return show_risk(store, org, &r, a->json);
    }
    if (strcmp(verb, "update") == 0)
        return risk_update(store, org, a, id);
    if (strcmp(verb, "delete") == 0) {
        error = isms_risk_delete(store, org->id, id, isms_actor_cli());
        return error < 0 ? isms_cli_fail(error) : 0;
    }
    if (strcmp(verb, "accept") == 0)
        return risk_accept(store, org, a, id);
    if (strcmp(verb, "link") == 0)
        return risk_link(store, org, a, id);
    if (strcmp(verb, "control") == 0)
        return risk_control(store, org, a, id, positional - 1, rest + 1);
    return risk_treatment(store, org, a, id);
}

static int run_verb(const char *verb, struct isms_store *store, const struct isms_org *org,
                    struct risk_args *a, int positional, char **rest)
{
    if (strcmp(verb, "add") == 0 || strcmp(verb, "list") == 0 || strcmp(verb, "heatmap") == 0 ||
        strcmp(verb, "plan") == 0) {
        if (positional != 0)
            return isms_cli_usage_error("risk", "unexpected argument '%s'", rest[0]);
        if (strcmp(verb, "add") == 0)
            return risk_add(store, org, a);
        if (strcmp(verb, "list") == 0)
            return risk_list(store, org, a);
        if (strcmp(verb, "heatmap") == 0)
            return risk_heatmap(store, org, a);
        return risk_plan(store, org, a);
    }
    return run_with_id(verb, store, org, a, positional, rest);
}

static int run_risk(int argc, char **argv)
{
    static const char *const verbs[] = {"add",       "list",    "show", "update",
                                        "delete",    "accept",  "link", "control",
                                        "treatment", "heatmap", "plan", NULL};
    struct risk_args *args;
    struct isms_store *store;
    struct isms_org org;
    int status;

    status = isms_cli_check_verb(argc, argv, "risk", risk_help, "'risk' needs a subcommand", verbs);
    if (status != ISMS_CLI_GO_ON)
        return status;
    if (!(args = calloc(1, sizeof(*args))))
        return isms_cli_fail(isms_error_set(ISMS_ENOMEM, "out of memory"));
    if ((status = isms_cli_risk_parse_args(args, argc - 1, argv + 1)) == 0 &&
        (status = isms_cli_open_org(&store, &org, "risk", args->db, args->org)) == 0) {
        status = run_verb(argv[1], store, &org, args, argc - 1 - optind, argv + 1 + optind);
        isms_store_free(store);
    }
    free(args);
    return status;
}

const struct isms_cli_command isms_cli_risk_command = {
    "risk", run_risk, "the risk register: assess, treat, accept, link, report"};
