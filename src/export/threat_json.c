#include "isms_setup.h"
#include "catalog/threats.h"
#include "export/json_util.h"
#include "export/threat_json.h"
#include "isms/threat.h"
#include "util/error.h"

json_t *isms_json_threat(const struct isms_threat *t)
{
    const struct isms_threat_source *source = isms_threat_source_get(t->source);
    json_t *obj = json_object();
    char ref[96];

    snprintf(ref, sizeof(ref), "%s:%s", t->source, t->id);
    if (isms_json_set(obj, "ref", json_string(ref)) &&
        isms_json_set(obj, "source", json_string(t->source)) &&
        isms_json_set(obj, "id", json_string(t->id)) &&
        isms_json_set(obj, "name_ja", json_string(t->name_ja)) &&
        isms_json_set(obj, "name_en", json_string(t->name_en)) &&
        isms_json_set(obj, "category", json_string(t->category)) &&
        isms_json_set(obj, "summary_ja", json_string(t->summary_ja)) &&
        isms_json_set(obj, "summary_en", json_string(t->summary_en)) &&
        (!*t->party || isms_json_set(obj, "party", json_string(t->party))) &&
        (!t->rank || isms_json_set(obj, "rank", json_integer(t->rank))) &&
        (!t->rank || !source || isms_json_set(obj, "edition", json_string(source->edition))))
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
    if (isms_json_set(obj, "ref", json_string(ref)) &&
        isms_json_set(obj, "source", json_string(ISMS_THREAT_SOURCE_OWN)) &&
        isms_json_set(obj, "id", json_string(id)) &&
        isms_json_set(obj, "name_ja", json_string(t->name_ja)) &&
        isms_json_set(obj, "name_en", json_string(t->name_en)) &&
        isms_json_set(obj, "category", json_string(t->category)) &&
        isms_json_set(obj, "description", json_string(t->description)) &&
        isms_json_set(obj, "created_at", json_string(t->created_at)))
        return obj;
    json_decref(obj);
    return NULL;
}

json_t *isms_json_threat_source(const struct isms_threat_source *s)
{
    return json_pack("{s:s, s:s, s:s, s:s, s:I}", "key", s->key, "name_en", s->name_en, "name_ja",
                     s->name_ja, "edition", s->edition, "count", (json_int_t)s->count);
}

int isms_json_threat_input(struct isms_threat_input *out, const json_t *body)
{
    int error;

    memset(out, 0, sizeof(*out));
    if ((error = isms_json_optional_string(&out->name_ja, body, "name_ja")) < 0 ||
        (error = isms_json_optional_string(&out->name_en, body, "name_en")) < 0 ||
        (error = isms_json_optional_string(&out->category, body, "category")) < 0 ||
        (error = isms_json_optional_string(&out->description, body, "description")) < 0)
        return error;
    return 0;
}
