/* Writing RFC 4180 CSV that spreadsheets open safely. */
#ifndef ISMS_UTIL_CSV_H
#define ISMS_UTIL_CSV_H

struct isms_buf;

/* The UTF-8 byte order mark: without it Excel reads UTF-8 CSV as Shift_JIS. */
#define ISMS_CSV_BOM "\xEF\xBB\xBF"

/* Appends one cell, quoted when needed, followed by ',' or (when `last`) CRLF.
 * A cell a spreadsheet would evaluate as a formula (starting with = + - @,
 * tab or CR) gets a leading apostrophe so it stays text (CSV injection). */
int isms_csv_cell(struct isms_buf *out, const char *cell, bool last);

/* Appends a whole row of `count` cells. */
int isms_csv_row(struct isms_buf *out, const char *const *cells, size_t count);

#endif
