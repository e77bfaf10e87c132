/*
 * What the gap report leads to (transition.h): the 2022 SoA draft and a
 * risk for each new control not yet implemented.
 */
#include "isms_setup.h"
#include "isms/control_impl.h"
#include "isms/risk.h"
#include "isms/risk_treatment.h"
#include "isms/soa.h"
#include "isms/transition.h"
#include "model/actor.h"
#include "util/buf.h"
#include "util/error.h"

/* "2013年版 A.5.1.1, A.5.1.2 から移行: <their justifications>" */
static int draft_justification(struct isms_buf *out, const struct isms_transition_item *item)
{
    int error = isms_buf_puts(out, "ISO/IEC 27001:2013 ");

    for (size_t i = 0, n = 0; error == 0 && i < item->source_count; i++) {
        char id[ISMS_TRANSITION_ID_MAX + 1];
        if (!item->sources[i].decision)
            continue;
        isms_transition_source_id(id, item->sources[i].control);
        error = isms_buf_printf(out, "%s%s", n++ ? ", " : "", id);
    }
    if (error == 0)
        error = isms_buf_puts(out, " から移行");
    for (size_t i = 0, n = 0; error == 0 && i < item->source_count; i++) {
        const struct isms_transition_decision *d = item->sources[i].decision;
        if (d && *d->justification)
            error = isms_buf_printf(out, "%s%s", n++ ? " / " : ": ", d->justification);
    }
    return error;
}

static int decide(struct isms_store *store, int64_t org_id, const struct isms_transition_item *item,
                  const struct isms_actor *actor)
{
    struct isms_buf text = ISMS_BUF_INIT(ISMS_SOA_TEXT_MAX);
    bool applicable = item->proposal == ISMS_TRANSITION_APPLICABLE;
    struct isms_soa_decision d = {
        .applicability = applicable ? ISMS_SOA_APPLICABLE : ISMS_SOA_NOT_APPLICABLE,
        .implementation = item->implementation,
    };
    char id[ISMS_SOA_ID_MAX + 1];
    struct isms_soa_entry entry;
    int error;

    /* A long justification is cut rather than refused: the draft is edited anyway. */
    if ((error = draft_justification(&text, item)) < 0 && error != ISMS_ETOOBIG)
        goto done;
    *(applicable ? &d.inclusion_justification : &d.exclusion_justification) = isms_buf_cstr(&text);
    snprintf(id, sizeof(id), "A.%s", item->control->id);
    if ((error = isms_soa_decide(&entry, store, org_id, id, &d, actor)) == 0)
        isms_soa_entry_release(&entry);
done:
    isms_buf_release(&text);
    return error;
}

int isms_transition_draft_soa(struct isms_transition_draft_result *out, struct isms_store *store,
                              int64_t org_id, const struct isms_actor *actor)
{
    struct isms_transition_report report;
    struct isms_soa soa;
    int error;

    memset(out, 0, sizeof(*out));
    if ((error = isms_transition_report(&report, store, org_id)) < 0)
        return error;
    if (!report.info.imported_at[0]) {
        isms_transition_report_release(&report);
        return isms_error_set(ISMS_EINVALID, _("import the ISO/IEC 27001:2013 Statement of "
                                               "Applicability first"));
    }
    if ((error = isms_soa_load(&soa, store, org_id)) < 0) {
        isms_transition_report_release(&report);
        return error;
    }
    /* The SoA lists Annex A in catalog order, like the report. */
    for (size_t i = 0; error == 0 && i < report.count && i < soa.count; i++) {
        const struct isms_transition_item *item = &report.items[i];
        if (soa.entries[i].control != item->control)
            error = isms_error_set(ISMS_ERROR, "the SoA and the catalog disagree on control %s",
                                   item->control->id);
        else if (item->proposal == ISMS_TRANSITION_ASSESS)
            out->assess++;
        else if (item->proposal == ISMS_TRANSITION_CONFLICT)
            out->conflict++;
        else if (item->proposal == ISMS_TRANSITION_NO_SOURCE)
            continue;
        else if (soa.entries[i].applicability != ISMS_SOA_UNDECIDED)
            out->kept++;
        else if ((error = decide(store, org_id, item, actor)) == 0)
            out->decided++;
    }
    isms_soa_release(&soa);
    isms_transition_report_release(&report);
    return error;
}

/* Why a new control needs no risk (a result counter), or NULL when it does. */
static size_t *no_risk_needed(struct isms_transition_risks_result *out,
                              const struct isms_soa_entry *entry,
                              const struct isms_control_row *row, int64_t selecting)
{
    if (entry->applicability == ISMS_SOA_NOT_APPLICABLE)
        return &out->excluded;
    if (entry->implementation == ISMS_SOA_IMPL_YES || row->impl.status == ISMS_CONTROL_IMPLEMENTED)
        return &out->implemented;
    return selecting ? &out->existing : NULL;
}

