#include "isms_setup.h"
#include "catalog/threats.h"
#include "export/threat_json.h"
#include "isms/threat.h"
#include "util/error.h"

static bool set(json_t *obj, const char *key, json_t *value)
{
    if (!obj) {
        json_decref(value);
        return false;
    }
    return json_object_set_new(obj, key, value) == 0;
}

json_t *isms_json_threat(const struct isms_threat *t)
{
    const struct isms_threat_source *source = isms_threat_source_get(t->source);
    json_t *obj = json_object();
    char ref[96];

    snprintf(ref, sizeof(ref), "%s:%s", t->source, t->id);
    if (set(obj, "ref", json_string(ref)) && set(obj, "source", json_string(t->source)) &&
        set(obj, "id", json_string(t->id)) && set(obj, "name_ja", json_string(t->name_ja)) &&
        set(obj, "name_en", json_string(t->name_en)) &&
        set(obj, "category", json_string(t->category)) &&
        set(obj, "summary_ja", json_string(t->summary_ja)) &&
        set(obj, "summary_en", json_string(t->summary_en)) &&
        (!*t->party || set(obj, "party", json_string(t->party))) &&
        (!t->rank || set(obj, "rank", json_integer(t->rank))) &&
        (!t->rank || !source || set(obj, "edition", json_string(source->edition))))
        return obj;
    json_decref(obj);
    return NULL;
}

json_t *isms_json_own_threat(const struct isms_own_threat *t)
{
    json_t *obj = json_object();
    char id[24], ref[32];

    snprintf(id, sizeof(id), "%" PRId64, t->id);
    snprintf(ref, sizeof(ref), ISMS_THREAT_SOURCE_OWN ":%s", id);
    if (set(obj, "ref", json_string(ref)) &&
        set(obj, "source", json_string(ISMS_THREAT_SOURCE_OWN)) &&
        set(obj, "id", json_string(id)) && set(obj, "name_ja", json_string(t->name_ja)) &&
        set(obj, "name_en", json_string(t->name_en)) &&
        set(obj, "category", json_string(t->category)) &&
        set(obj, "description", json_string(t->description)) &&
        set(obj, "created_at", json_string(t->created_at)))
        return obj;
    json_decref(obj);
    return NULL;
}

json_t *isms_json_threat_source(const struct isms_threat_source *s)
{
    return json_pack("{s:s, s:s, s:s, s:s, s:I}", "key", s->key, "name_en", s->name_en,
                     "name_ja", s->name_ja, "edition", s->edition, "count", (json_int_t)s->count);
}

static int string_member(const char **out, const json_t *body, const char *key)
{
    const json_t *value = json_object_get(body, key);

    *out = NULL;
    if (!value || json_is_null(value))
        return 0;
    if (!json_is_string(value))
        return isms_error_set(ISMS_EINVALID, "'%s' must be a string", key);
    *out = json_string_value(value);
    return 0;
}

int isms_json_threat_input(struct isms_threat_input *out, const json_t *body)
{
    int error;

    memset(out, 0, sizeof(*out));
    if ((error = string_member(&out->name_ja, body, "name_ja")) < 0 ||
        (error = string_member(&out->name_en, body, "name_en")) < 0 ||
        (error = string_member(&out->category, body, "category")) < 0 ||
        (error = string_member(&out->description, body, "description")) < 0)
        return error;
    return 0;
}
