#include "isms_setup.h"
#include "export/json_util.h"
#include "export/risk_matrix_json.h"
#include "isms/risk_matrix.h"
#include "util/error.h"

static json_t *label_json(const struct isms_risk_label *label)
{
    return json_pack("{s:s, s:s}", "ja", label->ja, "en", label->en);
}

static json_t *scale_json(const struct isms_risk_scale *s)
{
    json_t *obj = json_object(), *labels = json_array();
    bool ok = isms_json_set(obj, "min", json_integer(s->min)) &&
              isms_json_set(obj, "max", json_integer(s->max)) &&
              isms_json_set(obj, "name", label_json(&s->name));

    for (int v = s->min; ok && v <= s->max; v++)
        ok = isms_json_append(labels,
                              json_pack("{s:i, s:s, s:s}", "value", v, "ja",
                                        s->labels[v - s->min].ja, "en", s->labels[v - s->min].en));
    if (ok && isms_json_set(obj, "labels", labels))
        return obj;
    if (!ok)
        json_decref(labels);
    json_decref(obj);
    return NULL;
}

/* Levels of every likelihood x impact cell, rows by likelihood. */
static json_t *table_json(const struct isms_risk_matrix *m)
{
    json_t *rows = json_array();

    for (int l = m->likelihood.min; rows && l <= m->likelihood.max; l++) {
        json_t *row = json_array();
        for (int i = m->impact.min; row && i <= m->impact.max; i++) {
            int level = 0;
            isms_risk_matrix_level(&level, m,
                                   &(struct isms_risk_score){.likelihood = l, .impact = i});
            if (!isms_json_append(row, json_integer(level))) {
                json_decref(row);
                row = NULL;
            }
        }
        if (!isms_json_append(rows, row)) {
            json_decref(rows);
            return NULL;
        }
    }
    return rows;
}

json_t *isms_json_risk_matrix(const struct isms_risk_matrix *m)
{
    bool atv = m->method == ISMS_RISK_ASSET_THREAT_VULNERABILITY;
    json_t *obj = json_object();
    int lo, hi;

    isms_risk_matrix_level_range(m, &lo, &hi);
    if (isms_json_set(obj, "key", json_string(m->key)) &&
        (m->id == 0 || isms_json_set(obj, "id", json_integer(m->id))) &&
        isms_json_set(obj, "builtin", json_boolean(m->id == 0)) &&
        isms_json_set(obj, "name_ja", json_string(m->name_ja)) &&
        isms_json_set(obj, "name_en", json_string(m->name_en)) &&
        isms_json_set(obj, "method", json_string(isms_risk_method_name(m->method))) &&
        isms_json_set(obj, "likelihood", scale_json(&m->likelihood)) &&
        isms_json_set(obj, "impact", scale_json(&m->impact)) &&
        (!atv || isms_json_set(obj, "vulnerability", scale_json(&m->vulnerability))) &&
        isms_json_set(obj, "acceptance_threshold", json_integer(m->acceptance_threshold)) &&
        isms_json_set(
            obj, "bands",
            json_pack("{s:i, s:i}", "medium_from", m->medium_from, "high_from", m->high_from)) &&
        isms_json_set(obj, "levels", json_pack("{s:i, s:i}", "min", lo, "max", hi)) &&
        (atv || isms_json_set(obj, "table", table_json(m))))
        return obj;
    json_decref(obj);
    return NULL;
}

/* --- reading a definition --- */

static int read_string(char *out, size_t size, const json_t *obj, const char *key,
                       const char *field)
{
    const json_t *value = json_object_get(obj, key);

    if (!value || json_is_null(value))
        return isms_error_set(ISMS_EINVALID, _("'%s' is required"), field);
    if (!json_is_string(value))
        return isms_error_set(ISMS_EINVALID, _("'%s' must be a string"), field);
    if (json_string_length(value) >= size)
        return isms_error_set(ISMS_ETOOBIG, _("'%s' is longer than %zu bytes"), field, size - 1);
    memcpy(out, json_string_value(value), json_string_length(value) + 1);
    return 0;
}

/* Bounds keep every later sum and product far from int overflow; the real
 * limits are checked by isms_risk_matrix_validate with better messages. */
static int read_int(int *out, const json_t *obj, const char *key, const char *field)
{
    const json_t *value = json_object_get(obj, key);

    if (!value || json_is_null(value))
        return isms_error_set(ISMS_EINVALID, _("'%s' is required"), field);
    if (!json_is_integer(value) || json_integer_value(value) < -100000 ||
        json_integer_value(value) > 100000)
        return isms_error_set(ISMS_EINVALID, _("'%s' must be an integer"), field);
    *out = (int)json_integer_value(value);
    return 0;
}

static int read_object(const json_t **out, const json_t *obj, const char *key, const char *field)
{
    *out = json_object_get(obj, key);
    if (!*out || !json_is_object(*out))
        return isms_error_set(ISMS_EINVALID, _("'%s' must be an object"), field);
    return 0;
}

