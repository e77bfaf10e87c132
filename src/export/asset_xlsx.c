/*
 * The asset register as an Excel workbook (built through a temporary file,
 * see xlsx_file.h); constant-memory mode keeps 100k rows from piling up in
 * memory (rows must then be written in order, which they are).
 */
#include "isms_setup.h"
#include "export/asset_export.h"
#include "export/xlsx_file.h"
#include "isms/asset.h"
#include "isms/org.h"
#include "util/error.h"

#define TITLE_ROW 0
#define HEADER_ROW 2

static const double column_widths[ISMS_ASSET_COLUMNS] = {
    8, 32, 20, 20, 20, 8, 8, 8, 24, 24, 12, 24, 12, 12, 32, 21,
};

struct sheet {
    lxw_worksheet *ws;
    lxw_format *header;
    lxw_format *cell;
    lxw_row_t row; /* last row written */
};

static void make_formats(struct sheet *s, lxw_workbook *wb)
{
    s->header = isms_xlsx_header_format(wb, false);
    s->cell = isms_xlsx_cell_format(wb, false, 0);
}

static int write_row(void *ctx, const struct isms_asset *asset)
{
    struct sheet *s = ctx;
    struct isms_asset_row row;

    if (s->row + 1 >= LXW_ROW_MAX)
        return isms_error_set(ISMS_ETOOBIG, _("too many assets for one worksheet"));
    s->row++;
    isms_asset_row_render(&row, asset);
    for (lxw_col_t c = 0; c < ISMS_ASSET_COLUMNS; c++) {
        /* Numbers stay numbers so a spreadsheet can sort and sum them. */
        if (c == ISMS_ASSET_COL_ID || c == ISMS_ASSET_COL_C || c == ISMS_ASSET_COL_I ||
            c == ISMS_ASSET_COL_A)
            worksheet_write_number(s->ws, s->row, c, strtod(row.cells[c], NULL), s->cell);
        else
            worksheet_write_string(s->ws, s->row, c, row.cells[c], s->cell);
    }
    return 0;
}

static int write_sheet(struct sheet *s, struct isms_store *store, const struct isms_org *org,
                       const struct isms_asset_filter *filter)
{
    char title[512];
    int error;

    snprintf(title, sizeof(title), "情報資産台帳 / Information asset register — %s", org->name);
    worksheet_write_string(s->ws, TITLE_ROW, 0, title, NULL);
    isms_xlsx_write_header(s->ws, HEADER_ROW, isms_asset_column_headers, column_widths,
                           ISMS_ASSET_COLUMNS, s->header);
    s->row = HEADER_ROW;
    if ((error = isms_asset_each(store, org->id, filter, write_row, s)) < 0)
        return error;
    isms_xlsx_finish_table(s->ws, &(const struct isms_xlsx_table){
                                      .header_row = HEADER_ROW,
                                      .last_row = s->row,
                                      .columns = ISMS_ASSET_COLUMNS,
                                      .frozen_columns = 2,
                                  });
    return 0;
}

int isms_export_assets_xlsx(struct isms_buf *out, struct isms_store *store,
                            const struct isms_org *org, const struct isms_asset_filter *filter)
{
    const struct isms_xlsx_doc doc = {
        .file_prefix = "isms-assets",
        .title = "情報資産台帳 / Information asset register",
        .company = org->name,
        .constant_memory = true,
    };
    struct isms_xlsx_file file;
    struct sheet sheet = {0};
    int error;

    if ((error = isms_xlsx_file_open(&file, &doc)) < 0)
        return error;
    make_formats(&sheet, file.wb);
    sheet.ws = workbook_add_worksheet(file.wb, "情報資産台帳 Assets");
    error = write_sheet(&sheet, store, org, filter);
    return isms_xlsx_file_finish(&file, out, error);
}
