#include "isms_setup.h"
#include "model/risk.h"
#include "util/error.h"
#include "util/text.h"

static const char *const treatment_names[] = {
    [ISMS_RISK_MODIFY] = "modify",
    [ISMS_RISK_RETAIN] = "retain",
    [ISMS_RISK_AVOID] = "avoid",
    [ISMS_RISK_SHARE] = "share",
};

/* JIS Q 27001 6.1.3 / JIS Q 31000 terms. */
static const char *const treatment_labels_ja[] = {
    [ISMS_RISK_MODIFY] = "低減",
    [ISMS_RISK_RETAIN] = "保有",
    [ISMS_RISK_AVOID] = "回避",
    [ISMS_RISK_SHARE] = "共有",
};

static const char *const status_names[] = {
    [ISMS_RISK_OPEN] = "open",
    [ISMS_RISK_IN_TREATMENT] = "in_treatment",
    [ISMS_RISK_NOT_ASSESSED] = "residual_not_assessed",
    [ISMS_RISK_AWAITING_ACCEPTANCE] = "awaiting_acceptance",
    [ISMS_RISK_TREATED] = "treated",
    [ISMS_RISK_ACCEPTED] = "accepted",
};

static const char *const status_labels_ja[] = {
    [ISMS_RISK_OPEN] = "未対応",
    [ISMS_RISK_IN_TREATMENT] = "対応中",
    [ISMS_RISK_NOT_ASSESSED] = "残留リスク未評価",
    [ISMS_RISK_AWAITING_ACCEPTANCE] = "受容待ち",
    [ISMS_RISK_TREATED] = "対応済",
    [ISMS_RISK_ACCEPTED] = "受容済",
};

const char *isms_risk_treatment_name(enum isms_risk_treatment t)
{
    return t >= ISMS_RISK_MODIFY && t <= ISMS_RISK_SHARE ? treatment_names[t] : NULL;
}

const char *isms_risk_treatment_label_ja(enum isms_risk_treatment t)
{
    return t >= ISMS_RISK_MODIFY && t <= ISMS_RISK_SHARE ? treatment_labels_ja[t] : "";
}

int isms_risk_treatment_parse(enum isms_risk_treatment *out, const char *name)
{
    for (int i = ISMS_RISK_MODIFY; i <= ISMS_RISK_SHARE; i++)
        if (name && strcmp(name, treatment_names[i]) == 0) {
            *out = (enum isms_risk_treatment)i;
            return 0;
        }
    return isms_error_set(ISMS_EINVALID,
                          _("treatment must be 'modify', 'retain', 'avoid' or 'share', not '%s'"),
                          name ? name : "");
}

const char *isms_risk_status_name(enum isms_risk_status s)
{
    if (s < ISMS_RISK_OPEN || s > ISMS_RISK_ACCEPTED)
        ISMS_BUG("unknown risk status");
    return status_names[s];
}

const char *isms_risk_status_label_ja(enum isms_risk_status s)
{
    if (s < ISMS_RISK_OPEN || s > ISMS_RISK_ACCEPTED)
        ISMS_BUG("unknown risk status");
    return status_labels_ja[s];
}

void isms_risk_release(struct isms_risk *risk)
{
    free(risk->risk_source);
    free(risk->event);
    free(risk->consequence);
    free(risk->asset_ids);
    free(risk->controls);
    free(risk->accepted_comment);
    free(risk->accepted_reason);
    risk->accepted_comment = risk->accepted_reason = NULL;
    risk->risk_source = risk->event = risk->consequence = NULL;
    risk->asset_ids = NULL;
    risk->controls = NULL;
    risk->asset_count = risk->control_count = 0;
}

void isms_risk_list_release(struct isms_risk_list *list)
{
    for (size_t i = 0; i < list->count; i++)
        isms_risk_release(&list->items[i]);
    free(list->items);
    list->items = NULL;
    list->count = 0;
}
