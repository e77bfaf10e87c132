/*
 * The gap report 2013 -> 2022 (transition.h): each 2022 Annex A control with
 * its 2013 sources, their imported decisions and what they propose.
 */
#include "isms_setup.h"
#include "isms/transition.h"
#include "store/transition.h"
#include "util/error.h"

static const char *const proposal_names[] = {"no_source", "applicable", "excluded", "conflict",
                                             "assess"};
static const struct isms_label proposal_labels[] = {
    {"No 2013 decision", "2013年版の決定なし"},
    {"Applicable", "適用"},
    {"Excluded", "除外"},
    {"Sources disagree: decide", "判断が分かれる（要判断）"},
    {"New: assess the risk (6.1.2)", "新規: リスクアセスメントが必要 (6.1.2)"},
};
static const struct isms_label implemented_labels[] = {
    {"", ""},
    {"Implemented", "実施済"},
    {"Partially implemented", "一部実施"},
    {"Not implemented", "未実施"},
};

const char *isms_transition_proposal_name(enum isms_transition_proposal p)
{
    return proposal_names[p];
}

const struct isms_label *isms_transition_proposal_label(enum isms_transition_proposal p)
{
    return &proposal_labels[p];
}

const struct isms_label *isms_transition_implemented_label(enum isms_transition_implemented v)
{
    return &implemented_labels[(unsigned)v < ISMS_ARRAY_SIZE(implemented_labels) ? v : 0];
}

static const struct isms_transition_decision *find(const struct isms_transition_report *r,
                                                   const char *id)
{
    for (size_t i = 0; i < r->decision_count; i++)
        if (strcmp(r->decisions[i].control_id, id) == 0)
            return &r->decisions[i];
    return NULL;
}

/* Applicable where every decided source is, excluded where every one is. */
static void propose(struct isms_transition_item *item)
{
    size_t applicable = 0, excluded = 0, yes = 0, no = 0, partial = 0;

    for (size_t i = 0; i < item->source_count; i++) {
        const struct isms_transition_decision *d = item->sources[i].decision;
        if (!d)
            continue;
        d->applicable ? applicable++ : excluded++;
        yes += d->implemented == ISMS_TRANSITION_IMPL_YES;
        partial += d->implemented == ISMS_TRANSITION_IMPL_PARTIAL;
        no += d->implemented == ISMS_TRANSITION_IMPL_NO;
    }
    if (item->control->new_in_2022)
        item->proposal = ISMS_TRANSITION_ASSESS;
    else if (applicable && excluded)
        item->proposal = ISMS_TRANSITION_CONFLICT;
    else if (applicable)
        item->proposal = ISMS_TRANSITION_APPLICABLE;
    else
        item->proposal = excluded ? ISMS_TRANSITION_EXCLUDED : ISMS_TRANSITION_NO_SOURCE;
    if (item->proposal != ISMS_TRANSITION_APPLICABLE)
        item->implementation = ISMS_SOA_IMPL_UNSET;
    else if (yes == applicable)
        item->implementation = ISMS_SOA_IMPL_YES;
    else if (no == applicable)
        item->implementation = ISMS_SOA_IMPL_NO;
    else
        item->implementation = yes || partial ? ISMS_SOA_IMPL_PARTIAL : ISMS_SOA_IMPL_UNSET;
}

static void count(struct isms_transition_report *r, const struct isms_transition_item *item)
{
    r->new_count += item->proposal == ISMS_TRANSITION_ASSESS;
    r->merged_count += item->merged;
    r->conflict_count += item->proposal == ISMS_TRANSITION_CONFLICT;
    r->no_source_count += item->proposal == ISMS_TRANSITION_NO_SOURCE;
}

static int build(struct isms_transition_report *r, const struct isms_catalog *c2022,
                 const struct isms_catalog *c2013)
{
    size_t total = 0, used = 0;

    for (size_t i = 0; i < c2022->count; i++)
        total += c2022->controls[i].related_count;
    if (!(r->items = calloc(c2022->count, sizeof(*r->items))) ||
        !(r->sources = calloc(total ? total : 1, sizeof(*r->sources))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    for (size_t i = 0; i < c2022->count; i++) {
        struct isms_transition_item *item = &r->items[r->count++];
        item->control = &c2022->controls[i];
        item->sources = &r->sources[used];
        for (size_t k = 0; k < item->control->related_count; k++) {
            struct isms_transition_source *s = &r->sources[used];
            char id[ISMS_TRANSITION_ID_MAX + 1];
            if (!(s->control = isms_catalog_find(c2013, item->control->related[k])))
                continue;
            isms_transition_source_id(id, s->control);
            s->decision = find(r, id);
            used++;
            item->source_count++;
        }
        item->merged = item->source_count > 1;
        propose(item);
        count(r, item);
    }
    return 0;
}

int isms_transition_report(struct isms_transition_report *out, struct isms_store *store,
                           int64_t org_id)
{
    const struct isms_catalog *c2022 = isms_catalog_get(ISMS_CATALOG_27001_2022);
    const struct isms_catalog *c2013 = isms_catalog_get(ISMS_CATALOG_27002_2013);
    int error;

    memset(out, 0, sizeof(*out));
    if (!c2022 || !c2013)
        return isms_error_set(ISMS_ERROR, "the built-in catalogs are not loaded");
    if ((error = isms_store_transition_info(&out->info, store, org_id)) < 0 &&
        error != ISMS_ENOTFOUND)
        return error;
    if ((error = isms_store_transition_list(&out->decisions, &out->decision_count, store, org_id)) <
            0 ||
        (error = build(out, c2022, c2013)) < 0)
        isms_transition_report_release(out);
    return error;
}

void isms_transition_report_release(struct isms_transition_report *report)
{
    isms_transition_decisions_free(report->decisions, report->decision_count);
    free(report->items);
    free(report->sources);
    memset(report, 0, sizeof(*report));
}
