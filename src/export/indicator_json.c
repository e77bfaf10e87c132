#include "isms_setup.h"
#include "engines/ioc/ioc.h"
#include "export/indicator_json.h"
#include "export/json_util.h"

static json_t *date_or_null(const struct isms_date *d)
{
    char text[ISMS_DATE_SIZE];

    isms_date_format(text, d);
    return isms_json_string_or_null(text);
}

json_t *isms_json_indicator(const struct isms_indicator *i)
{
    return json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:o, s:s, s:o, s:s, s:b}", "id",
                     (json_int_t)i->id, "type", isms_ioc_type_name(i->type), "value", i->value,
                     "threat", i->threat ? i->threat : "", "threat_ref",
                     i->threat_ref ? i->threat_ref : "", "source", i->source ? i->source : "",
                     "tlp", isms_tlp_name(i->tlp), "first_seen", date_or_null(&i->first_seen),
                     "active_from", date_or_null(&i->active_from), "active_until",
                     date_or_null(&i->active_until), "direction", isms_direction_name(i->direction),
                     "confidence", i->confidence < 0 ? json_null() : json_integer(i->confidence),
                     "tags", i->tags ? i->tags : "", "allow", i->allow);
}
