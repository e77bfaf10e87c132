/* The JSON form of assets (see asset_export.h), read and written. */
#include "isms_setup.h"
#include "catalog/retention_templates.h"
#include "export/asset_export.h"
#include "export/json.h"
#include "export/json_util.h"
#include "isms/asset.h"
#include "isms/org.h"
#include "util/buf.h"
#include "util/error.h"

static json_t *cloud_service(const struct isms_asset *a)
{
    json_t *obj;

    if (!a->cloud_service_id)
        return json_null();
    obj = json_object();
    if (isms_json_set(obj, "id", json_integer(a->cloud_service_id)) &&
        isms_json_set(obj, "name", json_string(a->cloud_service_name)))
        return obj;
    json_decref(obj);
    return NULL;
}

static bool set_retention(json_t *obj, const struct isms_asset *a)
{
    bool has_rule = a->retention.basis != ISMS_RETENTION_NONE || a->retention.period.permanent;
    char period[ISMS_RETENTION_PERIOD_SIZE] = "", basis_date[ISMS_DATE_SIZE], due[ISMS_DATE_SIZE];
    const char *basis = isms_retention_basis_name(a->retention.basis);

    if (has_rule)
        isms_retention_period_format(period, &a->retention.period);
    isms_date_format(basis_date, &a->retention.basis_date);
    isms_date_format(due, &a->deletion_due);
    return isms_json_set(obj, "retention_period", isms_json_string_or_null(period)) &&
           isms_json_set(obj, "retention_basis", basis ? json_string(basis) : json_null()) &&
           isms_json_set(obj, "retention_basis_date", isms_json_string_or_null(basis_date)) &&
           isms_json_set(obj, "deletion_due", isms_json_string_or_null(due));
}

json_t *isms_json_asset(const struct isms_asset *a)
{
    json_t *obj = json_object();

    if (isms_json_set(obj, "id", json_integer(a->id)) &&
        isms_json_set(obj, "name", json_string(a->name)) &&
        isms_json_set(obj, "type", json_string(isms_asset_type_name(a->type))) &&
        isms_json_set(obj, "owner", json_string(a->owner)) &&
        isms_json_set(obj, "classification",
                      json_string(isms_asset_classification_name(a->classification))) &&
        isms_json_set(obj, "confidentiality", json_integer(a->confidentiality)) &&
        isms_json_set(obj, "integrity", json_integer(a->integrity)) &&
        isms_json_set(obj, "availability", json_integer(a->availability)) &&
        isms_json_set(obj, "location", json_string(a->location)) &&
        isms_json_set(obj, "cloud_service", cloud_service(a)) && set_retention(obj, a) &&
        isms_json_set(obj, "notes", json_string(a->notes)) &&
        isms_json_set(obj, "created_at", json_string(a->created_at)) &&
        isms_json_set(obj, "updated_at", json_string(a->updated_at)))
        return obj;
    json_decref(obj);
    return NULL;
}

static int get_int(int64_t *out, const json_t *body, const char *key, int64_t absent)
{
    const json_t *value = json_object_get(body, key);

    *out = absent;
    if (!value || json_is_null(value))
        return 0;
    if (!json_is_integer(value))
        return isms_error_set(ISMS_EINVALID, _("'%s' must be an integer"), key);
    *out = json_integer_value(value);
    return 0;
}

static int get_cia(int *out, const json_t *body, const char *key)
{
    int64_t value;
    int error = get_int(&value, body, key, 0);

    if (error == 0 && (value < ISMS_ASSET_CIA_MIN || value > ISMS_ASSET_CIA_MAX))
        return isms_error_set(ISMS_EINVALID, _("'%s' must be %d to %d"), key, ISMS_ASSET_CIA_MIN,
                              ISMS_ASSET_CIA_MAX);
    *out = (int)value;
    return error;
}

static int read_enums(struct isms_asset_input *out, const json_t *body)
{
    const char *type, *classification;
    int error;

    if ((error = isms_json_optional_string(&type, body, "type")) < 0 ||
        (error = isms_json_optional_string(&classification, body, "classification")) < 0)
        return error;
    if (!type)
        return isms_error_set(ISMS_EINVALID, _("'type' is required"));
    if (!classification)
        return isms_error_set(ISMS_EINVALID, _("'classification' is required"));
    if ((error = isms_asset_type_parse(&out->type, type)) < 0 ||
        (error = isms_asset_classification_parse(&out->classification, classification)) < 0)
        return error;
    return 0;
}

int isms_json_asset_input(struct isms_asset_input *out, const json_t *body)
{
    const char *period, *basis, *basis_date, *template_id;
    int64_t cloud_service_id;
    int error;

    memset(out, 0, sizeof(*out));
    if ((error = isms_json_optional_string(&out->name, body, "name")) < 0 ||
        (error = isms_json_optional_string(&out->owner, body, "owner")) < 0 ||
        (error = isms_json_optional_string(&out->location, body, "location")) < 0 ||
        (error = isms_json_optional_string(&out->notes, body, "notes")) < 0 ||
        (error = read_enums(out, body)) < 0 ||
        (error = get_cia(&out->confidentiality, body, "confidentiality")) < 0 ||
        (error = get_cia(&out->integrity, body, "integrity")) < 0 ||
        (error = get_cia(&out->availability, body, "availability")) < 0 ||
        (error = get_int(&cloud_service_id, body, "cloud_service_id", 0)) < 0 ||
        (error = isms_json_optional_string(&period, body, "retention_period")) < 0 ||
        (error = isms_json_optional_string(&basis, body, "retention_basis")) < 0 ||
        (error = isms_json_optional_string(&basis_date, body, "retention_basis_date")) < 0 ||
        (error = isms_json_optional_string(&template_id, body, "retention_template")) < 0 ||
        (error = isms_retention_template_fill(&period, &basis, template_id)) < 0)
        return error;
    if (cloud_service_id < 0)
        return isms_error_set(ISMS_EINVALID, _("'cloud_service_id' must be positive"));
    out->cloud_service_id = cloud_service_id;
    return isms_retention_parse(&out->retention, period, basis, basis_date);
}

struct json_export {
    struct isms_buf *out;
    bool first;
};

static int write_asset_line(void *ctx, const struct isms_asset *asset)
{
    struct json_export *x = ctx;
    json_t *obj = isms_json_asset(asset);
    char *text = obj ? json_dumps(obj, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
    int error;

    json_decref(obj);
    if (!text)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    if ((error = isms_buf_puts(x->out, x->first ? "\n    " : ",\n    ")) == 0)
        error = isms_buf_puts(x->out, text);
    free(text);
    x->first = false;
    return error;
}

int isms_export_assets_json(struct isms_buf *out, struct isms_store *store,
                            const struct isms_org *org, const struct isms_asset_filter *filter)
{
    struct json_export x = {out, true};
    json_t *org_json = isms_json_org(org);
    char *org_text = org_json ? json_dumps(org_json, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
    int error;

    json_decref(org_json);
    if (!org_text)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    if ((error = isms_buf_printf(out, "{\n  \"org\": %s,\n  \"assets\": [", org_text)) == 0 &&
        (error = isms_asset_each(store, org->id, filter, write_asset_line, &x)) == 0)
        error = isms_buf_puts(out, x.first ? "]\n}\n" : "\n  ]\n}\n");
    free(org_text);
    return error;
}
