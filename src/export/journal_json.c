#include "isms_setup.h"
#include "export/journal_json.h"

json_t *isms_json_journal_entry(const struct isms_journal_entry *e)
{
    json_t *detail = json_loads(e->detail, 0, NULL);

    return json_pack("{s:I, s:s, s:o, s:I, s:s, s:s, s:s, s:s, s:o}", "seq", (json_int_t)e->seq,
                     "at", e->at, "org_id", e->org_id ? json_integer(e->org_id) : json_null(),
                     "user_id", (json_int_t)e->user_id, "actor", e->actor_name, "address",
                     e->actor_address, "action", e->action, "entity", e->entity, "detail",
                     detail ? detail : json_string(e->detail));
}
