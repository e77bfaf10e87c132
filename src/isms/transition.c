/*
 * Reading the 2013 SoA file (transition.h). Every bad cell of every row is
 * an error with its line and column; a file with any error stores nothing.
 */
#include "isms_setup.h"
#include <strings.h>
#include "isms/transition.h"
#include "sec/random.h"
#include "store/transition.h"
#include "util/array.h"
#include "util/csv_reader.h"
#include "util/error.h"
#include "util/hex.h"
#include "util/text.h"

enum column {
    COL_OTHER = 0,
    COL_CONTROL,
    COL_APPLICABLE,
    COL_IMPLEMENTED,
    COL_JUSTIFICATION
};

/* Header spellings, compared case-insensitively after trimming. */
static const struct {
    enum column column;
    const char *names[8];
} headers[] = {
    {COL_CONTROL, {"管理策", "管理策番号", "番号", "附属書a", "control", "control id", "id"}},
    {COL_APPLICABLE, {"適用", "適用可否", "適用有無", "適用/除外", "applicable", "applicability"}},
    {COL_IMPLEMENTED, {"実施", "実施状況", "導入状況", "実装", "implemented", "implementation"}},
    {COL_JUSTIFICATION,
     {"理由", "根拠", "適用理由", "除外理由", "適用・除外の理由", "justification", "reason"}},
};
static const char *const column_names[] = {"", "control", "applicable", "implemented",
                                           "justification"};

struct state {
    struct isms_transition_import *out;
    struct isms_csv_reader *reader;
    const struct isms_catalog *catalog;
    char headers[ISMS_CSV_COLUMNS_MAX][64];          /* as written in the file */
    size_t column_of[ISMS_ARRAY_SIZE(column_names)]; /* 1-based; 0 absent */
    size_t room;
    /* Every control id read so far, good row or bad, to catch a second row
     * of a control whatever else is wrong with the first. */
    struct seen {
        char id[ISMS_TRANSITION_ID_MAX + 1];
        size_t line;
    } * seen;
    size_t seen_count, seen_room;
    int fatal;
};

static int fatal(struct state *st, int code, size_t line, const char *message)
{
    return isms_import_error_fatal(&st->out->errors, &st->fatal, code, line, message);
}

static enum column column_of_header(const char *header)
{
    for (size_t c = 0; c < ISMS_ARRAY_SIZE(headers); c++)
        for (size_t n = 0; n < ISMS_ARRAY_SIZE(headers[c].names) && headers[c].names[n]; n++)
            if (strcasecmp(header, headers[c].names[n]) == 0)
                return headers[c].column;
    return COL_OTHER;
}

static void note_ignored(struct isms_transition_import *out, const char *header)
{
    size_t used = strlen(out->ignored_columns);

    if (*header && used + strlen(header) + 3 < sizeof(out->ignored_columns))
        snprintf(out->ignored_columns + used, sizeof(out->ignored_columns) - used, "%s%s",
                 used ? ", " : "", header);
}

static void read_header(struct state *st)
{
    struct isms_csv_reader *r = st->reader;

    r->pad_to = r->count;
    for (size_t i = 0; i < r->count; i++) {
        char *header = st->headers[i];
        const char *cell = isms_csv_reader_cell(r, i);
        enum column c;
        isms_csv_trim_copy(header, sizeof(st->headers[i]), cell, strlen(cell));
        if ((c = column_of_header(header)) == COL_OTHER) {
            note_ignored(st->out, header);
        } else if (st->column_of[c]) {
            isms_import_error_add(&st->out->errors, r->line, i + 1, header,
                                  _("column '%s' appears twice"), header);
            st->fatal = ISMS_EINVALID;
        } else {
            st->column_of[c] = i + 1;
        }
    }
    if (!st->fatal && !st->column_of[COL_CONTROL])
        fatal(st, ISMS_EINVALID, r->line,
              _("the header row needs a column 'control' (管理策) with the 2013 control ids"));
    else if (!st->fatal && !st->column_of[COL_APPLICABLE])
        fatal(st, ISMS_EINVALID, r->line,
              _("the header row needs a column 'applicable' (適用) with yes or no"));
}

/* The cell of column `c` of the current row, trimmed, in `out`. */
static const char *cell_of(char *out, size_t size, const struct state *st, enum column c)
{
    const char *cell = st->column_of[c] ? isms_csv_reader_cell(st->reader, st->column_of[c] - 1)
                                        : "";

    isms_csv_trim_copy(out, size, cell, strlen(cell));
    return out;
}

