#include "isms_setup.h"
#include "export/cloud_service_json.h"
#include "export/json_util.h"
#include "isms/cloud_service.h"
#include "util/error.h"

static json_t *string_list(const char *const *items)
{
    json_t *array = json_array();

    for (size_t i = 0; array && items[i]; i++)
        if (json_array_append_new(array, json_string(items[i])) < 0) {
            json_decref(array);
            return NULL;
        }
    return array;
}

static json_t *responsibility(const struct isms_cloud_service *s)
{
    json_t *obj = json_object();

    if (isms_json_set(obj, "csp", string_list(isms_cloud_model_csp_layers(s->model))) &&
        isms_json_set(obj, "csc", string_list(isms_cloud_model_csc_layers(s->model))) &&
        isms_json_set(obj, "notes", json_string(s->responsibility_notes)))
        return obj;
    json_decref(obj);
    return NULL;
}

/* Only the name of another org is ever shown. */
static json_t *provider_org(const struct isms_cloud_service *s)
{
    json_t *obj;

    if (!s->provider_org_id)
        return json_null();
    obj = json_object();
    if (isms_json_set(obj, "id", json_integer(s->provider_org_id)) &&
        isms_json_set(obj, "name", json_string(s->provider_org_name)))
        return obj;
    json_decref(obj);
    return NULL;
}

static json_t *reasons(unsigned bits)
{
    json_t *array = json_array();

    for (unsigned bit = 1; array && bit <= ISMS_CLOUD_WHY_PERSONAL_CONTRACT; bit <<= 1)
        if ((bits & bit) &&
            json_array_append_new(array, json_string(isms_cloud_reason_name(bit))) < 0) {
            json_decref(array);
            return NULL;
        }
    return array;
}

/* The 5.23 agreement: {"contract", "sla", "data_location", "exit_plan",
 * "certifications": ["ismap", ...], "contract_end": "YYYY-MM-DD" or null}. */
static json_t *agreement(const struct isms_cloud_agreement *a)
{
    json_t *obj = json_object(), *certs = json_array();

    for (unsigned bit = 1; certs && bit <= ISMS_CLOUD_CERT_ALL; bit <<= 1)
        if (a->certifications & bit)
            json_array_append_new(certs, json_string(isms_cloud_cert_name(bit)));
    if (isms_json_set(obj, "contract", json_string(a->contract)) &&
        isms_json_set(obj, "sla", json_string(a->sla)) &&
        isms_json_set(obj, "data_location", json_string(a->data_location)) &&
        isms_json_set(obj, "exit_plan", json_string(a->exit_plan)) &&
        isms_json_set(obj, "certifications", certs) &&
        isms_json_set(obj, "contract_end",
                      a->contract_end[0] ? json_string(a->contract_end) : json_null()))
        return obj;
    json_decref(obj);
    return NULL;
}

static int read_agreement(struct isms_cloud_agreement_input *out, const json_t *body)
{
    const json_t *certs = json_object_get(body, "certifications");
    const json_t *end = json_object_get(body, "contract_end");
    const json_t *item;
    size_t i;
    int error;

    if ((error = isms_json_optional_string(&out->contract, body, "contract")) < 0 ||
        (error = isms_json_optional_string(&out->sla, body, "sla")) < 0 ||
        (error = isms_json_optional_string(&out->data_location, body, "data_location")) < 0 ||
        (error = isms_json_optional_string(&out->exit_plan, body, "exit_plan")) < 0)
        return error;
    if (end && !json_is_null(end) && !json_is_string(end))
        return isms_error_set(ISMS_EINVALID,
                              _("'contract_end' must be a date (YYYY-MM-DD) or null"));
    out->contract_end = json_is_string(end) ? json_string_value(end) : NULL;
    if (certs && !json_is_null(certs) && !json_is_array(certs))
        return isms_error_set(ISMS_EINVALID, _("'certifications' must be a list"));
    json_array_foreach(certs, i, item)
    {
        unsigned bit;
        if ((error = isms_cloud_cert_parse(&bit, json_string_value(item))) < 0)
            return error;
        out->certifications |= bit;
    }
    return 0;
}

