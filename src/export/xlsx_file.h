/*
 * What every workbook export shares. libxlsxwriter 1.1.4 (bookworm) can
 * only write to a file, so a workbook is built on a private temporary file
 * that is read back into a buffer and removed; and the registers share one
 * look: a bold title, a shaded header row, thin-bordered cells, a frozen
 * and filtered header, A4 landscape.
 */
#ifndef ISMS_EXPORT_XLSX_FILE_H
#define ISMS_EXPORT_XLSX_FILE_H

#include <stdbool.h>
#include <stdint.h>
#include <xlsxwriter.h>

struct isms_buf;

struct isms_xlsx_file {
    lxw_workbook *wb;
    int fd;
    char path[4096];
};

struct isms_xlsx_doc {
    const char *file_prefix; /* temporary file name, e.g. "isms-soa" */
    const char *title;       /* document properties */
    const char *company;
    bool constant_memory; /* rows written in order, not kept in memory */
};

/* Creates the temporary file and a workbook on it. On error nothing is left
 * behind. */
int isms_xlsx_file_open(struct isms_xlsx_file *file, const struct isms_xlsx_doc *doc);

/* Closes the workbook (always), then, if `error` is 0, appends the file's
 * bytes to `out`; removes the file. Returns `error` or the first new one. */
int isms_xlsx_file_finish(struct isms_xlsx_file *file, struct isms_buf *out, int error);

/* A bold 14pt title. */
lxw_format *isms_xlsx_title_format(lxw_workbook *wb);

/* A bold, wrapped, shaded, bordered header cell; `centered` also centres it
 * vertically. */
lxw_format *isms_xlsx_header_format(lxw_workbook *wb, bool centered);

/* A bordered cell aligned to the top, wrapped if `wrap`, with background
 * `bg` unless it is 0. */
lxw_format *isms_xlsx_cell_format(lxw_workbook *wb, bool wrap, uint32_t bg);

/* Sets the column widths and writes the header row. */
/* A date-time cell format ("yyyy/mm/dd hh:mm"), like isms_xlsx_cell_format. */
lxw_format *isms_xlsx_time_format(lxw_workbook *wb, uint32_t bg);

/* Writes the store's UTC `timestamp` as an Excel date-time in `zone` (Excel
 * dates carry no zone: the sheet says which it is); an empty or malformed
 * timestamp leaves a blank cell with `format`. */
void isms_xlsx_write_time(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *timestamp,
                          const char *zone, lxw_format *format);

void isms_xlsx_write_header(lxw_worksheet *ws, lxw_row_t row, const char *const *headers,
                            const double *widths, lxw_col_t columns, lxw_format *format);

struct isms_xlsx_table {
    lxw_row_t header_row;
    lxw_row_t last_row;
    lxw_col_t columns;
    lxw_col_t frozen_columns;
    bool fit_width; /* print on one page wide */
};

/* Freezes the header and the first columns, filters the table, and prints
 * it A4 landscape with the header on every page. */
void isms_xlsx_finish_table(lxw_worksheet *ws, const struct isms_xlsx_table *table);

#endif
