#include "isms_setup.h"
#include "export/transition_columns.h"
#include "export/transition_export.h"
#include "isms/transition.h"
#include "util/buf.h"
#include "util/csv.h"

int isms_export_transition_csv(struct isms_buf *out, const struct isms_transition_report *report)
{
    int error;

    if ((error = isms_buf_puts(out, ISMS_CSV_BOM)) < 0 ||
        (error = isms_csv_row(out, isms_transition_column_headers, ISMS_TR_COLUMNS)) < 0)
        return error;
    for (size_t i = 0; i < report->count; i++) {
        struct isms_transition_row row;
        isms_transition_row_render(&row, &report->items[i]);
        if ((error = isms_csv_row(out, row.cells, ISMS_TR_COLUMNS)) < 0)
            return error;
    }
    return 0;
}
