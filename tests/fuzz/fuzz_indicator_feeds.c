/* libFuzzer target: STIX 2.1 bundles and MISP events as indicator imports
 * (isms/indicator_feeds.c), any bytes read both ways. */
#include "isms_setup.h"
#include "isms/indicator.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(enum isms_indicator_format format, const uint8_t *data, size_t size)
{
    struct isms_indicator_import import;
    int error = isms_indicator_parse(&import, (const char *)data, size, format, false);

    /* A clean import has indicators, each of a kind, and no errors. */
    if (error == 0 && (import.count == 0 || import.errors.total))
        abort();
    for (size_t i = 0; error == 0 && i < import.count; i++)
        if (!import.rows[i].type || !import.rows[i].value || !*import.rows[i].value)
            abort();
    isms_indicator_import_release(&import);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check(ISMS_INDICATOR_STIX, data, size);
    check(ISMS_INDICATOR_MISP, data, size);
    check(ISMS_INDICATOR_AUTO, data, size);
    return 0;
}
