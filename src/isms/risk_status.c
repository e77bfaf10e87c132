/* A risk's status, derived from its data (isms_risk_status_of, risk.h). */
#include "isms_setup.h"
#include "isms/risk.h"

/* The plan is complete when it has items and none is still open. Retaining
 * a risk (ISO/IEC 27005 risk retention) is a decision without actions, so it
 * needs no item; modify, avoid and share are carried out by someone. */
static bool plan_complete(const struct isms_risk *r)
{
    if (r->open_items > 0)
        return false;
    return r->plan_items > 0 || r->treatment == ISMS_RISK_RETAIN;
}

/* Treated only when the plan is complete and the residual risk is assessed
 * and meets the acceptance criteria; a residual risk above them waits for the
 * owner's acceptance (ISO/IEC 27001 6.1.3 f). */
enum isms_risk_status isms_risk_status_of(const struct isms_risk *r)
{
    if (r->accepted_at[0])
        return ISMS_RISK_ACCEPTED;
    if (!r->treatment)
        return ISMS_RISK_OPEN;
    if (!plan_complete(r))
        return ISMS_RISK_IN_TREATMENT;
    if (!r->has_residual)
        return ISMS_RISK_NOT_ASSESSED;
    if (!r->residual_acceptable)
        return ISMS_RISK_AWAITING_ACCEPTANCE;
    return ISMS_RISK_TREATED;
}