static void cell_error(struct state *st, bool *bad, enum column c, const char *fmt, ...)
    ISMS_PRINTF(4, 5);

static void cell_error(struct state *st, bool *bad, enum column c, const char *fmt, ...)
{
    size_t col = st->column_of[c];
    va_list ap;

    *bad = true;
    va_start(ap, fmt);
    isms_import_error_vadd(&st->out->errors, st->reader->line, col,
                           col ? st->headers[col - 1] : column_names[c], fmt, ap);
    va_end(ap);
}

static bool word_in(const char *text, const char *const *words, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (strcasecmp(text, words[i]) == 0)
            return true;
    return false;
}

static int parse_applicable(bool *out, const char *text)
{
    static const char *const yes[] = {"yes",  "y", "true", "1",    "適用",
                                      "はい", "○", "◯",    "対象", "applicable"};
    static const char *const no[] = {"no",     "n",     "false",  "0",        "除外",
                                     "いいえ", "×",     "対象外", "excluded", "not applicable",
                                     "非適用", "適用外"};

    if (word_in(text, yes, ISMS_ARRAY_SIZE(yes)))
        *out = true;
    else if (word_in(text, no, ISMS_ARRAY_SIZE(no)))
        *out = false;
    else
        return isms_error_set(ISMS_EINVALID,
                              *text ? _("'%.40s' is not yes or no (適用/除外, はい/いいえ)")
                                    : _("say whether the control is applicable (yes or no)"),
                              text);
    return 0;
}

static int parse_implemented(enum isms_transition_implemented *out, const char *text)
{
    static const char *const yes[] = {"yes", "y",      "true",     "1",  "はい",       "○",
                                      "◯",   "実施済", "実施済み", "済", "implemented"};
    static const char *const partial[] = {"partial",  "partially", "一部",
                                          "一部実施", "△",         "実施中"};
    static const char *const no[] = {"no", "n", "false", "0", "いいえ", "×", "未実施", "未"};

    if (!*text)
        *out = ISMS_TRANSITION_IMPL_UNSET;
    else if (word_in(text, yes, ISMS_ARRAY_SIZE(yes)))
        *out = ISMS_TRANSITION_IMPL_YES;
    else if (word_in(text, partial, ISMS_ARRAY_SIZE(partial)))
        *out = ISMS_TRANSITION_IMPL_PARTIAL;
    else if (word_in(text, no, ISMS_ARRAY_SIZE(no)))
        *out = ISMS_TRANSITION_IMPL_NO;
    else
        return isms_error_set(ISMS_EINVALID,
                              _("'%.40s' is not yes, partial or no (実施済/一部/未実施)"), text);
    return 0;
}

/* "A.12.6.1", "a.12.6.1", "12.6.1" and "A12.6.1" name 2013 control 12.6.1. */
static const struct isms_control *find_control(const struct state *st, const char *text)
{
    if ((text[0] == 'A' || text[0] == 'a') && text[1] == '.')
        text += 2;
    else if (text[0] == 'A' || text[0] == 'a')
        text += 1;
    return isms_catalog_find(st->catalog, text);
}

static const struct seen *find_seen(const struct state *st, const char *id)
{
    for (size_t i = 0; i < st->seen_count; i++)
        if (strcmp(st->seen[i].id, id) == 0)
            return &st->seen[i];
    return NULL;
}

static int remember(struct state *st, const char *id)
{
    if (ISMS_ARRAY_RESERVE(st->seen, st->seen_room, st->seen_count) < 0)
        return fatal(st, ISMS_ENOMEM, st->reader->line, "out of memory");
    snprintf(st->seen[st->seen_count].id, sizeof(st->seen[0].id), "%s", id);
    st->seen[st->seen_count++].line = st->reader->line;
    return 0;
}

static void check_control(struct state *st, bool *bad, struct isms_transition_decision *d)
{
    char id[ISMS_TRANSITION_ID_MAX + 8];
    const struct isms_control *control = find_control(st, cell_of(id, sizeof(id), st, COL_CONTROL));
    const struct seen *first;

    if (!*id) {
        cell_error(st, bad, COL_CONTROL, _("a control id such as A.5.1.1 is required"));
        return;
    }
    if (!control) {
        cell_error(st, bad, COL_CONTROL,
                   _("'%.40s' is not a control of ISO/IEC 27001:2013 Annex A"), id);
        return;
    }
    isms_transition_source_id(d->control_id, control);
    if ((first = find_seen(st, d->control_id)))
        cell_error(st, bad, COL_CONTROL, _("control %s is already decided on line %zu"),
                   d->control_id, first->line);
    else
        remember(st, d->control_id);
}

