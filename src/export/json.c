/*
 * JSON forms of orgs, catalogs and the SoA (see json.h), and the one JSON
 * reader the API needs: an SoA decision. Jansson reference rules: every
 * builder returns a new reference, and json_object_set_new / json_array_append_new
 * steal theirs, so a NULL from an inner builder is checked once at the end
 * (jansson's setters fail on NULL values and we report that as out of memory).
 */
#include "isms_setup.h"
#include "catalog/catalog.h"
#include "export/json.h"
#include "export/json_util.h"
#include "isms/org.h"
#include "isms/soa.h"
#include "util/error.h"

/* "Defence,Resilience" -> ["Defence", "Resilience"]; blanks around commas and
 * empty items are dropped so a hand-edited catalog row cannot add "". */
static json_t *split_list(const char *list)
{
    json_t *array = json_array();
    const char *p = list;

    while (array && *p) {
        size_t len = strcspn(p, ",");
        const char *start = p, *end = p + len;

        while (start < end && (*start == ' ' || *start == '\t'))
            start++;
        while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
            end--;
        if (end > start && !isms_json_append(array, json_stringn(start, (size_t)(end - start)))) {
            json_decref(array);
            return NULL;
        }
        p += len + (p[len] == ',');
    }
    return array;
}

json_t *isms_json_org(const struct isms_org *org)
{
    json_t *obj = json_object();

    if (isms_json_set(obj, "id", json_integer(org->id)) &&
        isms_json_set(obj, "slug", json_string(org->slug)) &&
        isms_json_set(obj, "name", json_string(org->name)) &&
        isms_json_set(obj, "role", json_string(isms_org_role_name(org->role))) &&
        isms_json_set(obj, "created_at", json_string(org->created_at)))
        return obj;
    json_decref(obj);
    return NULL;
}

static json_t *cloud_guidance(const struct isms_control *control)
{
    json_t *obj = json_object();

    if (isms_json_set(obj, "csc", json_boolean(control->cloud_csc)) &&
        isms_json_set(obj, "csp", json_boolean(control->cloud_csp)))
        return obj;
    json_decref(obj);
    return NULL;
}

static json_t *attributes(const struct isms_control *control)
{
    json_t *obj = json_object();

    if (isms_json_set(obj, "control_type", split_list(control->control_type)) &&
        isms_json_set(obj, "security_properties", split_list(control->security_properties)) &&
        isms_json_set(obj, "cybersecurity_concepts", split_list(control->cybersecurity_concepts)) &&
        isms_json_set(obj, "operational_capabilities",
                      split_list(control->operational_capabilities)) &&
        isms_json_set(obj, "security_domains", split_list(control->security_domains)))
        return obj;
    json_decref(obj);
    return NULL;
}

json_t *isms_json_control(const struct isms_control *control, const char *catalog_key)
{
    /* Attributes and "new" only mean something in the 2022 catalog; elsewhere
     * the keys are left out rather than sent empty, so clients can tell. */
    bool is_2022 = catalog_key && strcmp(catalog_key, ISMS_CATALOG_27001_2022) == 0;
    json_t *obj = json_object(), *related = json_array();
    bool ok = obj && related;

    for (size_t i = 0; ok && i < control->related_count; i++)
        ok = isms_json_append(related, json_string(control->related[i]));
    ok = ok && isms_json_set(obj, "id", json_string(control->id)) &&
         isms_json_set(obj, "group", json_string(control->group)) &&
         isms_json_set(obj, "title_en", json_string(control->title_en)) &&
         isms_json_set(obj, "title_ja", json_string(control->title_ja)) &&
         isms_json_set(obj, "summary_en", json_string(control->summary_en)) &&
         isms_json_set(obj, "summary_ja", json_string(control->summary_ja)) &&
         (!is_2022 || isms_json_set(obj, "attributes", attributes(control))) &&
         isms_json_set(obj, "cloud_guidance", cloud_guidance(control)) &&
         isms_json_set(obj, "related", json_incref(related)) &&
         (!is_2022 || isms_json_set(obj, "new_in_2022", json_boolean(control->new_in_2022)));
    json_decref(related);
    return isms_json_done(obj, ok);
}

json_t *isms_json_catalog(const struct isms_catalog *catalog, bool with_controls)
{
    json_t *obj = json_object(), *controls = with_controls ? json_array() : NULL;
    bool ok = obj && (!with_controls || controls);

    for (size_t i = 0; ok && with_controls && i < catalog->count; i++)
        ok = isms_json_append(controls, isms_json_control(&catalog->controls[i], catalog->key));
    ok = ok && isms_json_set(obj, "key", json_string(catalog->key)) &&
         isms_json_set(obj, "name_en", json_string(catalog->name_en)) &&
         isms_json_set(obj, "name_ja", json_string(catalog->name_ja)) &&
         isms_json_set(obj, "count", json_integer((json_int_t)catalog->count)) &&
         (!with_controls || isms_json_set(obj, "controls", json_incref(controls)));
    json_decref(controls);
    return isms_json_done(obj, ok);
}

static json_t *applicable_value(enum isms_soa_applicability applicability)
{
    switch (applicability) {
    case ISMS_SOA_APPLICABLE:
        return json_true();
    case ISMS_SOA_NOT_APPLICABLE:
        return json_false();
    case ISMS_SOA_UNDECIDED:
        break;
    }
    return json_null();
}

static json_t *basis_names(unsigned basis)
{
    json_t *array = json_array();

    for (unsigned bit = 1; array && bit <= ISMS_SOA_BASIS_ALL; bit <<= 1) {
        if (!(basis & bit))
            continue;
        if (!isms_json_append(array, json_string(isms_soa_basis_name(bit)))) {
            json_decref(array);
            return NULL;
        }
    }
    return array;
}

