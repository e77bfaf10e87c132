/* The transition report as an Excel workbook (built through xlsx_file.h). */
#include "isms_setup.h"
#include "export/transition_columns.h"
#include "export/transition_export.h"
#include "export/xlsx_file.h"
#include "isms/transition.h"

#define TITLE_ROW 0
#define INFO_ROW 1
#define HEADER_ROW 3
#define NEW_FILL 0xDDEBF7      /* new controls: assess the risk */
#define CONFLICT_FILL 0xFFF2CC /* the sources disagree: decide */

static const double column_widths[ISMS_TR_COLUMNS] = {12, 30, 34, 10, 10, 20, 60, 28, 20};

static void write_rows(lxw_worksheet *ws, lxw_workbook *wb,
                       const struct isms_transition_report *report)
{
    lxw_format *plain = isms_xlsx_cell_format(wb, true, 0);
    lxw_format *new_control = isms_xlsx_cell_format(wb, true, NEW_FILL);
    lxw_format *conflict = isms_xlsx_cell_format(wb, true, CONFLICT_FILL);

    for (size_t i = 0; i < report->count; i++) {
        const struct isms_transition_item *item = &report->items[i];
        lxw_format *f = item->proposal == ISMS_TRANSITION_ASSESS     ? new_control
                        : item->proposal == ISMS_TRANSITION_CONFLICT ? conflict
                                                                     : plain;
        struct isms_transition_row row;
        isms_transition_row_render(&row, item);
        for (lxw_col_t c = 0; c < ISMS_TR_COLUMNS; c++)
            worksheet_write_string(ws, (lxw_row_t)(HEADER_ROW + 1 + i), c, row.cells[c], f);
    }
}

int isms_export_transition_xlsx(struct isms_buf *out, const struct isms_transition_report *report,
                                const char *org_name)
{
    const struct isms_xlsx_doc doc = {
        .file_prefix = "isms-transition",
        .title = "移行のギャップ分析 / Transition gap analysis",
        .company = org_name,
    };
    struct isms_xlsx_file file;
    lxw_worksheet *ws;
    char title[512], info[512];
    int error;

    if ((error = isms_xlsx_file_open(&file, &doc)) < 0)
        return error;
    ws = workbook_add_worksheet(file.wb, "移行 Transition");
    snprintf(title, sizeof(title),
             "ISO/IEC 27001:2013 → 2022 移行のギャップ分析 / Transition gap analysis — %s",
             org_name);
    snprintf(info, sizeof(info),
             "管理策 / Controls: %zu    新規 / New: %zu    統合 / Merged: %zu    "
             "要判断 / Conflicts: %zu    2013年版の決定なし / No 2013 decision: %zu",
             report->count, report->new_count, report->merged_count, report->conflict_count,
             report->no_source_count);
    worksheet_write_string(ws, TITLE_ROW, 0, title, isms_xlsx_title_format(file.wb));
    worksheet_write_string(ws, INFO_ROW, 0, info, NULL);
    isms_xlsx_write_header(ws, HEADER_ROW, isms_transition_column_headers, column_widths,
                           ISMS_TR_COLUMNS, isms_xlsx_header_format(file.wb, true));
    write_rows(ws, file.wb, report);
    isms_xlsx_finish_table(ws, &(const struct isms_xlsx_table){
                                   .header_row = HEADER_ROW,
                                   .last_row = (lxw_row_t)(HEADER_ROW + report->count),
                                   .columns = ISMS_TR_COLUMNS,
                                   .frozen_columns = 1,
                                   .fit_width = true,
                               });
    return isms_xlsx_file_finish(&file, out, 0);
}
