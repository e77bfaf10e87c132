#include "isms_setup.h"
#include "export/deletion_json.h"
#include "export/json_util.h"

static json_t *date_or_null(const struct isms_date *d)
{
    char text[ISMS_DATE_SIZE];

    isms_date_format(text, d);
    return isms_json_string_or_null(text);
}

json_t *isms_json_deletion_due(const struct isms_deletion_due *d)
{
    char period[ISMS_RETENTION_PERIOD_SIZE];
    const char *basis = isms_retention_basis_name(d->retention.basis);
    const struct isms_retention_template *t;

    isms_retention_period_format(period, &d->retention.period);
    t = isms_retention_template_matching(period, basis);
    return json_pack(
        "{s:I, s:s, s:s, s:s, s:s?, s:o, s:o, s:o, s:s, s:o}", "asset_id", (json_int_t)d->asset_id,
        "name", d->name, "owner", d->owner, "retention_period", period, "retention_basis", basis,
        "retention_basis_date", date_or_null(&d->retention.basis_date), "due",
        date_or_null(&d->due), "deleted_on", date_or_null(&d->deleted_on), "status",
        isms_deletion_status_name(d->status), "template", t ? json_string(t->id) : json_null());
}

json_t *isms_json_deletion_record(const struct isms_deletion_record *r)
{
    char date[ISMS_DATE_SIZE];

    isms_date_format(date, &r->deleted_on);
    return json_pack("{s:I, s:o, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "id", (json_int_t)r->id,
                     "asset_id", r->asset_id ? json_integer(r->asset_id) : json_null(), "what",
                     r->what, "date", date, "method", isms_deletion_method_name(r->method),
                     "responsible", r->responsible, "evidence", r->evidence, "notes", r->notes,
                     "recorded_by", r->recorded_by, "recorded_at", r->recorded_at);
}

json_t *isms_json_retention_template(const struct isms_retention_template *t)
{
    return json_pack("{s:s, s:s, s:s, s:{s:s, s:s}, s:{s:s, s:s}, s:{s:s, s:s}}", "id", t->id,
                     "retention_period", t->period, "retention_basis", t->basis, "name", "ja",
                     t->name_ja, "en", t->name_en, "law", "ja", t->law_ja, "en", t->law_en, "note",
                     "ja", t->note_ja, "en", t->note_en);
}