static int risks_selecting(int64_t *total, struct isms_store *store, int64_t org_id,
                           const char *control_id)
{
    struct isms_risk_filter filter = {.control_id = control_id, .limit = 1};
    struct isms_risk_list list;
    int error;

    if ((error = isms_risk_list(&list, store, org_id, &filter)) < 0)
        return error;
    *total = list.total;
    isms_risk_list_release(&list);
    return 0;
}

#define NEW_CONTROLS_MAX 16 /* ISO/IEC 27001:2022 has 11 */

struct new_risk {
    const struct isms_control *control;
    char control_id[ISMS_SOA_ID_MAX + 1];
    char owner[ISMS_CONTROL_OWNER_MAX + 1];
};

static int create_risk(int64_t *number, struct isms_store *store, int64_t org_id,
                       const struct new_risk *n, const struct isms_risk_matrix *m,
                       const struct isms_actor *actor)
{
    char title[ISMS_RISK_TITLE_MAX + 1], event[600];
    const char *controls[] = {n->control_id};
    struct isms_risk risk, with_control;
    int error;

    snprintf(title, sizeof(title), "新規管理策 %s「%s」が未実施", n->control->id,
             n->control->title_ja);
    snprintf(event, sizeof(event),
             "ISO/IEC 27001:2022 で新設された管理策 %s（%s）が実施されていない。"
             "移行時に作成: 6.1.2 に従ってリスクを評価すること（暫定の評価値は最大）。",
             n->control->id, n->control->title_en);
    struct isms_risk_input in = {
        .title = title,
        .risk_source = "ISO/IEC 27001:2022 への移行",
        .event = event,
        .owner = n->owner,
        .score = {m->likelihood.max, m->impact.max, m->vulnerability.max},
        .treatment = ISMS_RISK_MODIFY,
    };
    if ((error = isms_risk_create(&risk, store, org_id, &in, actor)) < 0)
        return error;
    *number = risk.number;
    if ((error = isms_risk_controls_set(&with_control, store, org_id, risk.id, controls, 1,
                                        actor)) == 0)
        isms_risk_release(&with_control);
    isms_risk_release(&risk);
    return error;
}

/* The new controls that need a risk, each with its owner. */
static int plan_risks(struct new_risk *plan, size_t *count,
                      struct isms_transition_risks_result *out, struct isms_store *store,
                      int64_t org_id, const char *owner, const struct isms_actor *actor)
{
    const char *fallback = owner && *owner ? owner : actor->user_id ? actor->name : NULL;
    struct isms_soa soa;
    int error;

    if ((error = isms_soa_load(&soa, store, org_id)) < 0)
        return error;
    for (size_t i = 0; error == 0 && i < soa.count; i++) {
        const struct isms_soa_entry *e = &soa.entries[i];
        struct isms_control_row row;
        int64_t selecting = 0;
        size_t *counter;
        if (!e->control->new_in_2022 || strcmp(e->catalog_key, ISMS_CATALOG_27001_2022) != 0 ||
            *count == NEW_CONTROLS_MAX)
            continue;
        if ((error = isms_control_impl_get(&row, store, org_id, e->control_id)) < 0 ||
            (error = risks_selecting(&selecting, store, org_id, e->control_id)) < 0)
            break;
        if ((counter = no_risk_needed(out, e, &row, selecting))) {
            (*counter)++;
        } else if (!*row.impl.owner && !fallback) {
            error = isms_error_set(ISMS_EINVALID,
                                   _("control %s has no owner: name the risk owner (--owner)"),
                                   e->control_id);
        } else {
            struct new_risk *n = &plan[(*count)++];
            n->control = e->control;
            snprintf(n->control_id, sizeof(n->control_id), "%s", e->control_id);
            snprintf(n->owner, sizeof(n->owner), "%s", *row.impl.owner ? row.impl.owner : fallback);
        }
        isms_control_impl_release(&row.impl);
    }
    isms_soa_release(&soa);
    return error;
}

int isms_transition_create_risks(struct isms_transition_risks_result *out, struct isms_store *store,
                                 int64_t org_id, const char *owner, const struct isms_actor *actor)
{
    struct new_risk plan[NEW_CONTROLS_MAX];
    struct isms_risk_matrix m;
    size_t count = 0;
    int error;

    memset(out, 0, sizeof(*out));
    if ((error = isms_risk_matrix_for_org(&m, store, org_id)) < 0 ||
        (error = plan_risks(plan, &count, out, store, org_id, owner, actor)) < 0)
        return error;
    for (size_t i = 0; error == 0 && i < count; i++) {
        int64_t number = 0;
        if ((error = create_risk(&number, store, org_id, &plan[i], &m, actor)) == 0) {
            out->created++;
            out->first_number = out->first_number ? out->first_number : number;
            out->last_number = number;
        }
    }
    return error;
}
