#include "isms_setup.h"
#include "export/control_impl_json.h"
#include "export/json_util.h"
#include "model/retention.h"
#include "util/error.h"

static const char *const level_keys[ISMS_CONTROL_LEVEL_COUNT] = {"basic", "standard", "advanced"};

json_t *isms_json_control_levels(const struct isms_control_guidance *g)
{
    json_t *levels = json_object();

    for (int l = 0; levels && l < ISMS_CONTROL_LEVEL_COUNT; l++)
        if (json_object_set_new(
                levels, level_keys[l],
                json_pack("{s:s, s:s}", "ja", g->levels[l].ja, "en", g->levels[l].en)) < 0) {
            json_decref(levels);
            return NULL;
        }
    return levels;
}

static json_t *title(const struct isms_control *c)
{
    return c ? json_pack("{s:s, s:s}", "ja", c->title_ja, "en", c->title_en) : json_null();
}

json_t *isms_json_control_guidance(const struct isms_control_guidance *g)
{
    const struct isms_catalog *annex_a = isms_catalog_get(ISMS_CATALOG_27001_2022);
    char control_id[32];

    snprintf(control_id, sizeof(control_id), "A.%s", g->id);
    return json_pack("{s:s, s:s, s:o, s:o}", "id", g->id, "control_id", control_id, "title",
                     title(annex_a ? isms_catalog_find(annex_a, g->id) : NULL), "levels",
                     isms_json_control_levels(g));
}

static json_t *date_or_null(const struct isms_date *d)
{
    char text[ISMS_DATE_SIZE];

    if (!isms_date_is_set(d))
        return json_null();
    isms_date_format(text, d);
    return json_string(text);
}

static json_t *name_or_null(const char *name)
{
    return name ? json_string(name) : json_null();
}

json_t *isms_json_control_row(const struct isms_control_row *row)
{
    const struct isms_control_impl *c = &row->impl;

    return json_pack(
        "{s:s, s:s, s:o, s:s, s:b, s:s, s:o, s:o, s:s, s:o, s:o, s:o, s:i, s:s, s:i, s:s, s:o}",
        "id", row->control->id, "control_id", c->control_id, "title", title(row->control), "theme",
        row->control->group, "new", row->guidance != NULL, "status",
        isms_control_status_name(c->status), "level",
        name_or_null(isms_control_level_name(c->level)), "target_level",
        name_or_null(isms_control_level_name(c->target_level)), "owner", c->owner, "due",
        date_or_null(&c->due), "last_review", date_or_null(&c->last_review), "next_review",
        date_or_null(&c->next_review), "review_interval_months", c->review_interval_months, "notes",
        c->notes ? c->notes : "", "evidence_count", c->evidence_count, "updated_at", c->updated_at,
        "guidance", row->guidance ? isms_json_control_levels(row->guidance) : json_null());
}

json_t *isms_json_control_level_change(const struct isms_control_level_change *c)
{
    return json_pack("{s:o, s:o, s:s, s:s}", "from", name_or_null(isms_control_level_name(c->from)),
                     "to", name_or_null(isms_control_level_name(c->to)), "at", c->changed_at, "by",
                     c->changed_by);
}

int isms_json_control_change(struct isms_control_impl_change *out, const json_t *body)
{
    const json_t *interval = json_object_get(body, "review_interval_months");
    int error;

    *out = (struct isms_control_impl_change){.review_interval_months = -1};
    if ((error = isms_json_optional_string(&out->status, body, "status")) < 0 ||
        (error = isms_json_optional_string(&out->level, body, "level")) < 0 ||
        (error = isms_json_optional_string(&out->target_level, body, "target_level")) < 0 ||
        (error = isms_json_optional_string(&out->owner, body, "owner")) < 0 ||
        (error = isms_json_optional_string(&out->due, body, "due")) < 0 ||
        (error = isms_json_optional_string(&out->last_review, body, "last_review")) < 0 ||
        (error = isms_json_optional_string(&out->review_due, body, "review_due")) < 0 ||
        (error = isms_json_optional_string(&out->notes, body, "notes")) < 0)
        return error;
    if (interval && !json_is_null(interval)) {
        if (!json_is_integer(interval) || json_integer_value(interval) < 0 ||
            json_integer_value(interval) > ISMS_CONTROL_REVIEW_MONTHS_MAX)
            return isms_error_set(ISMS_EINVALID, _("'review_interval_months' must be 0 to %d"),
                                  ISMS_CONTROL_REVIEW_MONTHS_MAX);
        out->review_interval_months = (int)json_integer_value(interval);
    }
    return 0;
}