static int read_label(struct isms_risk_label *out, const json_t *obj, const char *field)
{
    char name[128]; /* field names are under 96 bytes; room for the suffix */
    int error;

    snprintf(name, sizeof(name), "%s.ja", field);
    if ((error = read_string(out->ja, sizeof(out->ja), obj, "ja", name)) < 0)
        return error;
    snprintf(name, sizeof(name), "%s.en", field);
    return read_string(out->en, sizeof(out->en), obj, "en", name);
}

static int read_labels(struct isms_risk_scale *s, const json_t *labels, const char *axis)
{
    char field[96];
    size_t count = (size_t)(s->max - s->min + 1);
    int error;

    if (!json_is_array(labels) || json_array_size(labels) != count)
        return isms_error_set(ISMS_EINVALID,
                              "'%s.labels' must be an array of %zu labels, one "
                              "per value %d..%d",
                              axis, count, s->min, s->max);
    for (size_t i = 0; i < count; i++) {
        const json_t *item = json_array_get(labels, i);
        const json_t *value = json_object_get(item, "value");
        snprintf(field, sizeof(field), "%s.labels[%zu]", axis, i);
        if (!json_is_object(item))
            return isms_error_set(ISMS_EINVALID, _("'%s' must be an object"), field);
        if (value && !(json_is_integer(value) && json_integer_value(value) == s->min + (int)i))
            return isms_error_set(ISMS_EINVALID, _("'%s.value' must be %d"), field,
                                  s->min + (int)i);
        if ((error = read_label(&s->labels[i], item, field)) < 0)
            return error;
    }
    return 0;
}

static int read_scale(struct isms_risk_scale *s, const json_t *body, const char *axis)
{
    const json_t *obj, *name;
    char field[64];
    int error;

    if ((error = read_object(&obj, body, axis, axis)) < 0)
        return error;
    snprintf(field, sizeof(field), "%s.min", axis);
    if ((error = read_int(&s->min, obj, "min", field)) < 0)
        return error;
    snprintf(field, sizeof(field), "%s.max", axis);
    if ((error = read_int(&s->max, obj, "max", field)) < 0)
        return error;
    if (s->min < 0 || s->max < s->min || s->max - s->min + 1 < ISMS_RISK_SCALE_LEVELS_MIN ||
        s->max - s->min + 1 > ISMS_RISK_SCALE_LEVELS_MAX)
        return isms_error_set(ISMS_EINVALID, _("%s must have %d to %d levels from min >= 0"), axis,
                              ISMS_RISK_SCALE_LEVELS_MIN, ISMS_RISK_SCALE_LEVELS_MAX);
    snprintf(field, sizeof(field), "%s.name", axis);
    if ((error = read_object(&name, obj, "name", field)) < 0 ||
        (error = read_label(&s->name, name, field)) < 0)
        return error;
    return read_labels(s, json_object_get(obj, "labels"), axis);
}

static int read_bands(struct isms_risk_matrix *m, const json_t *body)
{
    const json_t *bands;
    int error;

    if ((error = read_object(&bands, body, "bands", "bands")) < 0 ||
        (error = read_int(&m->medium_from, bands, "medium_from", "bands.medium_from")) < 0)
        return error;
    return read_int(&m->high_from, bands, "high_from", "bands.high_from");
}

int isms_json_risk_matrix_definition(struct isms_risk_matrix *out, const json_t *body)
{
    struct isms_risk_matrix m;
    const json_t *method = json_object_get(body, "method");
    int error;

    memset(&m, 0, sizeof(m));
    if (!json_is_object(body))
        return isms_error_set(ISMS_EINVALID, _("a risk matrix definition must be a JSON object"));
    if ((error = read_string(m.key, sizeof(m.key), body, "key", "key")) < 0 ||
        (error = read_string(m.name_ja, sizeof(m.name_ja), body, "name_ja", "name_ja")) < 0 ||
        (error = read_string(m.name_en, sizeof(m.name_en), body, "name_en", "name_en")) < 0)
        return error;
    if (!json_is_string(method))
        return isms_error_set(ISMS_EINVALID, _("'method' must be a string"));
    if ((error = isms_risk_method_parse(&m.method, json_string_value(method))) < 0 ||
        (error = read_scale(&m.likelihood, body, "likelihood")) < 0 ||
        (error = read_scale(&m.impact, body, "impact")) < 0)
        return error;
    if (m.method == ISMS_RISK_ASSET_THREAT_VULNERABILITY &&
        (error = read_scale(&m.vulnerability, body, "vulnerability")) < 0)
        return error;
    if ((error = read_int(&m.acceptance_threshold, body, "acceptance_threshold",
                          "acceptance_threshold")) < 0 ||
        (error = read_bands(&m, body)) < 0 || (error = isms_risk_matrix_validate(&m)) < 0)
        return error;
    *out = m;
    return 0;
}
