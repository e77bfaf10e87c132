/*
 * The asset register as an Excel workbook. libxlsxwriter 1.1.4 (bookworm)
 * only writes files, so the workbook goes through a private temporary file
 * that is read back and removed; constant-memory mode keeps 100k rows from
 * piling up in memory (rows must then be written in order, which they are).
 */
#include "isms_setup.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include "export/asset_export.h"
#include "isms/asset.h"
#include "isms/org.h"
#include "util/buf.h"
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
    s->header = workbook_add_format(wb);
    format_set_bold(s->header);
    format_set_text_wrap(s->header);
    format_set_bg_color(s->header, 0xD9E1F2);
    format_set_border(s->header, LXW_BORDER_THIN);
    s->cell = workbook_add_format(wb);
    format_set_border(s->cell, LXW_BORDER_THIN);
    format_set_align(s->cell, LXW_ALIGN_VERTICAL_TOP);
}

static int write_row(void *ctx, const struct isms_asset *asset)
{
    struct sheet *s = ctx;
    struct isms_asset_row row;

    if (s->row + 1 >= LXW_ROW_MAX)
        return isms_error_set(ISMS_ETOOBIG, "too many assets for one worksheet");
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
    for (lxw_col_t c = 0; c < ISMS_ASSET_COLUMNS; c++) {
        worksheet_set_column(s->ws, c, c, column_widths[c], NULL);
        worksheet_write_string(s->ws, HEADER_ROW, c, isms_asset_column_headers[c], s->header);
    }
    s->row = HEADER_ROW;
    if ((error = isms_asset_each(store, org->id, filter, write_row, s)) < 0)
        return error;
    worksheet_freeze_panes(s->ws, HEADER_ROW + 1, 2);
    worksheet_autofilter(s->ws, HEADER_ROW, 0, s->row, ISMS_ASSET_COLUMNS - 1);
    worksheet_set_landscape(s->ws);
    worksheet_set_paper(s->ws, 9); /* A4 */
    worksheet_repeat_rows(s->ws, HEADER_ROW, HEADER_ROW);
    return 0;
}

static int read_file(struct isms_buf *out, int fd)
{
    char chunk[65536];
    ssize_t n;
    int error = 0;

    if (lseek(fd, 0, SEEK_SET) < 0)
        return isms_error_set(ISMS_ERROR, "cannot read workbook: %s", strerror(errno));
    while (error == 0 && (n = read(fd, chunk, sizeof(chunk))) != 0) {
        if (n < 0)
            return isms_error_set(ISMS_ERROR, "cannot read workbook: %s", strerror(errno));
        error = isms_buf_put(out, chunk, (size_t)n);
    }
    return error;
}

int isms_export_assets_xlsx(struct isms_buf *out, struct isms_store *store,
                            const struct isms_org *org, const struct isms_asset_filter *filter)
{
    const char *env = getenv("TMPDIR");
    const char *tmpdir = env && *env ? env : "/tmp";
    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = (char *)tmpdir};
    lxw_doc_properties props = {0};
    struct sheet sheet = {0};
    char path[4096];
    lxw_workbook *wb;
    lxw_error rc;
    int fd, error;

    snprintf(path, sizeof(path), "%s/isms-assets-XXXXXX", tmpdir);
    if ((fd = mkstemp(path)) < 0)
        return isms_error_set(ISMS_ERROR, "cannot create temporary file: %s", strerror(errno));
    if (!(wb = workbook_new_opt(path, &options))) {
        error = isms_error_set(ISMS_ERROR, "cannot create workbook");
        goto done;
    }
    props.title = (char *)"情報資産台帳 / Information asset register";
    props.company = (char *)org->name;
    workbook_set_properties(wb, &props);
    make_formats(&sheet, wb);
    sheet.ws = workbook_add_worksheet(wb, "情報資産台帳 Assets");
    error = write_sheet(&sheet, store, org, filter);
    /* The workbook is closed (and freed) even when the walk failed. */
    if ((rc = workbook_close(wb)) != LXW_NO_ERROR && error == 0)
        error = isms_error_set(ISMS_ERROR, "cannot write workbook: %s", lxw_strerror(rc));
    if (error == 0)
        error = read_file(out, fd);
done:
    close(fd);
    unlink(path);
    return error;
}
