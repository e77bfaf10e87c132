/*
 * The SoA as an Excel workbook, the form most ISMS teams and auditors work in
 * (built through a temporary file, see xlsx_file.h).
 */
#include "isms_setup.h"
#include "export/soa_columns.h"
#include "export/soa_export.h"
#include "export/xlsx_file.h"
#include "isms/soa.h"

#define TITLE_ROW 0
#define INFO_ROW 1
#define HEADER_ROW 3

static const double column_widths[ISMS_SOA_COLUMNS] = {
    12, 18, 36, 40, 18, 28, 40, 22, 40, 26, 14, 18, 21,
};

struct formats {
    lxw_format *title;
    lxw_format *header;
    lxw_format *cell;
    lxw_format *undecided;
};

static void make_formats(struct formats *f, lxw_workbook *wb)
{
    f->title = isms_xlsx_title_format(wb);
    f->header = isms_xlsx_header_format(wb, true);
    f->cell = isms_xlsx_cell_format(wb, true, 0);
    f->undecided = isms_xlsx_cell_format(wb, true, 0xFFF2CC);
}

static void write_sheet(lxw_worksheet *ws, const struct formats *f, const struct isms_soa *soa)
{
    char title[512], info[256];

    snprintf(title, sizeof(title), "適用宣言書 / Statement of Applicability — %s", soa->org.name);
    snprintf(info, sizeof(info), "役割 / Role: %s    管理策 / Controls: %zu    未決定 / Undecided: %zu",
             isms_org_role_name(soa->org.role), soa->count, isms_soa_undecided_count(soa));
    worksheet_write_string(ws, TITLE_ROW, 0, title, f->title);
    worksheet_write_string(ws, INFO_ROW, 0, info, NULL);
    isms_xlsx_write_header(ws, HEADER_ROW, isms_soa_column_headers, column_widths,
                           ISMS_SOA_COLUMNS, f->header);
    for (size_t i = 0; i < soa->count; i++) {
        struct isms_soa_row row;
        lxw_format *fmt =
            soa->entries[i].applicability == ISMS_SOA_UNDECIDED ? f->undecided : f->cell;
        isms_soa_row_render(&row, &soa->entries[i]);
        for (lxw_col_t c = 0; c < ISMS_SOA_COLUMNS; c++)
            worksheet_write_string(ws, (lxw_row_t)(HEADER_ROW + 1 + i), c, row.cells[c], fmt);
    }
    isms_xlsx_finish_table(ws, &(const struct isms_xlsx_table){
                                   .header_row = HEADER_ROW,
                                   .last_row = (lxw_row_t)(HEADER_ROW + soa->count),
                                   .columns = ISMS_SOA_COLUMNS,
                                   .frozen_columns = 1,
                                   .fit_width = true,
                               });
}

int isms_export_soa_xlsx(struct isms_buf *out, const struct isms_soa *soa)
{
    const struct isms_xlsx_doc doc = {
        .file_prefix = "isms-soa",
        .title = "適用宣言書 / Statement of Applicability",
        .company = soa->org.name,
    };
    struct isms_xlsx_file file;
    struct formats formats;
    int error;

    if ((error = isms_xlsx_file_open(&file, &doc)) < 0)
        return error;
    make_formats(&formats, file.wb);
    write_sheet(workbook_add_worksheet(file.wb, "適用宣言書 SoA"), &formats, soa);
    return isms_xlsx_file_finish(&file, out, 0);
}