static void check_cells(struct state *st, bool *bad, struct isms_transition_decision *d,
                        char *justification, size_t size)
{
    char text[64];

    if (parse_applicable(&d->applicable, cell_of(text, sizeof(text), st, COL_APPLICABLE)) < 0)
        cell_error(st, bad, COL_APPLICABLE, "%s", isms_error_last());
    if (parse_implemented(&d->implemented, cell_of(text, sizeof(text), st, COL_IMPLEMENTED)) < 0)
        cell_error(st, bad, COL_IMPLEMENTED, "%s", isms_error_last());
    cell_of(justification, size, st, COL_JUSTIFICATION);
    if (isms_text_check(justification, ISMS_TRANSITION_TEXT_MAX, true, "justification") < 0)
        cell_error(st, bad, COL_JUSTIFICATION, "%s", isms_error_last());
}

static void read_row(struct state *st)
{
    struct isms_transition_decision d = {.line = st->reader->line};
    char justification[ISMS_TRANSITION_TEXT_MAX + 2];
    bool bad = false;

    if (isms_csv_row_is_blank(st->reader))
        return;
    if (st->out->count + st->out->errors.rows >= ISMS_TRANSITION_ROWS_MAX) {
        fatal(st, ISMS_ETOOBIG, st->reader->line,
              _("the file has more rows than the import takes"));
        return;
    }
    check_control(st, &bad, &d);
    check_cells(st, &bad, &d, justification, sizeof(justification));
    if (bad) {
        st->out->errors.rows++;
        return;
    }
    if (ISMS_ARRAY_RESERVE(st->out->decisions, st->room, st->out->count) < 0 ||
        !(d.justification = strdup(justification))) {
        fatal(st, ISMS_ENOMEM, d.line, "out of memory");
        return;
    }
    st->out->decisions[st->out->count++] = d;
}

static int on_header(struct isms_csv_reader *reader, void *ctx)
{
    (void)reader;
    read_header(ctx);
    return ((struct state *)ctx)->fatal;
}

static int on_row(struct isms_csv_reader *reader, void *ctx)
{
    (void)reader;
    read_row(ctx);
    return ((struct state *)ctx)->fatal;
}

int isms_transition_parse(struct isms_transition_import *out, const char *data, size_t len)
{
    struct isms_csv_reader reader = {0};
    struct state st = {
        .out = out, .reader = &reader, .catalog = isms_catalog_get(ISMS_CATALOG_27002_2013)};
    int error;

    memset(out, 0, sizeof(*out));
    if (!st.catalog)
        return isms_error_set(ISMS_ERROR, "the ISO/IEC 27002:2013 catalog is not loaded");
    if (len > ISMS_TRANSITION_BYTES_MAX) {
        fatal(&st, ISMS_ETOOBIG, 1, _("the file is larger than 4 MiB"));
        return isms_import_errors_result(&out->errors, st.fatal);
    }
    if ((error = isms_csv_read_table(&reader, data, len, on_header, on_row, &st)) < 0 && !st.fatal)
        fatal(&st, error, reader.line, isms_error_last());
    if (!st.fatal && !out->errors.total && out->count == 0)
        fatal(&st, ISMS_EINVALID, reader.line, _("the file has a header but no controls"));
    free(st.seen);
    return isms_import_errors_result(&out->errors, st.fatal);
}

int isms_transition_import(struct isms_transition_import *out, struct isms_store *store,
                           int64_t org_id, const char *data, size_t len,
                           const struct isms_actor *actor)
{
    char sha256[ISMS_SHA256_HEX_SIZE];
    int error;

    if ((error = isms_transition_parse(out, data, len)) < 0 ||
        (error = isms_sha256_hex_bytes(sha256, data, len)) < 0)
        return error;
    return isms_store_transition_replace(store, org_id, out->decisions, out->count, sha256, actor);
}

void isms_transition_import_release(struct isms_transition_import *import)
{
    isms_transition_decisions_free(import->decisions, import->count);
    isms_import_errors_release(&import->errors);
    memset(import, 0, sizeof(*import));
}

void isms_transition_source_id(char out[ISMS_TRANSITION_ID_MAX + 1],
                               const struct isms_control *control_2013)
{
    snprintf(out, ISMS_TRANSITION_ID_MAX + 1, "A.%s", control_2013->id);
}
