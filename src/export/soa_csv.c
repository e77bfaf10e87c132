#include "isms_setup.h"
#include "export/soa_columns.h"
#include "export/soa_export.h"
#include "isms/soa.h"
#include "util/buf.h"
#include "util/csv.h"

int isms_export_soa_csv(struct isms_buf *out, const struct isms_soa *soa, const char *zone)
{
    int error;

    if ((error = isms_buf_puts(out, ISMS_CSV_BOM)) < 0 ||
        (error = isms_csv_row(out, isms_soa_column_headers, ISMS_SOA_COLUMNS)) < 0)
        return error;
    for (size_t i = 0; i < soa->count; i++) {
        struct isms_soa_row row;
        isms_soa_row_render(&row, &soa->entries[i]);
        if ((error = isms_csv_row(out, row.cells, ISMS_SOA_COLUMNS)) < 0)
            return error;
    }
    return 0;
}
