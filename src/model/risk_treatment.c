#include "isms_setup.h"
#include "model/risk_treatment.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/text.h"

static const char *const item_status_names[] = {
    [ISMS_RISK_ITEM_PLANNED] = "planned",
    [ISMS_RISK_ITEM_IN_PROGRESS] = "in_progress",
    [ISMS_RISK_ITEM_DONE] = "done",
    [ISMS_RISK_ITEM_CANCELLED] = "cancelled",
};

static const char *const item_status_labels_ja[] = {
    [ISMS_RISK_ITEM_PLANNED] = "計画",
    [ISMS_RISK_ITEM_IN_PROGRESS] = "実施中",
    [ISMS_RISK_ITEM_DONE] = "完了",
    [ISMS_RISK_ITEM_CANCELLED] = "中止",
};

const char *isms_risk_item_status_name(enum isms_risk_item_status s)
{
    if (s < ISMS_RISK_ITEM_PLANNED || s > ISMS_RISK_ITEM_CANCELLED)
        ISMS_BUG("unknown treatment item status");
    return item_status_names[s];
}

const char *isms_risk_item_status_label_ja(enum isms_risk_item_status s)
{
    if (s < ISMS_RISK_ITEM_PLANNED || s > ISMS_RISK_ITEM_CANCELLED)
        ISMS_BUG("unknown treatment item status");
    return item_status_labels_ja[s];
}

int isms_risk_item_status_parse(enum isms_risk_item_status *out, const char *name)
{
    for (int i = ISMS_RISK_ITEM_PLANNED; i <= ISMS_RISK_ITEM_CANCELLED; i++)
        if (name && strcmp(name, item_status_names[i]) == 0) {
            *out = (enum isms_risk_item_status)i;
            return 0;
        }
    return isms_error_set(ISMS_EINVALID,
                          _("status must be 'planned', 'in_progress', 'done' or "
                            "'cancelled', not '%s'"),
                          name ? name : "");
}

void isms_risk_plan_release(struct isms_risk_plan_row *rows, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free(rows[i].controls);
    free(rows);
}
