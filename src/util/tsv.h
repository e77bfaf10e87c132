/*
 * Tab-separated tables: the format of the built-in catalog data and of user
 * catalog imports. One header line names the columns; lines starting with
 * '#' and blank lines are skipped; every other line must have exactly as
 * many fields as the header. No quoting: a field cannot hold a tab or newline.
 */
#ifndef ISMS_UTIL_TSV_H
#define ISMS_UTIL_TSV_H

#define ISMS_TSV_MAX_BYTES (4u << 20)
#define ISMS_TSV_MAX_COLUMNS 64
#define ISMS_TSV_MAX_ROWS 100000

struct isms_tsv {
    char *text;         /* owned copy of the input, cut into fields */
    const char **cells; /* header then rows, `columns` cells each */
    size_t columns;
    size_t rows; /* data rows, header excluded */
};

/* Parses `len` bytes of `data`. ISMS_EINVALID (message names the line) for a
 * malformed table, ISMS_ETOOBIG past the limits above. Release with
 * isms_tsv_release(). */
int isms_tsv_parse(struct isms_tsv *out, const char *data, size_t len);
void isms_tsv_release(struct isms_tsv *tsv);

/* Index of the column called `name`, or -1. */
int isms_tsv_column(const struct isms_tsv *tsv, const char *name);

/* Field `column` of data row `row`; borrowed from the table. */
const char *isms_tsv_cell(const struct isms_tsv *tsv, size_t row, size_t column);

#endif
