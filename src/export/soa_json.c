#include "isms_setup.h"
#include "export/json.h"
#include "export/json_util.h"
#include "export/soa_export.h"
#include "util/buf.h"
#include "util/error.h"

int isms_export_soa_json(struct isms_buf *out, const struct isms_soa *soa, const char *zone)
{
    return isms_json_write_file(out, isms_json_soa(soa));
}
