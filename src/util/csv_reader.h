/*
 * Reading CSV files users upload (RFC 4180, UTF-8 with or without BOM, as
 * Excel's "CSV UTF-8" saves them), one row at a time, each row knowing the
 * line of the file it starts on so errors can name it. The imports of the
 * registers (isms/asset_import.h, isms/transition.h) read through this.
 */
#ifndef ISMS_UTIL_CSV_READER_H
#define ISMS_UTIL_CSV_READER_H

#include "util/buf.h"

#define ISMS_CSV_COLUMNS_MAX 64
#define ISMS_CSV_ROW_BYTES_MAX (1u << 20)

/* The current row, for the row callback: cells `count`, each NUL-terminated
 * in `text` at `offsets` (isms_csv_reader_cell reads them). A row shorter than
 * `pad_to` (the caller sets it, e.g. to the header's width) is given empty
 * cells up to it, so every cell a caller keeps lies in `text`. */
struct isms_csv_reader {
    size_t pad_to;
    struct isms_buf text;
    size_t offsets[ISMS_CSV_COLUMNS_MAX];
    size_t count;
    size_t line; /* 1-based line the row starts on; of the error after one */
};

/* Returns <0 to stop the read with that error. */
typedef int (*isms_csv_row_fn)(struct isms_csv_reader *reader, void *ctx);

/* Cell `i` of the current row, "" past its end. A leading apostrophe that an
 * export put before a formula-like cell (util/csv.h) is already removed. */
const char *isms_csv_reader_cell(const struct isms_csv_reader *reader, size_t i);

/* True when every cell of the row is empty or white space. */
bool isms_csv_row_is_blank(const struct isms_csv_reader *reader);

/* Calls `fn` for every row of `data` (a BOM is skipped). 0 at the end;
 * ISMS_EINVALID (NUL bytes, not UTF-8, malformed quoting), ISMS_ETOOBIG (a
 * row over ISMS_CSV_COLUMNS_MAX cells or ISMS_CSV_ROW_BYTES_MAX bytes) with
 * the message set and reader->line on the line at fault; or fn's error. */
int isms_csv_read(struct isms_csv_reader *reader, const char *data, size_t len, isms_csv_row_fn fn,
                  void *ctx);

/* The same for a table: `header` gets the first row, `row` every other.
 * ISMS_EINVALID "the file is empty: it needs a header row" when there is
 * none. */
int isms_csv_read_table(struct isms_csv_reader *reader, const char *data, size_t len,
                        isms_csv_row_fn header, isms_csv_row_fn row, void *ctx);

/* `s` (`len` bytes) without surrounding ASCII and ideographic spaces, cut
 * to fit `size` bytes of `out`. */
void isms_csv_trim_copy(char *out, size_t size, const char *s, size_t len);

#endif
