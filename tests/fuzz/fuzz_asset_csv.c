/* libFuzzer target: the asset register CSV import (header mapping, cells, line tracking). */
#include "isms_setup.h"
#include "isms/asset_import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct isms_asset_import import;
    int error = isms_asset_import_parse(&import, (const char *)data, size);

    /* A clean parse has rows and no errors; a failed one stores no row past an error. */
    if ((error == 0) != (import.errors.total == 0))
        abort();
    for (size_t i = 0; i < import.count; i++)
        if (!import.rows[i].name || !*import.rows[i].name || import.lines[i] == 0)
            abort();
    isms_asset_import_release(&import);
    return 0;
}
