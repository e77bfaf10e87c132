#include "isms_setup.h"
#include "export/json_util.h"
#include "export/transition_export.h"
#include "isms/transition.h"
#include "util/buf.h"
#include "util/error.h"

static json_t *decision_json(const struct isms_transition_decision *d)
{
    return json_pack("{s:s, s:b, s:o, s:s, s:I}", "id", d->control_id, "applicable", d->applicable,
                     "implemented",
                     isms_json_string_or_null(isms_transition_implemented_name(d->implemented)),
                     "justification", d->justification, "line", (json_int_t)d->line);
}

static json_t *item_json(const struct isms_transition_item *item)
{
    json_t *from = json_array(), *decisions = json_array();
    bool ok = from && decisions;

    for (size_t i = 0; ok && i < item->source_count; i++) {
        char id[ISMS_TRANSITION_ID_MAX + 1];
        isms_transition_source_id(id, item->sources[i].control);
        ok = isms_json_append(from, json_string(id)) &&
             (!item->sources[i].decision ||
              isms_json_append(decisions, decision_json(item->sources[i].decision)));
    }
    if (!ok) {
        json_decref(from);
        json_decref(decisions);
        return NULL;
    }
    return json_pack("{s:s, s:s, s:s, s:b, s:b, s:o, s:o, s:s, s:o}", "id", item->control->id,
                     "title_en", item->control->title_en, "title_ja", item->control->title_ja,
                     "new", item->control->new_in_2022, "merged", item->merged, "from", from,
                     "decisions", decisions, "proposal",
                     isms_transition_proposal_name(item->proposal), "implementation",
                     isms_json_string_or_null(isms_soa_implementation_name(item->implementation)));
}

static json_t *imported_json(const struct isms_transition_report *r)
{
    if (!r->info.imported_at[0])
        return json_null();
    return json_pack("{s:s, s:s, s:I, s:s}", "at", r->info.imported_at, "by", r->info.imported_by,
                     "rows", (json_int_t)r->info.rows, "file_sha256", r->info.file_sha256);
}

json_t *isms_json_transition_report(const struct isms_transition_report *r)
{
    json_t *controls = json_array();
    bool ok = controls != NULL;

    for (size_t i = 0; ok && i < r->count; i++)
        ok = isms_json_append(controls, item_json(&r->items[i]));
    if (!ok) {
        json_decref(controls);
        return NULL;
    }
    return json_pack("{s:o, s:{s:I, s:I, s:I, s:I, s:I}, s:o}", "imported", imported_json(r),
                     "summary", "controls", (json_int_t)r->count, "new", (json_int_t)r->new_count,
                     "merged", (json_int_t)r->merged_count, "conflicts",
                     (json_int_t)r->conflict_count, "no_source", (json_int_t)r->no_source_count,
                     "controls", controls);
}

int isms_export_transition_json(struct isms_buf *out, const struct isms_transition_report *report)
{
    return isms_json_write_file(out, isms_json_transition_report(report));
}
