/*
 * The SoA as an Excel workbook, the form most ISMS teams and auditors work in.
 * libxlsxwriter 1.1.4 (bookworm) can only write to a file, so the workbook
 * goes through a private temporary file that is read back and removed.
 */
#include "isms_setup.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include "export/soa_columns.h"
#include "export/soa_export.h"
#include "isms/soa.h"
#include "util/buf.h"
#include "util/error.h"

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
    f->title = workbook_add_format(wb);
    format_set_bold(f->title);
    format_set_font_size(f->title, 14);
    f->header = workbook_add_format(wb);
    format_set_bold(f->header);
    format_set_text_wrap(f->header);
    format_set_bg_color(f->header, 0xD9E1F2);
    format_set_border(f->header, LXW_BORDER_THIN);
    format_set_align(f->header, LXW_ALIGN_VERTICAL_CENTER);
    f->cell = workbook_add_format(wb);
    format_set_text_wrap(f->cell);
    format_set_border(f->cell, LXW_BORDER_THIN);
    format_set_align(f->cell, LXW_ALIGN_VERTICAL_TOP);
    f->undecided = workbook_add_format(wb);
    format_set_text_wrap(f->undecided);
    format_set_border(f->undecided, LXW_BORDER_THIN);
    format_set_align(f->undecided, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(f->undecided, 0xFFF2CC);
}

static void write_sheet(lxw_worksheet *ws, const struct formats *f, const struct isms_soa *soa)
{
    char title[512], info[256];
    lxw_row_t last_row = (lxw_row_t)(HEADER_ROW + soa->count);

    snprintf(title, sizeof(title), "適用宣言書 / Statement of Applicability — %s", soa->org.name);
    snprintf(info, sizeof(info), "役割 / Role: %s    管理策 / Controls: %zu    未決定 / Undecided: %zu",
             isms_org_role_name(soa->org.role), soa->count, isms_soa_undecided_count(soa));
    worksheet_write_string(ws, TITLE_ROW, 0, title, f->title);
    worksheet_write_string(ws, INFO_ROW, 0, info, NULL);
    for (lxw_col_t c = 0; c < ISMS_SOA_COLUMNS; c++) {
        worksheet_set_column(ws, c, c, column_widths[c], NULL);
        worksheet_write_string(ws, HEADER_ROW, c, isms_soa_column_headers[c], f->header);
    }
    for (size_t i = 0; i < soa->count; i++) {
        struct isms_soa_row row;
        lxw_format *fmt =
            soa->entries[i].applicability == ISMS_SOA_UNDECIDED ? f->undecided : f->cell;
        isms_soa_row_render(&row, &soa->entries[i]);
        for (lxw_col_t c = 0; c < ISMS_SOA_COLUMNS; c++)
            worksheet_write_string(ws, (lxw_row_t)(HEADER_ROW + 1 + i), c, row.cells[c], fmt);
    }
    worksheet_freeze_panes(ws, HEADER_ROW + 1, 1);
    worksheet_autofilter(ws, HEADER_ROW, 0, last_row, ISMS_SOA_COLUMNS - 1);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9); /* A4 */
    worksheet_repeat_rows(ws, HEADER_ROW, HEADER_ROW);
    worksheet_fit_to_pages(ws, 1, 0);
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

int isms_export_soa_xlsx(struct isms_buf *out, const struct isms_soa *soa)
{
    const char *tmpdir = getenv("TMPDIR");
    lxw_doc_properties props = {0};
    char path[4096];
    struct formats formats;
    lxw_workbook *wb;
    lxw_error rc;
    int fd, error;

    snprintf(path, sizeof(path), "%s/isms-soa-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
    if ((fd = mkstemp(path)) < 0)
        return isms_error_set(ISMS_ERROR, "cannot create temporary file: %s", strerror(errno));
    if (!(wb = workbook_new(path))) {
        error = isms_error_set(ISMS_ERROR, "cannot create workbook");
        goto done;
    }
    props.title = (char *)"適用宣言書 / Statement of Applicability";
    props.company = (char *)soa->org.name;
    workbook_set_properties(wb, &props);
    make_formats(&formats, wb);
    write_sheet(workbook_add_worksheet(wb, "適用宣言書 SoA"), &formats, soa);
    if ((rc = workbook_close(wb)) != LXW_NO_ERROR) {
        error = isms_error_set(ISMS_ERROR, "cannot write workbook: %s", lxw_strerror(rc));
        goto done;
    }
    error = read_file(out, fd);
done:
    close(fd);
    unlink(path);
    return error;
}
