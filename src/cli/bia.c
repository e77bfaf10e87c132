/* `isms bia`: the business impact analysis (isms/bia.h). */
#include "isms_setup.h"
#include <getopt.h>
#include "cli/cli.h"
#include "export/bia_json.h"
#include "isms/org.h"
#include "model/actor.h"
#include "store/store.h"
#include "util/error.h"
#include "web/http/id_param.h"

static const char bia_help[] =
    "usage: isms bia show --org ORG [--json]\n"
    "       isms bia check --org ORG [--json]\n"
    "       isms bia process --org ORG NAME [--owner O] [--mtpd T] [--rto T] [--rpo T]\n"
    "                        [--rlo PERCENT] [--description TEXT]\n"
    "       isms bia depend --org ORG PROCESS_ID (--ict NAME | --asset ID | --cloud ID)\n"
    "                       [--recovery-time T] [--recovery-point T] [--notes TEXT]\n"
    "       isms bia contact --org ORG NAME [--role R] [--phone P] [--email E] [--priority N]\n"
    "       isms bia exercise --org ORG --date DATE --scenario TEXT [--process ID]\n"
    "                         [--result TEXT] [--lessons TEXT] [--follow-up TEXT]\n\n"
    "Business impact analysis (ISO/IEC 27001:2022 A.5.30): business processes with\n"
    "their maximum tolerable period of disruption (MTPD), recovery time, point and\n"
    "level objectives (RTO, RPO, RLO), what each depends on with its own recovery\n"
    "time, the emergency contact list and the exercises. 'check' names every\n"
    "dependency that recovers later than its process's RTO (or loses more data than\n"
    "the RPO allows, or whose recovery time is not known) and exits 1 while any do.\n\n"
    "  T                  a duration: 30m, 4h, 2d, 1w (a bare number is hours)\n"
    "  --rlo PERCENT      the level to recover to, % of normal service\n"
    "  --json             print JSON\n"
    "  --db PATH          database file (default: $ISMS_DB or isms.db)\n";

struct bia_args {
    const char *db, *org, *owner, *mtpd, *rto, *rpo, *rlo, *description, *ict, *asset, *cloud,
        *recovery_time, *recovery_point, *notes, *role, *phone, *email, *priority, *date, *scenario,
        *process, *result, *lessons, *follow_up;
    bool json;
};

static int parse(struct bia_args *a, int argc, char **argv)
{
    const struct isms_cli_option options[] = {
        ISMS_CLI_TEXT("db", &a->db),
        ISMS_CLI_TEXT("org", &a->org),
        ISMS_CLI_TEXT("owner", &a->owner),
        ISMS_CLI_TEXT("mtpd", &a->mtpd),
        ISMS_CLI_TEXT("rto", &a->rto),
        ISMS_CLI_TEXT("rpo", &a->rpo),
        ISMS_CLI_TEXT("rlo", &a->rlo),
        ISMS_CLI_TEXT("description", &a->description),
        ISMS_CLI_TEXT("ict", &a->ict),
        ISMS_CLI_TEXT("asset", &a->asset),
        ISMS_CLI_TEXT("cloud", &a->cloud),
        ISMS_CLI_TEXT("recovery-time", &a->recovery_time),
        ISMS_CLI_TEXT("recovery-point", &a->recovery_point),
        ISMS_CLI_TEXT("notes", &a->notes),
        ISMS_CLI_TEXT("role", &a->role),
        ISMS_CLI_TEXT("phone", &a->phone),
        ISMS_CLI_TEXT("email", &a->email),
        ISMS_CLI_TEXT("priority", &a->priority),
        ISMS_CLI_TEXT("date", &a->date),
        ISMS_CLI_TEXT("scenario", &a->scenario),
        ISMS_CLI_TEXT("process", &a->process),
        ISMS_CLI_TEXT("result", &a->result),
        ISMS_CLI_TEXT("lessons", &a->lessons),
        ISMS_CLI_TEXT("follow-up", &a->follow_up),
        ISMS_CLI_FLAG("json", &a->json),
        {NULL, NULL, NULL},
    };

    return isms_cli_parse_options("bia", options, argc, argv);
}

