/*
 * Workbook temporary files and the shared register look (xlsx_file.h).
 */
#include "isms_setup.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "export/xlsx_file.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/timezone.h"

#define A4_PAPER 9

static const char *temporary_dir(void)
{
    const char *env = getenv("TMPDIR");

    return env && *env ? env : "/tmp";
}

int isms_xlsx_file_open(struct isms_xlsx_file *file, const struct isms_xlsx_doc *doc)
{
    const char *tmpdir = temporary_dir();
    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = (char *)tmpdir};
    lxw_doc_properties props = {0};

    snprintf(file->path, sizeof(file->path), "%s/%s-XXXXXX", tmpdir, doc->file_prefix);
    if ((file->fd = mkstemp(file->path)) < 0)
        return isms_error_set(ISMS_ERROR, "cannot create temporary file: %s", strerror(errno));
    file->wb = doc->constant_memory ? workbook_new_opt(file->path, &options)
                                    : workbook_new(file->path);
    if (!file->wb) {
        close(file->fd);
        unlink(file->path);
        return isms_error_set(ISMS_ERROR, "cannot create workbook");
    }
    props.title = (char *)doc->title;
    props.company = (char *)doc->company;
    workbook_set_properties(file->wb, &props);
    return 0;
}

static int read_back(struct isms_buf *out, int fd)
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

int isms_xlsx_file_finish(struct isms_xlsx_file *file, struct isms_buf *out, int error)
{
    lxw_error rc;

    /* The workbook is closed (and freed) even when writing it failed. */
    if ((rc = workbook_close(file->wb)) != LXW_NO_ERROR && error == 0)
        error = isms_error_set(ISMS_ERROR, "cannot write workbook: %s", lxw_strerror(rc));
    file->wb = NULL;
    if (error == 0)
        error = read_back(out, file->fd);
    close(file->fd);
    unlink(file->path);
    return error;
}

lxw_format *isms_xlsx_title_format(lxw_workbook *wb)
{
    lxw_format *f = workbook_add_format(wb);

    format_set_bold(f);
    format_set_font_size(f, 14);
    return f;
}

lxw_format *isms_xlsx_header_format(lxw_workbook *wb, bool centered)
{
    lxw_format *f = workbook_add_format(wb);

    format_set_bold(f);
    format_set_text_wrap(f);
    format_set_bg_color(f, 0xD9E1F2);
    format_set_border(f, LXW_BORDER_THIN);
    if (centered)
        format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    return f;
}

lxw_format *isms_xlsx_cell_format(lxw_workbook *wb, bool wrap, uint32_t bg)
{
    lxw_format *f = workbook_add_format(wb);

    if (wrap)
        format_set_text_wrap(f);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (bg)
        format_set_bg_color(f, bg);
    return f;
}

lxw_format *isms_xlsx_time_format(lxw_workbook *wb, uint32_t bg)
{
    lxw_format *f = isms_xlsx_cell_format(wb, false, bg);

    format_set_num_format(f, "yyyy/mm/dd hh:mm");
    return f;
}

void isms_xlsx_write_time(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *timestamp,
                          const char *zone, lxw_format *format)
{
    struct isms_local_time t;
    lxw_datetime when;

    if (!timestamp || !*timestamp || isms_tz_local(&t, zone, timestamp) < 0) {
        worksheet_write_blank(ws, row, col, format);
        return;
    }
    when = (lxw_datetime){t.year, t.month, t.day, t.hour, t.minute, t.second};
    worksheet_write_datetime(ws, row, col, &when, format);
}

void isms_xlsx_write_header(lxw_worksheet *ws, lxw_row_t row, const char *const *headers,
                            const double *widths, lxw_col_t columns, lxw_format *format)
{
    for (lxw_col_t c = 0; c < columns; c++) {
        worksheet_set_column(ws, c, c, widths[c], NULL);
        worksheet_write_string(ws, row, c, headers[c], format);
    }
}

void isms_xlsx_finish_table(lxw_worksheet *ws, const struct isms_xlsx_table *table)
{
    worksheet_freeze_panes(ws, table->header_row + 1, table->frozen_columns);
    worksheet_autofilter(ws, table->header_row, 0, table->last_row, table->columns - 1);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, A4_PAPER);
    worksheet_repeat_rows(ws, table->header_row, table->header_row);
    if (table->fit_width)
        worksheet_fit_to_pages(ws, 1, 0);
}
