#include "isms_setup.h"
#include "export/json.h"
#include "export/soa_export.h"
#include "util/buf.h"
#include "util/error.h"

int isms_export_soa_json(struct isms_buf *out, const struct isms_soa *soa, const char *zone)
{
    json_t *doc = isms_json_soa(soa);
    char *text;
    int error;

    if (!doc)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    text = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(doc);
    if (!text)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    if ((error = isms_buf_puts(out, text)) == 0)
        error = isms_buf_putc(out, '\n');
    free(text);
    return error;
}
