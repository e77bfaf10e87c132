/*
 * JSON of risks (see risk_json.h). Builders chain isms_json_set()/append()
 * (export/json_util.h), which steal their value and turn any NULL into one
 * failure at the end.
 */
#include "isms_setup.h"
#include "export/json_util.h"
#include "export/risk_json.h"
#include "isms/risk.h"
#include "isms/risk_link.h"
#include "isms/risk_treatment.h"
#include "util/error.h"

static json_t *band(enum isms_risk_band b)
{
    return json_string(isms_risk_band_name(b, "en"));
}

static json_t *threat_ref(const struct isms_risk *r)
{
    char ref[ISMS_RISK_THREAT_SOURCE_MAX + ISMS_RISK_THREAT_ID_MAX + 2];

    if (!r->threat_source[0])
        return json_null();
    snprintf(ref, sizeof(ref), "%s:%s", r->threat_source, r->threat_id);
    return json_string(ref);
}

static json_t *residual(const struct isms_risk *r)
{
    json_t *obj;

    if (!r->has_residual)
        return json_null();
    obj = json_object();
    return isms_json_done(
        obj, isms_json_set(obj, "likelihood", json_integer(r->residual.likelihood)) &&
                 isms_json_set(obj, "impact", json_integer(r->residual.impact)) &&
                 isms_json_set(obj, "vulnerability", json_integer(r->residual.vulnerability)) &&
                 isms_json_set(obj, "level", json_integer(r->residual_level)) &&
                 isms_json_set(obj, "band", band(r->residual_band)) &&
                 isms_json_set(obj, "acceptable", json_boolean(r->residual_acceptable)));
}

static json_t *acceptance(const struct isms_risk *r)
{
    if (!r->accepted_at[0])
        return json_null();
    return json_pack("{s:s, s:s, s:o, s:s, s:i, s:b, s:o, s:i}", "accepted_by", r->accepted_by,
                     "accepted_at", r->accepted_at, "accepted_by_user_id",
                     r->accepted_by_user_id ? json_integer(r->accepted_by_user_id) : json_null(),
                     "comment", r->accepted_comment ? r->accepted_comment : "", "residual_level",
                     r->accepted_level, "on_behalf_of_owner", r->accepted_on_behalf, "reason",
                     r->accepted_on_behalf && r->accepted_reason ? json_string(r->accepted_reason)
                                                                 : json_null(),
                     "overdue_items", r->accepted_overdue_items);
}

json_t *isms_json_risk_provider_view(const struct isms_risk_provider_view *v)
{
    json_t *org = json_pack("{s:I, s:s, s:s}", "id", (json_int_t)v->org_id, "slug", v->org_slug,
                            "name", v->org_name);
    json_t *risk = json_object(), *obj = json_object();
    bool ok;

    if (!isms_json_set(risk, "id", json_integer(v->risk_id)) ||
        !isms_json_set(risk, "number", json_integer(v->risk_number)) ||
        !isms_json_set(risk, "title", json_string(v->title)) ||
        !isms_json_set(risk, "level", json_integer(v->level)) ||
        !isms_json_set(risk, "band", band(v->band)) ||
        !isms_json_set(risk, "treatment",
                       isms_json_string_or_null(isms_risk_treatment_name(v->treatment))) ||
        !isms_json_set(risk, "status", json_string(isms_risk_status_name(v->status)))) {
        json_decref(risk);
        risk = NULL;
    }
    /* Both sets run, so each value is consumed even when one fails. */
    ok = isms_json_set(obj, "org", org);
    return isms_json_done(obj, isms_json_set(obj, "risk", risk) && ok);
}

static json_t *provider(const struct isms_risk *r)
{
    json_t *obj;

    if (!r->provider_org_id)
        return json_null();
    if (!r->has_provider)
        return json_pack("{s:b, s:{s:I}, s:{s:I}}", "available", 0, "org", "id",
                         (json_int_t)r->provider_org_id, "risk", "id",
                         (json_int_t)r->provider_risk_id);
    obj = isms_json_risk_provider_view(&r->provider);
    return isms_json_done(obj, isms_json_set(obj, "available", json_true()));
}

static json_t *int_array(const int64_t *ids, size_t count)
{
    json_t *array = json_array();
    bool ok = array != NULL;

    for (size_t i = 0; ok && i < count; i++)
        ok = isms_json_append(array, json_integer(ids[i]));
    return isms_json_done(array, ok);
}

static json_t *controls(const struct isms_risk *r)
{
    json_t *array = json_array();
    bool ok = array != NULL;

    for (size_t i = 0; ok && i < r->control_count; i++)
        ok = isms_json_append(array, json_string(r->controls[i]));
    return isms_json_done(array, ok);
}