json_t *isms_json_cloud_service(const struct isms_cloud_service *s)
{
    const struct isms_cloud_judgement *j = &s->judgement;
    json_t *obj = json_object();

    if (isms_json_set(obj, "id", json_integer(s->id)) &&
        isms_json_set(obj, "name", json_string(s->name)) &&
        isms_json_set(obj, "provider", json_string(s->provider)) &&
        isms_json_set(obj, "provider_org", provider_org(s)) &&
        isms_json_set(obj, "service_model", json_string(isms_cloud_model_name(s->model))) &&
        isms_json_set(obj, "responsibility", responsibility(s)) &&
        isms_json_set(obj, "department", json_string(s->department)) &&
        isms_json_set(obj, "managed_by", json_string(isms_cloud_managed_by_name(s->managed_by))) &&
        isms_json_set(obj, "risk_assessment",
                      json_string(isms_cloud_risk_name(s->risk_assessment))) &&
        isms_json_set(obj, "purpose", json_string(isms_cloud_purpose_name(s->purpose))) &&
        isms_json_set(obj, "cost_bearer", json_string(isms_cloud_cost_name(s->cost_bearer))) &&
        isms_json_set(obj, "shadow_category", json_integer(j->category)) &&
        isms_json_set(obj, "judgement", json_string(j->legitimate ? "legitimate" : "shadow")) &&
        isms_json_set(obj, "shadow_reasons", reasons(j->reasons)) &&
        isms_json_set(obj, "notes", json_string(s->notes)) &&
        isms_json_set(obj, "agreement", agreement(&s->agreement)) &&
        isms_json_set(obj, "created_at", json_string(s->created_at)) &&
        isms_json_set(obj, "updated_at", json_string(s->updated_at)))
        return obj;
    json_decref(obj);
    return NULL;
}

/* A required enum member: absent is an error naming it. */
#define READ_ENUM(field, key, parse)                                                               \
    do {                                                                                           \
        const char *text_;                                                                         \
        if ((error = isms_json_optional_string(&text_, body, key)) < 0)                            \
            return error;                                                                          \
        if (!text_)                                                                                \
            return isms_error_set(ISMS_EINVALID, _("'%s' is required"), key);                      \
        if ((error = parse(&out->field, text_)) < 0)                                               \
            return error;                                                                          \
    } while (0)

static int read_provider_org(const char **out, char id_buf[24], const json_t *body)
{
    const json_t *value = json_object_get(body, "provider_org");

    *out = NULL;
    if (!value || json_is_null(value))
        return 0;
    if (json_is_integer(value)) {
        snprintf(id_buf, 24, "%" JSON_INTEGER_FORMAT, json_integer_value(value));
        *out = id_buf;
        return 0;
    }
    if (json_is_string(value)) {
        *out = json_string_value(value);
        return 0;
    }
    /* The same shape the API returns: {"id": N, ...}. */
    if (json_is_object(value) && json_is_integer(json_object_get(value, "id"))) {
        snprintf(id_buf, 24, "%" JSON_INTEGER_FORMAT,
                 json_integer_value(json_object_get(value, "id")));
        *out = id_buf;
        return 0;
    }
    return isms_error_set(ISMS_EINVALID, _("'provider_org' must be an organization id or slug"));
}

int isms_json_cloud_service_input(struct isms_cloud_service_input *out, const char **provider_org,
                                  char id_buf[24], const json_t *body)
{
    int error;

    memset(out, 0, sizeof(*out));
    if ((error = isms_json_optional_string(&out->name, body, "name")) < 0 ||
        (error = isms_json_optional_string(&out->provider, body, "provider")) < 0 ||
        (error = isms_json_optional_string(&out->department, body, "department")) < 0 ||
        (error = isms_json_optional_string(&out->responsibility_notes, body,
                                           "responsibility_notes")) < 0 ||
        (error = isms_json_optional_string(&out->notes, body, "notes")) < 0 ||
        (error = read_provider_org(provider_org, id_buf, body)) < 0 ||
        (error = read_agreement(&out->agreement, json_object_get(body, "agreement")
                                                     ? json_object_get(body, "agreement")
                                                     : body)) < 0)
        return error;
    READ_ENUM(model, "service_model", isms_cloud_model_parse);
    READ_ENUM(managed_by, "managed_by", isms_cloud_managed_by_parse);
    READ_ENUM(risk_assessment, "risk_assessment", isms_cloud_risk_parse);
    READ_ENUM(purpose, "purpose", isms_cloud_purpose_parse);
    READ_ENUM(cost_bearer, "cost_bearer", isms_cloud_cost_parse);
    return 0;
}
