#include "isms_setup.h"
#include <csv.h>
#include "util/csv.h"
#include "util/csv_reader.h"
#include "util/error.h"
#include "util/text.h"

struct read {
    struct isms_csv_reader *reader;
    struct csv_parser parser;
    isms_csv_row_fn fn;
    void *ctx;
    bool too_wide;
    int error; /* the first error: it stops the read */
};

static int stop(struct read *r, int code, const char *message)
{
    if (!r->error)
        r->error = isms_error_set(code, "%s", message);
    return r->error;
}

const char *isms_csv_reader_cell(const struct isms_csv_reader *reader, size_t i)
{
    return i < reader->count ? reader->text.ptr + reader->offsets[i] : "";
}

void isms_csv_trim_copy(char *out, size_t size, const char *s, size_t len)
{
    while (len && (*s == ' ' || *s == '\t'))
        s++, len--;
    while (len >= 3 && strncmp(s, "\xe3\x80\x80", 3) == 0)
        s += 3, len -= 3;
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    while (len >= 3 && strncmp(s + len - 3, "\xe3\x80\x80", 3) == 0)
        len -= 3;
    snprintf(out, size, "%.*s", (int)(len < size ? len : size - 1), s);
}

bool isms_csv_row_is_blank(const struct isms_csv_reader *reader)
{
    for (size_t i = 0; i < reader->count; i++) {
        char trimmed[8];
        const char *cell = isms_csv_reader_cell(reader, i);
        isms_csv_trim_copy(trimmed, sizeof(trimmed), cell, strlen(cell));
        if (*trimmed)
            return false;
    }
    return true;
}

static int add_cell(struct isms_csv_reader *reader, const char *data, size_t len)
{
    reader->offsets[reader->count++] = reader->text.len;
    if ((len && isms_buf_put(&reader->text, data, len) < 0) ||
        isms_buf_putc(&reader->text, '\0') < 0)
        return ISMS_ETOOBIG;
    return 0;
}

static void on_field(void *data, size_t len, void *ctx)
{
    struct read *r = ctx;
    const char *cell = data;

    if (r->error)
        return;
    if (r->reader->count == ISMS_CSV_COLUMNS_MAX) {
        r->too_wide = true;
        return;
    }
    /* Undo the apostrophe exports put before formula-like cells (CSV injection). */
    if (len >= 2 && cell[0] == '\'' && strchr("=+-@", cell[1]))
        cell++, len--;
    if (add_cell(r->reader, cell, len) < 0)
        stop(r, ISMS_ETOOBIG, _("a row is longer than 1 MiB"));
}

static void on_row(int terminator, void *ctx)
{
    struct read *r = ctx;
    struct isms_csv_reader *reader = r->reader;
    int error;

    (void)terminator;
    if (!r->error && r->too_wide)
        stop(r, ISMS_ETOOBIG, _("a row has more than 64 columns"));
    while (!r->error && reader->count < reader->pad_to && reader->count < ISMS_CSV_COLUMNS_MAX)
        if (add_cell(reader, "", 0) < 0)
            stop(r, ISMS_ETOOBIG, _("a row is longer than 1 MiB"));
    if (!r->error && (error = r->fn(reader, r->ctx)) < 0)
        r->error = error;
    isms_buf_reset(&reader->text);
    reader->count = 0;
    r->too_wide = false;
}

static int check_encoding(struct read *r, const char *data, size_t len)
{
    char *copy;
    bool ok;

    r->reader->line = 1;
    if (memchr(data, '\0', len))
        return stop(r, ISMS_EINVALID, _("the file contains NUL bytes; is it really CSV?"));
    if (!(copy = malloc(len + 1)))
        return stop(r, ISMS_ENOMEM, "out of memory");
    memcpy(copy, data, len);
    copy[len] = '\0';
    ok = isms_text_valid_utf8(copy);
    free(copy);
    if (!ok)
        return stop(r, ISMS_EINVALID,
                    _("the file is not UTF-8 (in Excel save it as 'CSV UTF-8 (comma delimited)')"));
    return 0;
}

/* Feeds the parser one line at a time so every row knows the line it starts on. */
static void feed(struct read *r, const char *data, size_t len)
{
    const char *p = data, *end = data + len;
    size_t line = 1;

    while (p < end && !r->error) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
        /* libcsv's public state: 0 is "no row begun", so the next row starts here. */
        if (r->parser.pstate == 0)
            r->reader->line = line;
        if (csv_parse(&r->parser, p, n, on_field, on_row, r) != n && !r->error) {
            r->reader->line = line;
            stop(r, ISMS_EINVALID,
                 _("malformed CSV: a quote in an unquoted cell or text after a closing quote"));
        }
        p += n;
        line++;
    }
    if (!r->error && csv_fini(&r->parser, on_field, on_row, r) != 0 && !r->error)
        stop(r, ISMS_EINVALID, _("malformed CSV: a quoted cell is never closed"));
}

int isms_csv_read(struct isms_csv_reader *reader, const char *data, size_t len, isms_csv_row_fn fn,
                  void *ctx)
{
    struct read r = {.reader = reader, .fn = fn, .ctx = ctx};

    isms_buf_init(&reader->text, ISMS_CSV_ROW_BYTES_MAX);
    reader->count = 0;
    if (len >= 3 && memcmp(data, ISMS_CSV_BOM, 3) == 0)
        data += 3, len -= 3;
    if (csv_init(&r.parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    if (check_encoding(&r, data, len) == 0)
        feed(&r, data, len);
    csv_free(&r.parser);
    isms_buf_release(&reader->text);
    return r.error;
}

struct table {
    isms_csv_row_fn header, row;
    void *ctx;
    bool seen_header;
};

static int table_row(struct isms_csv_reader *reader, void *ctx)
{
    struct table *t = ctx;

    if (t->seen_header)
        return t->row(reader, t->ctx);
    t->seen_header = true;
    return t->header(reader, t->ctx);
}

int isms_csv_read_table(struct isms_csv_reader *reader, const char *data, size_t len,
                        isms_csv_row_fn header, isms_csv_row_fn row, void *ctx)
{
    struct table t = {header, row, ctx, false};
    int error = isms_csv_read(reader, data, len, table_row, &t);

    if (error == 0 && !t.seen_header) {
        reader->line = 1;
        return isms_error_set(ISMS_EINVALID, _("the file is empty: it needs a header row"));
    }
    return error;
}
