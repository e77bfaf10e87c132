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
#ifndef ISMS_ISMS_RISK_TREATMENT_H
#define ISMS_ISMS_RISK_TREATMENT_H

#include "isms/risk.h"
#include "model/risk_treatment.h"

/* Makes risk `risk_id` select exactly `controls` (Annex A "A.5.23"/"5.23" or
 * 27017 "CLD.9.5.1" ids, at most ISMS_RISK_CONTROLS_MAX) and updates the
 * SoA as described above. ISMS_ENOTFOUND for an unknown control or risk.
 * Fills *out with the risk afterwards. */
int isms_risk_controls_set(struct isms_risk *out, struct isms_store *store, int64_t org_id,
                           int64_t risk_id, const char *const *controls, size_t count,
                           const struct isms_actor *actor);

/* Plan items of a risk, by due date. *out is malloc'd (free() it). */
int isms_risk_items_list(struct isms_risk_treatment_item **out, size_t *count,
                         struct isms_store *store, int64_t org_id, int64_t risk_id);

/* Adds (item_id 0) or replaces plan item `item_id` of risk `risk_id`.
 * ISMS_EINVALID naming the field; ISMS_ENOTFOUND for an unknown risk/item. */
int isms_risk_item_save(struct isms_risk_treatment_item *out, struct isms_store *store,
                        int64_t org_id, int64_t risk_id, int64_t item_id,
                        const struct isms_risk_item_input *in, const struct isms_actor *actor);

int isms_risk_item_delete(struct isms_store *store, int64_t org_id, int64_t risk_id,
                          int64_t item_id, const struct isms_actor *actor);

/* The whole plan of org `org_id`: every risk with a treatment decision (an
 * option, selected controls or plan items), in risk order, one row per plan
 * item by due date, one row without an item (has_item false) for a risk that
 * has none. Release with isms_risk_plan_release(). */
int isms_risk_plan_load(struct isms_risk_plan_row **out, size_t *count, struct isms_store *store,
                        int64_t org_id);

/* Whether the risk owner still has to accept the residual risk: it is
 * above the acceptance criteria and not accepted. */
bool isms_risk_acceptance_required(bool has_residual, bool residual_acceptable,
                                   const char *accepted_at);

#endif