static void print_gap(const struct isms_bia_gap *g)
{
    char have[ISMS_BIA_DURATION_SIZE], want[ISMS_BIA_DURATION_SIZE];
    bool rpo = g->reason == ISMS_BIA_GAP_RPO;

    isms_bia_duration_format(have,
                             rpo ? g->dependency->recovery_point : g->dependency->recovery_time);
    isms_bia_duration_format(want, rpo ? g->process->rpo : g->process->rto);
    if (g->reason == ISMS_BIA_GAP_UNKNOWN)
        printf("%s: %s: recovery time not known (RTO %s)\n", g->process->name, g->dependency->name,
               want);
    else
        printf("%s: %s: %s %s > %s %s\n", g->process->name, g->dependency->name,
               rpo ? "recovery point" : "recovers in", have, rpo ? "RPO" : "RTO", want);
}

static int show(const struct isms_bia *bia, bool json, bool check)
{
    if (json) {
        json_t *all = isms_json_bia(bia);
        isms_cli_print_json(check && all ? json_incref(json_object_get(all, "gaps")) : all);
        if (check)
            json_decref(all);
    } else if (!check) {
        for (size_t i = 0; i < bia->process_count; i++) {
            const struct isms_bia_process *p = &bia->processes[i];
            char mtpd[ISMS_BIA_DURATION_SIZE], rto[ISMS_BIA_DURATION_SIZE],
                rpo[ISMS_BIA_DURATION_SIZE];
            isms_bia_duration_format(mtpd, p->mtpd);
            isms_bia_duration_format(rto, p->rto);
            isms_bia_duration_format(rpo, p->rpo);
            printf("%-4" PRId64 " %-30s MTPD %-5s RTO %-5s RPO %-5s RLO %3d%%  %d dependencies, "
                   "%d gaps\n",
                   p->id, p->name, *mtpd ? mtpd : "-", *rto ? rto : "-", *rpo ? rpo : "-",
                   p->rlo_percent, p->dependency_count, p->gap_count);
        }
    }
    if (!json && check)
        for (size_t i = 0; i < bia->gap_count; i++)
            print_gap(&bia->gaps[i]);
    if (!json && check)
        printf("%zu gaps\n", bia->gap_count);
    return check && bia->gap_count ? 1 : 0;
}

static int add_process(struct isms_store *store, const struct isms_org *org,
                       const struct bia_args *a, const char *name)
{
    struct isms_bia_process p;
    int error = isms_bia_process_save(&p, store, org->id, 0,
                                      &(struct isms_bia_process_input){name, a->owner, a->mtpd,
                                                                       a->rto, a->rpo, a->rlo,
                                                                       a->description},
                                      isms_actor_cli());

    if (error < 0)
        return isms_cli_fail(error);
    if (a->json)
        isms_cli_print_json(isms_json_bia_process(&p));
    else
        printf("business process %" PRId64 ": %s\n", p.id, p.name);
    return 0;
}

static int add_dependency(struct isms_store *store, const struct isms_org *org,
                          const struct bia_args *a, const char *process)
{
    const char *kind = a->asset ? "asset" : a->cloud ? "cloud_service" : "ict_service";
    int64_t id, process_id;
    int error;

    if (!!a->ict + !!a->asset + !!a->cloud != 1)
        return isms_cli_usage_error("bia", "'bia depend' needs one of --ict, --asset, --cloud");
    if ((error = isms_web_parse_id(&process_id, process, ISMS_ENOTFOUND, "business process")) < 0)
        return isms_cli_fail(error);
    error = isms_bia_dependency_add(
        &id, store, org->id, process_id,
        &(struct isms_bia_dependency_input){kind, a->asset ? a->asset : a->cloud, a->ict,
                                            a->recovery_time, a->recovery_point, a->notes},
        isms_actor_cli());
    if (error < 0)
        return isms_cli_fail(error);
    printf("dependency %" PRId64 " of process %s\n", id, process);
    return 0;
}

