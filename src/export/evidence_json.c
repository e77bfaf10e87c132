#include "isms_setup.h"
#include "export/evidence_json.h"

json_t *isms_json_evidence(const struct isms_evidence *e)
{
    return json_pack("{s:I, s:s, s:s, s:s, s:I, s:s, s:s}", "id", (json_int_t)e->id, "name",
                     e->name, "url", e->url, "sha256", e->sha256, "size", (json_int_t)e->size,
                     "added_by", e->added_by, "added_at", e->added_at);
}
