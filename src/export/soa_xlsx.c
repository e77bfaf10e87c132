/*
 * The SoA as an Excel workbook, the form most ISMS teams and auditors work in
 * (built through a temporary file, see xlsx_file.h).
 */
#include "isms_setup.h"
#include "export/soa_columns.h"
#include "export/soa_export.h"
#include "export/xlsx_file.h"
#include "isms/soa.h"
#include "isms/soa_labels.h"
#include "util/timezone.h"

#define TITLE_ROW 0
#define INFO_ROW 1
#define HEADER_ROW 3

static const double column_widths[ISMS_SOA_COLUMNS] = {
    12, 18, 36, 40, 18, 28, 40, 22, 40, 26, 14, 18, 21,
};

#define UNDECIDED_FILL 0xFFF2CC

struct formats {
    lxw_format *title;
    lxw_format *header;
    lxw_format *cell, *time;
    lxw_format *undecided, *undecided_time;
};

static void make_formats(struct formats *f, lxw_workbook *wb)
{
    f->title = isms_xlsx_title_format(wb);
    f->header = isms_xlsx_header_format(wb, true);
    f->cell = isms_xlsx_cell_format(wb, true, 0);
    f->time = isms_xlsx_time_format(wb, 0);
    f->undecided = isms_xlsx_cell_format(wb, true, UNDECIDED_FILL);
    f->undecided_time = isms_xlsx_time_format(wb, UNDECIDED_FILL);
}

static void write_row(lxw_worksheet *ws, lxw_row_t r, const struct formats *f,
                      const struct isms_soa_entry *e, const char *zone)
{
    bool undecided = e->applicability == ISMS_SOA_UNDECIDED;
    struct isms_soa_row row;

    isms_soa_row_render(&row, e);
    for (lxw_col_t c = 0; c < ISMS_SOA_COLUMNS; c++)
        if (c == ISMS_SOA_COL_UPDATED)
            isms_xlsx_write_time(ws, r, c, e->updated_at, zone,
                                 undecided ? f->undecided_time : f->time);
        else
            worksheet_write_string(ws, r, c, row.cells[c], undecided ? f->undecided : f->cell);
}

static void write_sheet(lxw_worksheet *ws, const struct formats *f, const struct isms_soa *soa,
                        const char *zone)
{
    const struct isms_label *role = isms_org_role_label(soa->org.role);
    char title[512], info[512];

    snprintf(title, sizeof(title), "適用宣言書 / Statement of Applicability — %s", soa->org.name);
    snprintf(info, sizeof(info),
             "役割 / Role: %s / %s    管理策 / Controls: %zu    未決定 / Undecided: %zu    "
             "日時 / Times: %s",
             role->ja, role->en, soa->count, isms_soa_undecided_count(soa), zone);
    worksheet_write_string(ws, TITLE_ROW, 0, title, f->title);
    worksheet_write_string(ws, INFO_ROW, 0, info, NULL);
    isms_xlsx_write_header(ws, HEADER_ROW, isms_soa_column_headers, column_widths, ISMS_SOA_COLUMNS,
                           f->header);
    for (size_t i = 0; i < soa->count; i++)
        write_row(ws, (lxw_row_t)(HEADER_ROW + 1 + i), f, &soa->entries[i], zone);
    isms_xlsx_finish_table(ws, &(const struct isms_xlsx_table){
                                   .header_row = HEADER_ROW,
                                   .last_row = (lxw_row_t)(HEADER_ROW + soa->count),
                                   .columns = ISMS_SOA_COLUMNS,
                                   .frozen_columns = 1,
                                   .fit_width = true,
                               });
}

int isms_export_soa_xlsx(struct isms_buf *out, const struct isms_soa *soa, const char *zone)
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
    write_sheet(workbook_add_worksheet(file.wb, "適用宣言書 SoA"), &formats, soa,
                zone && *zone ? zone : ISMS_TZ_DEFAULT_JA);
    return isms_xlsx_file_finish(&file, out, 0);
}
