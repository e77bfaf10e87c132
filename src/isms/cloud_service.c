#include "isms_setup.h"
#include <strings.h>
#include "isms/cloud_service.h"
#include "isms/org.h"
#include "isms/retention.h"
#include "store/cloud_services.h"
#include "util/error.h"
#include "util/text.h"

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
    [ISMS_CLOUD_MANAGED_INDIVIDUAL] = {"individual", {"担当", "個人", "担当(個人)把握", "担当把握"}},
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
                                 v == 1 ? "" : v + 1 == count ? " or " : ", ", terms[v].name);
    return isms_error_set(ISMS_EINVALID, _("'%s' must be %s, not '%.40s'"), field, accepted,
                          text ? text : "");
}

#define NAME_FN(fn, type, terms)                                                               \
    const char *fn(type value)                                                                 \
    {                                                                                          \
        return term_name(terms, ISMS_ARRAY_SIZE(terms), (int)value);                           \
    }
#define PARSE_FN(fn, type, terms, field)                                                       \
    int fn(type *out, const char *text)                                                        \
    {                                                                                          \
        int value, error = term_parse(&value, terms, ISMS_ARRAY_SIZE(terms), text, field);     \
        if (error == 0)                                                                        \
            *out = (type)value;                                                                \
        return error;                                                                          \
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

void isms_cloud_judge(struct isms_cloud_judgement *out, enum isms_cloud_managed_by managed_by,
                      enum isms_cloud_risk_assessment risk, enum isms_cloud_purpose purpose,
                      enum isms_cloud_cost_bearer cost)
{
    unsigned reasons = 0;
    int category;

    /* Validates every value (aborts on a stray one) before deciding. */
    term_name(managed_by_terms, ISMS_ARRAY_SIZE(managed_by_terms), (int)managed_by);
    term_name(risk_terms, ISMS_ARRAY_SIZE(risk_terms), (int)risk);
    term_name(purpose_terms, ISMS_ARRAY_SIZE(purpose_terms), (int)purpose);
    term_name(cost_terms, ISMS_ARRAY_SIZE(cost_terms), (int)cost);
    /* A personal contract is outside company management whoever knows of it. */
    if (cost == ISMS_CLOUD_COST_INDIVIDUAL)
        category = 4;
    else
        category = managed_by == ISMS_CLOUD_MANAGED_IT           ? 1
                   : managed_by == ISMS_CLOUD_MANAGED_DEPARTMENT ? 2
                                                                 : 3;
    if (category != 1)
        reasons |= ISMS_CLOUD_WHY_NOT_IT_MANAGED;
    if (risk != ISMS_CLOUD_RISK_DONE)
        reasons |= ISMS_CLOUD_WHY_RISK_NOT_ASSESSED;
    if (purpose != ISMS_CLOUD_PURPOSE_WITHIN)
        reasons |= ISMS_CLOUD_WHY_PURPOSE;
    if (cost == ISMS_CLOUD_COST_INDIVIDUAL)
        reasons |= ISMS_CLOUD_WHY_PERSONAL_CONTRACT;
    *out = (struct isms_cloud_judgement){category, reasons == 0, reasons};
}

/* The stack from the building up; a model hands the lower part to the provider. */
static const char *const layers[] = {
    "facility", "hardware", "network", "virtualization", "os",
    "middleware", "application", "data", "accounts", NULL,
};

/* How many layers from the bottom the provider secures under each model. */
static size_t provider_layer_count(enum isms_cloud_model model)
{
    switch (model) {
    case ISMS_CLOUD_IAAS:
        return 4; /* up to virtualization */
    case ISMS_CLOUD_PAAS:
        return 6; /* plus OS and middleware */
    case ISMS_CLOUD_SAAS:
        return 7; /* plus the application */
    }
    ISMS_BUG("unknown cloud service model");
}

const char *const *isms_cloud_model_csp_layers(enum isms_cloud_model model)
{
    static const char *const iaas[] = {"facility", "hardware", "network", "virtualization", NULL};
    static const char *const paas[] = {"facility", "hardware", "network", "virtualization",
                                       "os", "middleware", NULL};
    static const char *const saas[] = {"facility", "hardware", "network", "virtualization",
                                       "os", "middleware", "application", NULL};
    size_t n = provider_layer_count(model);

    return n == 4 ? iaas : n == 6 ? paas : saas;
}

const char *const *isms_cloud_model_csc_layers(enum isms_cloud_model model)
{
    return layers + provider_layer_count(model);
}

static int check_text(const char *s, size_t max, bool multiline, const char *field)
{
    return isms_text_check(s ? s : "", max, multiline, field);
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

static int check_agreement(const struct isms_cloud_agreement_input *a)
{
    struct isms_date end;
    int error;

    if ((error = check_text(a->contract, ISMS_CLOUD_TEXT_MAX, true, "contract")) < 0 ||
        (error = check_text(a->sla, ISMS_CLOUD_TEXT_MAX, true, "sla")) < 0 ||
        (error = check_text(a->data_location, ISMS_CLOUD_NAME_MAX, false, "data_location")) < 0 ||
        (error = check_text(a->exit_plan, ISMS_CLOUD_TEXT_MAX, true, "exit_plan")) < 0)
        return error;
    if (a->certifications & ~ISMS_CLOUD_CERT_ALL)
        return isms_error_set(ISMS_EINVALID, _("unknown certification"));
    if (a->contract_end && *a->contract_end && isms_date_parse(&end, a->contract_end) < 0)
        return isms_error_set(ISMS_EINVALID, _("'contract_end' must be a date (YYYY-MM-DD), not "
                                             "'%.40s'"),
                              a->contract_end);
    return 0;
}

static int check_input(struct isms_store *store, const struct isms_cloud_service_input *in)
{
    struct isms_org provider;
    int error;

    if (!in->name || !*in->name)
        return isms_error_set(ISMS_EINVALID, _("'name' is required"));
    if ((error = check_text(in->name, ISMS_CLOUD_NAME_MAX, false, "name")) < 0 ||
        (error = check_text(in->provider, ISMS_CLOUD_NAME_MAX, false, "provider")) < 0 ||
        (error = check_text(in->department, ISMS_CLOUD_NAME_MAX, false, "department")) < 0 ||
        (error = check_text(in->responsibility_notes, ISMS_CLOUD_TEXT_MAX, true,
                            "responsibility_notes")) < 0 ||
        (error = check_text(in->notes, ISMS_CLOUD_TEXT_MAX, true, "notes")) < 0 ||
        (error = check_agreement(&in->agreement)) < 0)
        return error;
    if (in->model < ISMS_CLOUD_IAAS || in->model > ISMS_CLOUD_SAAS)
        return isms_error_set(ISMS_EINVALID, _("'service_model' must be 'iaas', 'paas' or 'saas'"));
    if (in->managed_by < ISMS_CLOUD_MANAGED_IT || in->managed_by > ISMS_CLOUD_MANAGED_INDIVIDUAL)
        return isms_error_set(ISMS_EINVALID, _("'managed_by' is required"));
    if (in->risk_assessment < ISMS_CLOUD_RISK_DONE ||
        in->risk_assessment > ISMS_CLOUD_RISK_NOT_DONE)
        return isms_error_set(ISMS_EINVALID, _("'risk_assessment' is required"));
    if (in->purpose < ISMS_CLOUD_PURPOSE_WITHIN || in->purpose > ISMS_CLOUD_PURPOSE_UNAPPROVED)
        return isms_error_set(ISMS_EINVALID, _("'purpose' is required"));
    if (in->cost_bearer < ISMS_CLOUD_COST_COMPANY || in->cost_bearer > ISMS_CLOUD_COST_INDIVIDUAL)
        return isms_error_set(ISMS_EINVALID, _("'cost_bearer' is required"));
    if (in->provider_org_id == 0)
        return 0;
    if ((error = isms_org_get(&provider, store, in->provider_org_id)) < 0)
        return error == ISMS_ENOTFOUND
                   ? isms_error_set(ISMS_EINVALID, _("'provider_org' is not an organization"))
                   : error;
    if (provider.role == ISMS_ORG_CSC)
        return isms_error_set(ISMS_EINVALID, _("'provider_org' must be a cloud service provider "
                                             "(an org with role 'csp' or 'both')"));
    return 0;
}

static void copy_input(struct isms_cloud_service *s, const struct isms_cloud_service_input *in)
{
#define COPY(field, value) snprintf(s->field, sizeof(s->field), "%s", (value) ? (value) : "")
    COPY(name, in->name);
    COPY(provider, in->provider);
    COPY(responsibility_notes, in->responsibility_notes);
    COPY(department, in->department);
    COPY(notes, in->notes);
    COPY(agreement.contract, in->agreement.contract);
    COPY(agreement.sla, in->agreement.sla);
    COPY(agreement.data_location, in->agreement.data_location);
    COPY(agreement.exit_plan, in->agreement.exit_plan);
    COPY(agreement.contract_end, in->agreement.contract_end);
#undef COPY
    s->agreement.certifications = in->agreement.certifications;
    s->provider_org_id = in->provider_org_id;
    s->provider_org_name[0] = '\0';
    s->model = in->model;
    s->managed_by = in->managed_by;
    s->risk_assessment = in->risk_assessment;
    s->purpose = in->purpose;
    s->cost_bearer = in->cost_bearer;
    isms_time_now(s->updated_at);
}

static void judge(struct isms_cloud_service *s)
{
    isms_cloud_judge(&s->judgement, s->managed_by, s->risk_assessment, s->purpose,
                     s->cost_bearer);
}

int isms_cloud_service_get(struct isms_cloud_service *out, struct isms_store *store,
                           int64_t org_id, int64_t id)
{
    int error = isms_store_cloud_service_get(out, store, org_id, id);

    if (error == 0)
        judge(out);
    return error;
}

int isms_cloud_service_list(struct isms_cloud_service **out, size_t *count,
                            struct isms_store *store, int64_t org_id)
{
    int error = isms_store_cloud_service_list(out, count, store, org_id);

    for (size_t i = 0; error == 0 && i < *count; i++)
        judge(&(*out)[i]);
    return error;
}

int isms_cloud_service_create(struct isms_cloud_service *out, struct isms_store *store,
                              int64_t org_id, const struct isms_cloud_service_input *in,
                              const struct isms_actor *actor)
{
    struct isms_cloud_service *s;
    int error;

    if ((error = check_input(store, in)) < 0)
        return error;
    if (!(s = calloc(1, sizeof(*s))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    s->org_id = org_id;
    copy_input(s, in);
    memcpy(s->created_at, s->updated_at, sizeof(s->created_at));
    if ((error = isms_store_cloud_service_insert(store, s, actor)) == 0)
        error = isms_cloud_service_get(out, store, org_id, s->id);
    free(s);
    return error;
}

int isms_cloud_service_update(struct isms_cloud_service *out, struct isms_store *store,
                              int64_t org_id, int64_t id, const struct isms_cloud_service_input *in,
                              const struct isms_actor *actor)
{
    struct isms_cloud_service *s;
    int error;

    if (!(s = calloc(1, sizeof(*s))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    if ((error = isms_store_cloud_service_get(s, store, org_id, id)) < 0 ||
        (error = check_input(store, in)) < 0)
        goto done;
    copy_input(s, in);
    if ((error = isms_store_cloud_service_update(store, s, actor)) == 0)
        error = isms_cloud_service_get(out, store, org_id, id);
done:
    free(s);
    return error;
}

int isms_cloud_service_delete(struct isms_store *store, int64_t org_id, int64_t id,
                              const struct isms_actor *actor)
{
    return isms_store_cloud_service_delete(store, org_id, id, actor);
}

int isms_cloud_service_contracts_ending(struct isms_cloud_service **out, size_t *count,
                                        struct isms_store *store, int64_t org_id,
                                        const char *until, int limit)
{
    return isms_store_cloud_contracts_ending(out, count, store, org_id, until, limit);
}
