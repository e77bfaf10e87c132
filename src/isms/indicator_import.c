/* One import of indicators (indicator_import.h). */
#include "isms_setup.h"
#include "engines/ioc/ioc.h"
#include "isms/indicator_import.h"
#include "util/array.h"
#include "util/error.h"

struct isms_indicator *isms_indicator_next_row(struct isms_indicator_import *out)
{
    if (out->count == ISMS_INDICATOR_ROWS_MAX ||
        ISMS_ARRAY_RESERVE(out->rows, out->room, out->count) < 0)
        return NULL;
    out->rows[out->count] = (struct isms_indicator){
        .tlp = ISMS_TLP_AMBER, .direction = ISMS_DIRECTION_BOTH, .confidence = -1};
    return &out->rows[out->count];
}

int isms_indicator_take_value(struct isms_indicator_import *out, struct isms_indicator *row,
                              const char *text, size_t len)
{
    char canonical[ISMS_IOC_VALUE_MAX + 1];
    struct isms_ioc_addr addr;
    int prefix;

    if (!(row->type = isms_ioc_classify(canonical, &addr, &prefix, text, len)))
        return isms_error_set(ISMS_EINVALID,
                              _("'%.60s' is no IP address, network, domain, URL, e-mail address, "
                                "MD5/SHA-1/SHA-256 hash, file path or registry key"),
                              len <= 60 ? text : "(a long value)");
    if (!(row->value = isms_arena_strdup(&out->texts, canonical)))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    return 0;
}

int isms_indicator_add_value(struct isms_indicator_import *out, size_t where, size_t column,
                             const char *value, const struct isms_indicator *fields, bool skip_bad)
{
    struct isms_indicator *row = isms_indicator_next_row(out);

    if (!row)
        return isms_error_set(ISMS_ETOOBIG, _("the file has more indicators than an import "
                                              "takes"));
    if (fields)
        *row = *fields;
    if (isms_indicator_take_value(out, row, value, strlen(value)) == 0)
        out->count++;
    else if (skip_bad)
        out->skipped++;
    else
        isms_import_error_add(&out->errors, where, column, column ? "value" : NULL, "%s",
                              isms_error_last());
    return 0;
}

int isms_indicator_format_parse(enum isms_indicator_format *out, const char *text)
{
    static const char *const names[] = {"auto", "list", "csv", "stix", "misp", "warninglist"};

    for (size_t i = 0; text && i < ISMS_ARRAY_SIZE(names); i++)
        if (strcmp(text, names[i]) == 0) {
            *out = (enum isms_indicator_format)i;
            return 0;
        }
    return isms_error_set(ISMS_EINVALID,
                          "--format must be auto, list, csv, stix, misp or warninglist, not "
                          "'%.20s'",
                          text ? text : "");
}

void isms_indicator_import_release(struct isms_indicator_import *import)
{
    free(import->rows);
    isms_import_errors_release(&import->errors);
    isms_arena_release(&import->texts);
    memset(import, 0, sizeof(*import));
}
