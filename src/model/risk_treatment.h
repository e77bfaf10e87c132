/*
 * Risk treatment (ISO/IEC 27001 6.1.3): the controls selected for a risk
 * and the treatment plan items (what, who, by when, how far).
 *
 * Selecting a control makes the organization's Statement of Applicability
 * agree, in the same transaction: the control becomes applicable with the
 * risk-treatment basis and a justification line "risk #42: <title>" added
 * to whatever justification it had; an excluded control becomes applicable
 * and loses its exclusion justification (the journal detail says so).
 * Dropping a control removes that line; the risk basis goes when no other
 * risk selects the control and something else still justifies it.
 */
#ifndef ISMS_MODEL_RISK_TREATMENT_H
#define ISMS_MODEL_RISK_TREATMENT_H

#include "model/risk.h"

enum isms_risk_item_status {
    ISMS_RISK_ITEM_PLANNED = 1,
    ISMS_RISK_ITEM_IN_PROGRESS,
    ISMS_RISK_ITEM_DONE,
    ISMS_RISK_ITEM_CANCELLED,
};

#define ISMS_RISK_ACTION_MAX 2000
#define ISMS_RISK_DATE_SIZE 11 /* "YYYY-MM-DD" + NUL */

struct isms_risk_treatment_item {
    int64_t id;
    int64_t org_id;
    int64_t risk_id;
    char action[ISMS_RISK_ACTION_MAX + 1];
    char owner[ISMS_RISK_OWNER_MAX + 1];
    char due_date[ISMS_RISK_DATE_SIZE];
    enum isms_risk_item_status status;
    char created_at[ISMS_TIMESTAMP_SIZE];
    char updated_at[ISMS_TIMESTAMP_SIZE];
};

/* What a user gives for a plan item; status 0 means "planned". */
struct isms_risk_item_input {
    const char *action;
    const char *owner;
    const char *due_date; /* YYYY-MM-DD */
    enum isms_risk_item_status status;
};

/* One row of the organization-wide treatment plan (an item and its risk). */
struct isms_risk_plan_row {
    bool has_item;                        /* false: a decided risk with no plan item yet */
    struct isms_risk_treatment_item item; /* item.risk_id is set either way */
    int64_t risk_number;                  /* the org's number of the risk */
    char risk_title[ISMS_RISK_TITLE_MAX + 1];
    char risk_owner[ISMS_RISK_OWNER_MAX + 1];
    int level;
    enum isms_risk_band band;
    enum isms_risk_treatment treatment;
    bool has_residual;
    int residual_level;
    bool residual_acceptable;
    char accepted_by[ISMS_RISK_OWNER_MAX + 1];
    char accepted_at[ISMS_TIMESTAMP_SIZE];
    char *controls; /* "A.5.23, CLD.9.5.1"; owned, never NULL */
};

/* "planned", "in_progress", "done", "cancelled". */
const char *isms_risk_item_status_name(enum isms_risk_item_status s);
const char *isms_risk_item_status_label_ja(enum isms_risk_item_status s);
int isms_risk_item_status_parse(enum isms_risk_item_status *out, const char *name);
void isms_risk_plan_release(struct isms_risk_plan_row *rows, size_t count);

#endif
