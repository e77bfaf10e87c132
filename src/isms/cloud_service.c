#include "isms_setup.h"
#include <strings.h>
#include "isms/cloud_service.h"
#include "isms/org.h"
#include "model/retention.h"
#include "store/cloud_services.h"
#include "util/error.h"
#include "util/text.h"

void isms_cloud_judge(struct isms_cloud_judgement *out, enum isms_cloud_managed_by managed_by,
                      enum isms_cloud_risk_assessment risk, enum isms_cloud_purpose purpose,
                      enum isms_cloud_cost_bearer cost)
{
    unsigned reasons = 0;
    int category;

    /* Validates every value (aborts on a stray one) before deciding. */
    isms_cloud_managed_by_name(managed_by);
    isms_cloud_risk_name(risk);
    isms_cloud_purpose_name(purpose);
    isms_cloud_cost_name(cost);
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
    "facility",   "hardware",    "network", "virtualization", "os",
    "middleware", "application", "data",    "accounts",       NULL,
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
    static const char *const paas[] = {"facility", "hardware",   "network", "virtualization",
                                       "os",       "middleware", NULL};
    static const char *const saas[] = {"facility", "hardware",   "network",     "virtualization",
                                       "os",       "middleware", "application", NULL};
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
        return isms_error_set(ISMS_EINVALID,
                              _("'contract_end' must be a date (YYYY-MM-DD), not "
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
    isms_cloud_judge(&s->judgement, s->managed_by, s->risk_assessment, s->purpose, s->cost_bearer);
}

int isms_cloud_service_get(struct isms_cloud_service *out, struct isms_store *store, int64_t org_id,
                           int64_t id)
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
                                        struct isms_store *store, int64_t org_id, const char *until,
                                        int limit)
{
    return isms_store_cloud_contracts_ending(out, count, store, org_id, until, limit);
}
