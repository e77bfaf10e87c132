#include "isms_setup.h"
#include "isms/risk_summary.h"
#include "store/risk_search.h"
#include "store/risk_treatment.h"
#include "util/error.h"

static int check_limit(int64_t limit)
{
    if (limit < 1 || limit > ISMS_RISK_SUMMARY_LIMIT_MAX)
        return isms_error_set(ISMS_EINVALID, _("'limit' must be 1..%d"),
                              ISMS_RISK_SUMMARY_LIMIT_MAX);
    return 0;
}

int isms_risk_count_by_band(struct isms_risk_band_counts *out, struct isms_store *store,
                            int64_t org_id)
{
    int64_t with_residual = 0;
    int error;

    memset(out, 0, sizeof(*out));
    if ((error = isms_store_risk_band_counts(out->inherent, out->residual, store, org_id)) < 0)
        return error;
    for (int i = 0; i < 3; i++) {
        out->total += out->inherent[i];
        with_residual += out->residual[i];
    }
    out->without_residual = out->total - with_residual;
    return 0;
}

int isms_risk_overdue_items(struct isms_risk_plan_row **out, size_t *count, int64_t *total,
                            struct isms_store *store, int64_t org_id, const struct isms_date *today,
                            int64_t limit)
{
    char date[ISMS_DATE_SIZE];
    int error;

    *out = NULL;
    *count = 0;
    *total = 0;
    if ((error = check_limit(limit)) < 0)
        return error;
    /* Due dates are "YYYY-MM-DD": text order is date order. */
    isms_date_format(date, today);
    return isms_store_risk_overdue_items(out, count, total, store, org_id, date, limit);
}

int isms_risk_awaiting_acceptance(struct isms_risk_list *out, struct isms_store *store,
                                  int64_t org_id, int64_t limit)
{
    int error;

    memset(out, 0, sizeof(*out));
    if ((error = check_limit(limit)) < 0)
        return error;
    if ((error = isms_store_risk_awaiting_acceptance(out, store, org_id, limit)) < 0)
        return error;
    isms_risk_list_derive(out);
    return 0;
}
