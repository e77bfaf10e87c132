#include "isms_setup.h"
#include "export/checklist_json.h"
#include "export/json_util.h"

static json_t *item_json(int no, const struct isms_checklist_item *it)
{
    return json_pack("{s:i, s:o, s:{s:s, s:s}}", "no", no, "control",
                     isms_json_string_or_null(it->control_id), "text", "ja", it->text_ja, "en",
                     it->text_en);
}

json_t *isms_json_checklist_template(const struct isms_checklist_template *t, bool with_items)
{
    json_t *o = json_pack("{s:s, s:{s:s, s:s}, s:o, s:s, s:b, s:I}", "key", t->key, "name", "ja",
                          t->name_ja, "en", t->name_en, "control",
                          isms_json_string_or_null(t->control_id), "source", t->source, "builtin",
                          t->builtin, "item_count", (json_int_t)t->item_count);
    json_t *items = with_items ? json_array() : NULL;
    bool ok = o && (!with_items || items);

    for (size_t i = 0; ok && with_items && i < t->item_count; i++)
        ok = isms_json_append(items, item_json((int)i + 1, &t->items[i]));
    if (with_items && ok)
        return isms_json_done(o, isms_json_set(o, "items", items));
    json_decref(items);
    return isms_json_done(o, ok);
}

json_t *isms_json_checklist_run(const struct isms_checklist_run *r)
{
    return json_pack("{s:I, s:s, s:{s:s, s:s}, s:s, s:o, s:s, s:s, s:s, s:{s:i, s:i, s:i, s:i}}",
                     "id", (json_int_t)r->id, "template", r->template_key, "name", "ja", r->name_ja,
                     "en", r->name_en, "title", r->title, "control",
                     isms_json_string_or_null(r->control_id), "started_by", r->started_by,
                     "started_at", r->started_at, "updated_at", r->updated_at, "counts", "open",
                     r->counts[ISMS_CHECK_OPEN], "ok", r->counts[ISMS_CHECK_OK], "ng",
                     r->counts[ISMS_CHECK_NG], "na", r->counts[ISMS_CHECK_NA]);
}

json_t *isms_json_checklist_result(const struct isms_checklist_result *r)
{
    json_t *o = item_json(r->no, &r->item);
    bool ok = o &&
              isms_json_set(o, "result",
                            isms_json_string_or_null(isms_check_result_name(r->result))) &&
              isms_json_set(o, "note", json_string(r->note)) &&
              isms_json_set(o, "evidence", json_string(r->evidence));

    return isms_json_done(o, ok);
}
