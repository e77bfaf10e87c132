#include "isms_setup.h"
#include "util/buf.h"
#include "util/csv.h"

static bool looks_like_formula(const char *cell)
{
    return cell[0] && strchr("=+-@\t\r", cell[0]) != NULL;
}

static bool needs_quotes(const char *cell)
{
    return strpbrk(cell, ",\"\r\n") != NULL || cell[0] == ' ' ||
           (cell[0] && cell[strlen(cell) - 1] == ' ');
}

int isms_csv_cell(struct isms_buf *out, const char *cell, bool last)
{
    bool quote;
    int error = 0;

    cell = cell ? cell : "";
    quote = needs_quotes(cell);
    if (quote && (error = isms_buf_putc(out, '"')) < 0)
        return error;
    if (looks_like_formula(cell) && (error = isms_buf_putc(out, '\'')) < 0)
        return error;
    for (const char *p = cell; *p && error == 0; p++)
        error = *p == '"' ? isms_buf_puts(out, "\"\"") : isms_buf_putc(out, *p);
    if (error == 0 && quote)
        error = isms_buf_putc(out, '"');
    if (error == 0)
        error = isms_buf_puts(out, last ? "\r\n" : ",");
    return error;
}

int isms_csv_row(struct isms_buf *out, const char *const *cells, size_t count)
{
    int error = 0;

    for (size_t i = 0; i < count && error == 0; i++)
        error = isms_csv_cell(out, cells[i], i + 1 == count);
    return error;
}
