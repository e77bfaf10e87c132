#include "isms_setup.h"
#include "util/array.h"
#include "util/error.h"
#include "util/tsv.h"

static size_t count_fields(const char *line)
{
    size_t n = 1;

    for (; *line; line++)
        n += *line == '\t';
    return n;
}

/* Splits one line in place into `columns` cells appended at cells[at...]. */
static void split_line(const char **cells, size_t at, char *line)
{
    cells[at++] = line;
    for (; *line; line++)
        if (*line == '\t') {
            *line = '\0';
            cells[at++] = line + 1;
        }
}

static char *next_line(char **cursor)
{
    char *line = *cursor, *end;
    size_t len;

    if (!line)
        return NULL;
    end = strchr(line, '\n');
    if (end) {
        *end = '\0';
        *cursor = end + 1;
    } else {
        *cursor = NULL;
    }
    len = strlen(line);
    if (len && line[len - 1] == '\r')
        line[len - 1] = '\0';
    return line;
}

static int reserve_row(struct isms_tsv *tsv, size_t *capacity)
{
    size_t need = (tsv->rows + 2) * tsv->columns; /* header + rows so far + this one */

    return isms_array_reserve(&tsv->cells, capacity, need - 1, sizeof(*tsv->cells));
}

static int add_line(struct isms_tsv *tsv, size_t *capacity, char *line, size_t line_no)
{
    size_t fields = count_fields(line);
    bool is_header = tsv->columns == 0;
    int error;

    if (is_header && fields > ISMS_TSV_MAX_COLUMNS)
        return isms_error_set(ISMS_ETOOBIG, "line %zu: more than %d columns", line_no,
                              ISMS_TSV_MAX_COLUMNS);
    if (!is_header && fields != tsv->columns)
        return isms_error_set(ISMS_EINVALID, "line %zu: expected %zu fields, found %zu", line_no,
                              tsv->columns, fields);
    if (!is_header && tsv->rows >= ISMS_TSV_MAX_ROWS)
        return isms_error_set(ISMS_ETOOBIG, "more than %d rows", ISMS_TSV_MAX_ROWS);
    if (is_header)
        tsv->columns = fields;
    if ((error = reserve_row(tsv, capacity)) < 0)
        return error;
    if (is_header) {
        split_line(tsv->cells, 0, line);
    } else {
        split_line(tsv->cells, (tsv->rows + 1) * tsv->columns, line);
        tsv->rows++;
    }
    return 0;
}

int isms_tsv_parse(struct isms_tsv *out, const char *data, size_t len)
{
    struct isms_tsv tsv = {0};
    size_t capacity = 0, line_no = 0;
    char *cursor, *line;
    int error = 0;

    if (len > ISMS_TSV_MAX_BYTES)
        return isms_error_set(ISMS_ETOOBIG, "table larger than %u bytes", ISMS_TSV_MAX_BYTES);
    if (memchr(data, '\0', len))
        return isms_error_set(ISMS_EINVALID, "table contains a NUL byte");
    if (!(tsv.text = malloc(len + 1)))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    memcpy(tsv.text, data, len);
    tsv.text[len] = '\0';
    cursor = tsv.text;
    while ((line = next_line(&cursor)) != NULL) {
        line_no++;
        if (line[0] == '\0' || line[0] == '#')
            continue;
        if ((error = add_line(&tsv, &capacity, line, line_no)) < 0)
            break;
    }
    if (error == 0 && tsv.columns == 0)
        error = isms_error_set(ISMS_EINVALID, "table has no header line");
    if (error < 0) {
        isms_tsv_release(&tsv);
        return error;
    }
    *out = tsv;
    return 0;
}

void isms_tsv_release(struct isms_tsv *tsv)
{
    free(tsv->text);
    free(tsv->cells);
    memset(tsv, 0, sizeof(*tsv));
}

int isms_tsv_column(const struct isms_tsv *tsv, const char *name)
{
    for (size_t i = 0; i < tsv->columns; i++)
        if (strcmp(tsv->cells[i], name) == 0)
            return (int)i;
    return -1;
}

const char *isms_tsv_cell(const struct isms_tsv *tsv, size_t row, size_t column)
{
    if (row >= tsv->rows || column >= tsv->columns)
        ISMS_BUG("table cell out of range");
    return tsv->cells[(row + 1) * tsv->columns + column];
}
