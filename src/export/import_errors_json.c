#include "isms_setup.h"
#include "export/import_errors_json.h"
#include "export/json_util.h"

json_t *isms_json_import_errors(const struct isms_import_errors *errors, bool japanese)
{
    json_t *rows = json_array();
    bool ok = rows != NULL;

    for (size_t i = 0; ok && i < errors->count; i++) {
        const struct isms_import_error *e = &errors->list[i];
        ok = isms_json_append(rows, json_pack("{s:I, s:I, s:s, s:s}", "line", (json_int_t)e->line,
                                              "column", (json_int_t)e->column, "header", e->header,
                                              "message", japanese ? e->message_ja : e->message));
    }
    return isms_json_done(rows, ok);
}
