#include "isms_setup.h"
#include <strings.h>
#include "model/cloud_service.h"
#include "util/error.h"

/* A value's API name and the other spellings people use for it. */
struct term {
    const char *name;
    const char *aliases[5];
};

static const struct term model_terms[] = {
    [ISMS_CLOUD_IAAS] = {"iaas", {NULL}},
    [ISMS_CLOUD_PAAS] = {"paas", {NULL}},
    [ISMS_CLOUD_SAAS] = {"saas", {NULL}},
};

static const struct term managed_by_terms[] = {
    [ISMS_CLOUD_MANAGED_IT] = {"it", {"情シス管理", "情シス", "全社管理", "情報システム部門"}},
    [ISMS_CLOUD_MANAGED_DEPARTMENT] = {"department", {"部門管理", "部門"}},
    [ISMS_CLOUD_MANAGED_INDIVIDUAL] = {"individual",
                                       {"担当", "個人", "担当(個人)把握", "担当把握"}},
};

static const struct term risk_terms[] = {
    [ISMS_CLOUD_RISK_DONE] = {"done", {"実施", "リスクアセスメント実施", "済", "yes"}},
    [ISMS_CLOUD_RISK_INSUFFICIENT] = {"insufficient", {"不十分", "リスクアセスメント不十分"}},
    [ISMS_CLOUD_RISK_NOT_DONE] = {"not_done", {"未実施", "リスクアセスメント未実施", "未", "no"}},
};

static const struct term purpose_terms[] = {
    [ISMS_CLOUD_PURPOSE_WITHIN] = {"within", {"利用目的内", "目的内"}},
    [ISMS_CLOUD_PURPOSE_OUTSIDE] = {"outside", {"利用目的外", "目的外"}},
    [ISMS_CLOUD_PURPOSE_UNAPPROVED] = {"unapproved", {"未承認"}},
};

static const struct term cost_terms[] = {
    [ISMS_CLOUD_COST_COMPANY] = {"company", {"会社負担", "会社", "無料枠"}},
    [ISMS_CLOUD_COST_INDIVIDUAL] = {"individual", {"個人", "個人負担", "個人契約"}},
};

static const char *term_name(const struct term *terms, size_t count, int value)
{
    if (value < 1 || (size_t)value >= count)
        ISMS_BUG("cloud service value outside its enum");
    return terms[value].name;
}

static int term_parse(int *out, const struct term *terms, size_t count, const char *text,
                      const char *field)
{
    char accepted[128] = "";
    size_t used = 0;

    for (size_t v = 1; text && v < count; v++) {
        bool match = strcasecmp(text, terms[v].name) == 0;
        for (size_t i = 0; !match && i < ISMS_ARRAY_SIZE(terms[v].aliases); i++)
            match = terms[v].aliases[i] && strcmp(text, terms[v].aliases[i]) == 0;
        if (match) {
            *out = (int)v;
            return 0;
        }
    }
    for (size_t v = 1; v < count && used < sizeof(accepted); v++)
        used += (size_t)snprintf(accepted + used, sizeof(accepted) - used, "%s'%s'",
                                 v == 1           ? ""
                                 : v + 1 == count ? " or "
                                                  : ", ",
                                 terms[v].name);
    return isms_error_set(ISMS_EINVALID, _("'%s' must be %s, not '%.40s'"), field, accepted,
                          text ? text : "");
}

#define NAME_FN(fn, type, terms)                                                                   \
    const char *fn(type value)                                                                     \
    {                                                                                              \
        return term_name(terms, ISMS_ARRAY_SIZE(terms), (int)value);                               \
    }
#define PARSE_FN(fn, type, terms, field)                                                           \
    int fn(type *out, const char *text)                                                            \
    {                                                                                              \
        int value, error = term_parse(&value, terms, ISMS_ARRAY_SIZE(terms), text, field);         \
        if (error == 0)                                                                            \
            *out = (type)value;                                                                    \
        return error;                                                                              \
    }

NAME_FN(isms_cloud_model_name, enum isms_cloud_model, model_terms)
PARSE_FN(isms_cloud_model_parse, enum isms_cloud_model, model_terms, "service_model")
NAME_FN(isms_cloud_managed_by_name, enum isms_cloud_managed_by, managed_by_terms)
PARSE_FN(isms_cloud_managed_by_parse, enum isms_cloud_managed_by, managed_by_terms, "managed_by")
NAME_FN(isms_cloud_risk_name, enum isms_cloud_risk_assessment, risk_terms)
PARSE_FN(isms_cloud_risk_parse, enum isms_cloud_risk_assessment, risk_terms, "risk_assessment")
NAME_FN(isms_cloud_purpose_name, enum isms_cloud_purpose, purpose_terms)
PARSE_FN(isms_cloud_purpose_parse, enum isms_cloud_purpose, purpose_terms, "purpose")
NAME_FN(isms_cloud_cost_name, enum isms_cloud_cost_bearer, cost_terms)
PARSE_FN(isms_cloud_cost_parse, enum isms_cloud_cost_bearer, cost_terms, "cost_bearer")

const char *isms_cloud_reason_name(unsigned bit)
{
    switch (bit) {
    case ISMS_CLOUD_WHY_NOT_IT_MANAGED:
        return "not_it_managed";
    case ISMS_CLOUD_WHY_RISK_NOT_ASSESSED:
        return "risk_not_assessed";
    case ISMS_CLOUD_WHY_PURPOSE:
        return "outside_purpose";
    case ISMS_CLOUD_WHY_PERSONAL_CONTRACT:
        return "personal_contract";
    }
    return NULL;
}

static const struct {
    unsigned bit;
    const char *name, *label;
} certs[] = {
    {ISMS_CLOUD_CERT_ISMAP, "ismap", "ISMAP"},
    {ISMS_CLOUD_CERT_ISO27001, "iso27001", "ISO/IEC 27001"},
    {ISMS_CLOUD_CERT_ISO27017, "iso27017", "ISO/IEC 27017"},
    {ISMS_CLOUD_CERT_SOC2, "soc2", "SOC 2"},
};

const char *isms_cloud_cert_name(unsigned bit)
{
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(certs); i++)
        if (certs[i].bit == bit)
            return certs[i].name;
    return NULL;
}

const char *isms_cloud_cert_label(unsigned bit)
{
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(certs); i++)
        if (certs[i].bit == bit)
            return certs[i].label;
    return NULL;
}

int isms_cloud_cert_parse(unsigned *bit, const char *name)
{
    for (size_t i = 0; name && i < ISMS_ARRAY_SIZE(certs); i++)
        if (strcmp(certs[i].name, name) == 0) {
            *bit = certs[i].bit;
            return 0;
        }
    return isms_error_set(ISMS_EINVALID,
                          _("certification must be 'ismap', 'iso27001', 'iso27017' or 'soc2', "
                            "not '%.40s'"),
                          name ? name : "");
}