static int add_contact(struct isms_store *store, const struct isms_org *org,
                       const struct bia_args *a, const char *name)
{
    int64_t id;
    int error = isms_bia_contact_add(
        &id, store, org->id,
        &(struct isms_bia_contact_input){name, a->role, a->phone, a->email, a->priority, a->notes},
        isms_actor_cli());

    if (error < 0)
        return isms_cli_fail(error);
    printf("emergency contact %" PRId64 ": %s\n", id, name);
    return 0;
}

static int add_exercise(struct isms_store *store, const struct isms_org *org,
                        const struct bia_args *a)
{
    int64_t id;
    int error = isms_bia_exercise_add(&id, store, org->id,
                                      &(struct isms_bia_exercise_input){a->date, a->process,
                                                                        a->scenario, a->result,
                                                                        a->lessons, a->follow_up},
                                      isms_actor_cli());

    if (error < 0)
        return isms_cli_fail(error);
    printf("exercise %" PRId64 " on %s\n", id, a->date);
    return 0;
}

/* The verbs that take one positional argument, and what it is. */
static const char *argument_of(const char *verb)
{
    return strcmp(verb, "process") == 0 || strcmp(verb, "contact") == 0 ? "NAME"
           : strcmp(verb, "depend") == 0                                ? "PROCESS_ID"
                                                                        : NULL;
}

static int run_verb(const char *verb, const struct bia_args *a, int positional, char **rest)
{
    struct isms_store *store = NULL;
    struct isms_bia bia;
    struct isms_org org;
    int status, error;

    if (!a->org)
        return isms_cli_usage_error("bia", "'bia %s' needs --org", verb);
    if (positional != (argument_of(verb) ? 1 : 0))
        return argument_of(verb)
                   ? isms_cli_usage_error("bia", "'bia %s' needs %s", verb, argument_of(verb))
                   : isms_cli_usage_error("bia", "'bia %s' takes no arguments", verb);
    if ((status = isms_cli_open_org(&store, &org, "bia", a->db, a->org)) != 0)
        return status;
    if (strcmp(verb, "process") == 0) {
        status = add_process(store, &org, a, rest[0]);
    } else if (strcmp(verb, "depend") == 0) {
        status = add_dependency(store, &org, a, rest[0]);
    } else if (strcmp(verb, "contact") == 0) {
        status = add_contact(store, &org, a, rest[0]);
    } else if (strcmp(verb, "exercise") == 0) {
        status = add_exercise(store, &org, a);
    } else if ((error = isms_bia_load(&bia, store, org.id)) < 0) {
        status = isms_cli_fail(error);
    } else {
        status = show(&bia, a->json, strcmp(verb, "check") == 0);
        isms_bia_release(&bia);
    }
    isms_store_free(store);
    return status;
}

static int run_bia(int argc, char **argv)
{
    static const char *const verbs[] = {"show",    "check",    "process", "depend",
                                        "contact", "exercise", NULL};
    struct bia_args args = {0};
    int status;

    status = isms_cli_check_verb(argc, argv, "bia", bia_help,
                                 "'bia' needs show, check, process, depend, contact or exercise",
                                 verbs);
    if (status != ISMS_CLI_GO_ON || (status = parse(&args, argc - 1, argv + 1)) != 0)
        return status;
    return run_verb(argv[1], &args, argc - 1 - optind, argv + 1 + optind);
}

const struct isms_cli_command isms_cli_bia_command = {
    "bia", run_bia,
    "business impact analysis: processes, RTO/RPO, dependencies, contacts, exercises (5.30)"};