json_t *isms_json_soa_entry(const struct isms_soa_entry *entry)
{
    json_t *obj = json_object();

    if (isms_json_set(obj, "control_id", json_string(entry->control_id)) &&
        isms_json_set(obj, "catalog", json_string(entry->catalog_key)) &&
        isms_json_set(obj, "title_en", json_string(entry->control->title_en)) &&
        isms_json_set(obj, "title_ja", json_string(entry->control->title_ja)) &&
        isms_json_set(obj, "applicable", applicable_value(entry->applicability)) &&
        isms_json_set(obj, "inclusion_basis", basis_names(entry->inclusion_basis)) &&
        isms_json_set(obj, "inclusion_justification",
                      json_string(entry->inclusion_justification)) &&
        isms_json_set(
            obj, "implementation",
            isms_json_string_or_null(isms_soa_implementation_name(entry->implementation))) &&
        isms_json_set(obj, "exclusion_justification",
                      json_string(entry->exclusion_justification)) &&
        isms_json_set(obj, "responsibility",
                      json_string(isms_soa_responsibility_name(entry->responsibility))) &&
        isms_json_set(obj, "owner", json_string(entry->owner)) &&
        isms_json_set(obj, "updated_at", isms_json_string_or_null(entry->updated_at)) &&
        isms_json_set(obj, "cloud_guidance", cloud_guidance(entry->control)))
        return obj;
    json_decref(obj);
    return NULL;
}

static json_t *soa_summary(const struct isms_soa *soa)
{
    size_t applicable = 0, not_applicable = 0, implemented = 0;
    json_t *obj = json_object();

    for (size_t i = 0; i < soa->count; i++) {
        const struct isms_soa_entry *e = &soa->entries[i];
        applicable += e->applicability == ISMS_SOA_APPLICABLE;
        not_applicable += e->applicability == ISMS_SOA_NOT_APPLICABLE;
        implemented += e->applicability == ISMS_SOA_APPLICABLE &&
                       e->implementation == ISMS_SOA_IMPL_YES;
    }
    if (isms_json_set(obj, "controls", json_integer((json_int_t)soa->count)) &&
        isms_json_set(obj, "undecided", json_integer((json_int_t)isms_soa_undecided_count(soa))) &&
        isms_json_set(obj, "applicable", json_integer((json_int_t)applicable)) &&
        isms_json_set(obj, "not_applicable", json_integer((json_int_t)not_applicable)) &&
        isms_json_set(obj, "implemented", json_integer((json_int_t)implemented)))
        return obj;
    json_decref(obj);
    return NULL;
}

json_t *isms_json_soa(const struct isms_soa *soa)
{
    json_t *obj = json_object(), *entries = json_array();
    bool ok = obj && entries;

    for (size_t i = 0; ok && i < soa->count; i++)
        ok = isms_json_append(entries, isms_json_soa_entry(&soa->entries[i]));
    ok = ok && isms_json_set(obj, "org", isms_json_org(&soa->org)) &&
         isms_json_set(obj, "summary", soa_summary(soa)) &&
         isms_json_set(obj, "entries", json_incref(entries));
    json_decref(entries);
    return isms_json_done(obj, ok);
}

static int parse_basis(unsigned *out, const json_t *body)
{
    const json_t *list = json_object_get(body, "inclusion_basis");
    unsigned bit;
    int error;

    *out = 0;
    if (!list || json_is_null(list))
        return 0;
    if (!json_is_array(list))
        return isms_error_set(ISMS_EINVALID, _("'inclusion_basis' must be an array of strings"));
    for (size_t i = 0; i < json_array_size(list); i++) {
        const json_t *item = json_array_get(list, i);
        if (!json_is_string(item))
            return isms_error_set(ISMS_EINVALID,
                                  _("'inclusion_basis' must be an array of strings"));
        if ((error = isms_soa_basis_parse(&bit, json_string_value(item))) < 0)
            return error;
        *out |= bit;
    }
    return 0;
}

int isms_json_soa_decision(struct isms_soa_decision *out, const json_t *body)
{
    struct isms_soa_decision d = {0};
    const char *implementation, *responsibility;
    const struct {
        const char *key;
        const char **out;
    } fields[] = {
        {"inclusion_justification", &d.inclusion_justification},
        {"exclusion_justification", &d.exclusion_justification},
        {"owner", &d.owner},
        {"implementation", &implementation},
        {"responsibility", &responsibility},
    };
    const json_t *applicable;
    int error;

    if (!json_is_object(body))
        return isms_error_set(ISMS_EINVALID, _("an SoA decision must be a JSON object"));
    applicable = json_object_get(body, "applicable");
    if (!json_is_boolean(applicable))
        return isms_error_set(ISMS_EINVALID, _("'applicable' must be true or false"));
    d.applicability = json_is_true(applicable) ? ISMS_SOA_APPLICABLE : ISMS_SOA_NOT_APPLICABLE;
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(fields); i++)
        if ((error = isms_json_optional_string(fields[i].out, body, fields[i].key)) < 0)
            return error;
    if ((error = parse_basis(&d.inclusion_basis, body)) < 0)
        return error;
    if (implementation &&
        (error = isms_soa_implementation_parse(&d.implementation, implementation)) < 0)
        return error;
    if (responsibility &&
        (error = isms_soa_responsibility_parse(&d.responsibility, responsibility)) < 0)
        return error;
    *out = d;
    return 0;
}