static json_t *dependents(const struct isms_risk_dependent *deps, size_t count)
{
    json_t *array = json_array();
    bool ok = array != NULL;

    for (size_t i = 0; ok && i < count; i++)
        ok = isms_json_append(array, json_pack("{s:{s:I, s:s, s:s}, s:I}", "org", "id",
                                               (json_int_t)deps[i].org_id, "slug", deps[i].org_slug,
                                               "name", deps[i].org_name, "risks",
                                               (json_int_t)deps[i].risk_count));
    return isms_json_done(array, ok);
}

/* The members every form has. */
static json_t *risk_core(const struct isms_risk *r)
{
    json_t *obj = json_object();
    bool required = isms_risk_acceptance_required(r->has_residual, r->residual_acceptable,
                                                  r->accepted_at);

    return isms_json_done(
        obj, isms_json_set(obj, "id", json_integer(r->id)) &&
                 isms_json_set(obj, "number", json_integer(r->number)) &&
                 isms_json_set(obj, "owner_user_id",
                               r->owner_user_id ? json_integer(r->owner_user_id) : json_null()) &&
                 isms_json_set(obj, "title", json_string(r->title)) &&
                 isms_json_set(obj, "threat", threat_ref(r)) &&
                 isms_json_set(obj, "owner", json_string(r->owner)) &&
                 isms_json_set(obj, "matrix", json_string(r->matrix_key)) &&
                 isms_json_set(obj, "likelihood", json_integer(r->score.likelihood)) &&
                 isms_json_set(obj, "impact", json_integer(r->score.impact)) &&
                 isms_json_set(obj, "vulnerability", json_integer(r->score.vulnerability)) &&
                 isms_json_set(obj, "level", json_integer(r->level)) &&
                 isms_json_set(obj, "band", band(r->band)) &&
                 isms_json_set(obj, "treatment",
                               isms_json_string_or_null(isms_risk_treatment_name(r->treatment))) &&
                 isms_json_set(obj, "residual", residual(r)) &&
                 isms_json_set(obj, "acceptance", acceptance(r)) &&
                 isms_json_set(obj, "acceptance_required", json_boolean(required)) &&
                 isms_json_set(obj, "status", json_string(isms_risk_status_name(r->status))) &&
                 isms_json_set(obj, "open_items", json_integer(r->open_items)) &&
                 isms_json_set(obj, "shared", json_boolean(r->shared)) &&
                 isms_json_set(obj, "provider", provider(r)) &&
                 isms_json_set(obj, "created_at", json_string(r->created_at)) &&
                 isms_json_set(obj, "updated_at", json_string(r->updated_at)));
}

json_t *isms_json_risk(const struct isms_risk *r, const struct isms_risk_dependent *deps,
                       size_t dep_count)
{
    json_t *obj = risk_core(r);

    return isms_json_done(
        obj, isms_json_set(obj, "risk_source", json_string(r->risk_source)) &&
                 isms_json_set(obj, "event", json_string(r->event)) &&
                 isms_json_set(obj, "consequence", json_string(r->consequence)) &&
                 isms_json_set(obj, "assets", int_array(r->asset_ids, r->asset_count)) &&
                 isms_json_set(obj, "controls", controls(r)) &&
                 isms_json_set(obj, "dependents", dependents(deps, dep_count)));
}

json_t *isms_json_risk_list(const struct isms_risk_list *list, int64_t limit, int64_t offset)
{
    json_t *obj = json_object(), *items = json_array();
    bool ok = items != NULL;

    for (size_t i = 0; ok && i < list->count; i++)
        ok = isms_json_append(items, risk_core(&list->items[i]));
    items = isms_json_done(items, ok);
    return isms_json_done(obj, isms_json_set(obj, "total", json_integer(list->total)) &&
                                   isms_json_set(obj, "limit", json_integer(limit)) &&
                                   isms_json_set(obj, "offset", json_integer(offset)) &&
                                   isms_json_set(obj, "risks", items));
}

json_t *isms_json_risk_item(const struct isms_risk_treatment_item *it)
{
    return json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:s, s:s}", "id", (json_int_t)it->id,
                     "risk_id", (json_int_t)it->risk_id, "action", it->action, "owner", it->owner,
                     "due_date", it->due_date, "status", isms_risk_item_status_name(it->status),
                     "created_at", it->created_at, "updated_at", it->updated_at);
}

/* --- readers --- */

