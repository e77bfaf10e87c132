/*
 * Risk matrix maths and the validation of custom definitions. Pure: no
 * store, no allocation.
 */
#include "isms_setup.h"
#include "model/risk_matrix.h"
#include "util/error.h"
#include "util/text.h"

static const char *const method_names[] = {
    [ISMS_RISK_ADDITIVE] = "additive",
    [ISMS_RISK_MULTIPLICATIVE] = "multiplicative",
    [ISMS_RISK_ASSET_THREAT_VULNERABILITY] = "asset_threat_vulnerability",
};

const char *isms_risk_method_name(enum isms_risk_method method)
{
    if (method < ISMS_RISK_ADDITIVE || method > ISMS_RISK_ASSET_THREAT_VULNERABILITY)
        ISMS_BUG("unknown risk method");
    return method_names[method];
}

int isms_risk_method_parse(enum isms_risk_method *out, const char *name)
{
    for (int m = ISMS_RISK_ADDITIVE; m <= ISMS_RISK_ASSET_THREAT_VULNERABILITY; m++)
        if (name && strcmp(name, method_names[m]) == 0) {
            *out = (enum isms_risk_method)m;
            return 0;
        }
    return isms_error_set(ISMS_EINVALID,
                          _("method must be 'additive', 'multiplicative' or "
                            "'asset_threat_vulnerability', not '%s'"),
                          name ? name : "");
}

const char *isms_risk_band_name(enum isms_risk_band band, const char *lang)
{
    static const char *const en[] = {
        [ISMS_RISK_LOW] = "low", [ISMS_RISK_MEDIUM] = "medium", [ISMS_RISK_HIGH] = "high"};
    static const char *const ja[] = {
        [ISMS_RISK_LOW] = "低", [ISMS_RISK_MEDIUM] = "中", [ISMS_RISK_HIGH] = "高"};

    if (band < ISMS_RISK_LOW || band > ISMS_RISK_HIGH)
        ISMS_BUG("unknown risk band");
    return lang && strcmp(lang, "ja") == 0 ? ja[band] : en[band];
}

const char *isms_risk_scale_label(const struct isms_risk_scale *scale, int value, const char *lang)
{
    if (value < scale->min || value > scale->max)
        return NULL;
    const struct isms_risk_label *label = &scale->labels[value - scale->min];
    return lang && strcmp(lang, "ja") == 0 ? label->ja : label->en;
}
