/* libFuzzer target: the TSV table parser behind catalog data and imports. */
#include "isms_setup.h"
#include "util/tsv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct isms_tsv tsv;

    if (isms_tsv_parse(&tsv, (const char *)data, size) < 0)
        return 0;
    for (size_t r = 0; r < tsv.rows; r++)
        for (size_t c = 0; c < tsv.columns; c++)
            if (!isms_tsv_cell(&tsv, r, c))
                abort();
    isms_tsv_column(&tsv, "id");
    isms_tsv_release(&tsv);
    return 0;
}
