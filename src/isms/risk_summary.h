/*
 * What the dashboard shows of an organization's risk register: how many
 * risks are in each band (inherent and residual), the risks whose owner
 * still has to accept the residual risk (ISO/IEC 27001 6.1.3 f) and the
 * treatment plan items past their due date (6.1.3 e, 8.3).
 */
#ifndef ISMS_ISMS_RISK_SUMMARY_H
#define ISMS_ISMS_RISK_SUMMARY_H

#include "isms/risk.h"
#include "isms/risk_treatment.h"
#include "model/retention.h"

/* Most rows a dashboard list may ask for. */
#define ISMS_RISK_SUMMARY_LIMIT_MAX 100

struct isms_risk_band_counts {
    int64_t inherent[3]; /* [band - ISMS_RISK_LOW], by the risk level */
    int64_t residual[3]; /* by the residual level, risks with residual scores only */
    int64_t total;       /* all risks of the org */
    int64_t without_residual;
};

/* Counts org `org_id`'s risks per band. */
int isms_risk_count_by_band(struct isms_risk_band_counts *out, struct isms_store *store,
                            int64_t org_id);

/* Plan items of org `org_id` still planned or in progress whose due date is
 * before `today`, earliest first, at most `limit` (1..ISMS_RISK_SUMMARY_LIMIT_MAX);
 * *total counts them all. Release with isms_risk_plan_release(). */
int isms_risk_overdue_items(struct isms_risk_plan_row **out, size_t *count, int64_t *total,
                            struct isms_store *store, int64_t org_id, const struct isms_date *today,
                            int64_t limit);

/* Risks of org `org_id` waiting for the owner's acceptance
 * (isms_risk_acceptance_required), highest residual level first, at most
 * `limit` (1..ISMS_RISK_SUMMARY_LIMIT_MAX). Release with isms_risk_list_release(). */
int isms_risk_awaiting_acceptance(struct isms_risk_list *out, struct isms_store *store,
                                  int64_t org_id, int64_t limit);

#endif