/* An integer member; `required` says whether absence is an error. */
static int get_int(int *out, bool *present, const json_t *obj, const char *key, bool required)
{
    const json_t *v = json_object_get(obj, key);

    *present = v && !json_is_null(v);
    if (!*present)
        return required ? isms_error_set(ISMS_EINVALID, _("'%s' is required"), key) : 0;
    if (!json_is_integer(v) || json_integer_value(v) < INT_MIN / 2 ||
        json_integer_value(v) > INT_MAX / 2)
        return isms_error_set(ISMS_EINVALID, _("'%s' must be an integer"), key);
    *out = (int)json_integer_value(v);
    return 0;
}

static int get_score(struct isms_risk_score *out, const json_t *obj)
{
    bool present;
    int error;

    memset(out, 0, sizeof(*out));
    if ((error = get_int(&out->likelihood, &present, obj, "likelihood", true)) < 0 ||
        (error = get_int(&out->impact, &present, obj, "impact", true)) < 0 ||
        (error = get_int(&out->vulnerability, &present, obj, "vulnerability", false)) < 0)
        return error;
    return 0;
}

static int get_residual(struct isms_risk_input *in, const json_t *body)
{
    const json_t *v = json_object_get(body, "residual");
    char reason[256];
    int error;

    in->has_residual = v && !json_is_null(v);
    if (!in->has_residual)
        return 0;
    if (!json_is_object(v))
        return isms_error_set(ISMS_EINVALID, _("'residual' must be an object or null"));
    if ((error = get_score(&in->residual, v)) < 0) {
        snprintf(reason, sizeof(reason), "%s", isms_error_last());
        return isms_error_set(error, "residual %s", reason);
    }
    return 0;
}

static int get_assets(struct isms_risk_input *in, int64_t **assets_out, const json_t *body)
{
    const json_t *v = json_object_get(body, "assets");
    size_t n = json_array_size(v);
    int64_t *ids;

    *assets_out = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_array(v))
        return isms_error_set(ISMS_EINVALID, _("'assets' must be an array of asset ids"));
    if (n > ISMS_RISK_ASSETS_MAX)
        return isms_error_set(ISMS_ETOOBIG, _("a risk names at most %d assets"),
                              ISMS_RISK_ASSETS_MAX);
    if (!(ids = calloc(n + 1, sizeof(*ids))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) {
        const json_t *id = json_array_get(v, i);
        if (!json_is_integer(id) || json_integer_value(id) <= 0) {
            free(ids);
            return isms_error_set(ISMS_EINVALID, _("'assets' must be an array of asset ids"));
        }
        ids[i] = json_integer_value(id);
    }
    *assets_out = ids;
    in->asset_ids = ids;
    in->asset_count = n;
    return 0;
}

int isms_json_risk_input(struct isms_risk_input *out, int64_t **assets_out, const json_t *body)
{
    struct isms_risk_input in = {0};
    const char *treatment;
    const json_t *shared;
    const struct {
        const char *key;
        const char **out;
    } texts[] = {
        {"title", &in.title},
        {"threat", &in.threat},
        {"risk_source", &in.risk_source},
        {"event", &in.event},
        {"consequence", &in.consequence},
        {"owner", &in.owner},
        {"matrix", &in.matrix_key},
        {"treatment", &treatment},
    };
    int error;

    *assets_out = NULL;
    if (!json_is_object(body))
        return isms_error_set(ISMS_EINVALID, _("a risk must be a JSON object"));
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(texts); i++)
        if ((error = isms_json_optional_string(texts[i].out, body, texts[i].key)) < 0)
            return error;
    if ((error = get_score(&in.score, body)) < 0 || (error = get_residual(&in, body)) < 0)
        return error;
    if (treatment && (error = isms_risk_treatment_parse(&in.treatment, treatment)) < 0)
        return error;
    shared = json_object_get(body, "shared");
    if (shared && !json_is_boolean(shared))
        return isms_error_set(ISMS_EINVALID, _("'shared' must be true or false"));
    in.shared = json_is_true(shared);
    if ((error = get_assets(&in, assets_out, body)) < 0)
        return error;
    *out = in;
    return 0;
}

int isms_json_risk_item_input(struct isms_risk_item_input *out, const json_t *body)
{
    struct isms_risk_item_input in = {0};
    const char *status;
    int error;

    if (!json_is_object(body))
        return isms_error_set(ISMS_EINVALID, _("a treatment item must be a JSON object"));
    if ((error = isms_json_optional_string(&in.action, body, "action")) < 0 ||
        (error = isms_json_optional_string(&in.owner, body, "owner")) < 0 ||
        (error = isms_json_optional_string(&in.due_date, body, "due_date")) < 0 ||
        (error = isms_json_optional_string(&status, body, "status")) < 0)
        return error;
    if (status && (error = isms_risk_item_status_parse(&in.status, status)) < 0)
        return error;
    *out = in;
    return 0;
}
