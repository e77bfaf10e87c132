#include "isms_setup.h"
#include <strings.h>
#include "isms/asset_import.h"
#include "isms/cloud_service.h"
#include "util/array.h"
#include "util/buf.h"
#include "util/csv_reader.h"
#include "util/error.h"
#include "util/text.h"

enum column_kind {
    COL_IGNORED = 0,
    COL_NAME,
    COL_TYPE,
    COL_OWNER,
    COL_CLASSIFICATION,
    COL_C,
    COL_I,
    COL_A,
    COL_LOCATION,
    COL_CLOUD,
    COL_RETENTION,
    COL_BASIS,
    COL_BASIS_DATE,
    COL_NOTES,
    COL_KINDS
};

/* Header spellings, compared case-insensitively after trimming. */
static const struct {
    enum column_kind kind;
    const char *api_field; /* as isms_asset_check names it */
    bool required;
    const char *names[9];
} columns[] = {
    {COL_NAME,
     "name",
     true,
     {"資産名", "情報資産名", "名称", "資産", "name", "asset", "asset name"}},
    {COL_TYPE, "type", true, {"種別", "種類", "資産種別", "分類区分", "type", "asset type"}},
    {COL_OWNER, "owner", true, {"管理責任者", "所有者", "責任者", "管理者", "オーナー", "owner"}},
    {COL_CLASSIFICATION,
     "classification",
     true,
     {"機密区分", "分類", "区分", "機密分類", "格付", "classification"}},
    {COL_C, "confidentiality", true, {"機密性", "c", "confidentiality"}},
    {COL_I, "integrity", true, {"完全性", "i", "integrity"}},
    {COL_A, "availability", true, {"可用性", "a", "availability"}},
    {COL_LOCATION, "location", false, {"保管場所", "保存場所", "所在", "場所", "location"}},
    {COL_CLOUD,
     "cloud_service",
     false,
     {"クラウドサービス", "クラウド", "cloud service", "cloud_service", "cloud"}},
    {COL_RETENTION,
     "retention_period",
     false,
     {"保存期間", "保管期間", "保有期間", "retention", "retention period", "retention_period"}},
    {COL_BASIS,
     "retention_basis",
     false,
     {"起算日", "起算", "起算基準", "basis", "retention basis", "retention_basis"}},
    {COL_BASIS_DATE,
     "retention_basis_date",
     false,
     {"起算日付", "基準日", "basis date", "basis_date", "retention_basis_date"}},
    {COL_NOTES, "notes", false, {"備考", "notes", "note", "remarks", "コメント"}},
};

/* Columns of our own export that an import recomputes or assigns itself. */
static const char *const export_only[] = {
    "id",       "no",      "no.",        "番号",     "削除期限", "deletion due", "deletion_due",
    "更新日時", "updated", "updated_at", "登録日時", "created",  "created_at",
};

struct state {
    struct isms_asset_import *out;
    struct isms_csv_reader *reader; /* the current row */
    enum column_kind kinds[ISMS_IMPORT_COLUMNS_MAX];
    char headers[ISMS_IMPORT_COLUMNS_MAX][64];
    size_t ncolumns;
    size_t rows_seen;
    struct {
        size_t rows, row_text, cloud_names, lines;
    } room;    /* of the out->... arrays */
    int fatal; /* an error that stops the parse */
    /* The org's cloud service register, when importing into an org: a row
     * naming a service outside it is an error of that row, in the same pass
     * as every other. Not looked at when only parsing (resolve false). */
    bool resolve;
    const struct isms_cloud_service *services;
    size_t service_count;
};

static int fatal(struct state *st, int code, size_t line, const char *message)
{
    return isms_import_error_fatal(&st->out->errors, &st->fatal, code, line, message);
}

static enum column_kind kind_of_name(const char *name, bool *known)
{
    *known = true;
    for (size_t c = 0; c < ISMS_ARRAY_SIZE(columns); c++)
        for (size_t n = 0; n < ISMS_ARRAY_SIZE(columns[c].names) && columns[c].names[n]; n++)
            if (strcasecmp(name, columns[c].names[n]) == 0)
                return columns[c].kind;
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(export_only); i++)
        if (strcasecmp(name, export_only[i]) == 0)
            return COL_IGNORED;
    *known = false;
    return COL_IGNORED;
}

/* A header is the name itself or, as our export writes them, "日本語 / English". */
static enum column_kind kind_of_header(const char *header, bool *known)
{
    const char *slash = strchr(header, '/');
    enum column_kind kind = kind_of_name(header, known);
    char part[64];

    if (*known || !slash)
        return kind;
    isms_csv_trim_copy(part, sizeof(part), header, (size_t)(slash - header));
    kind = kind_of_name(part, known);
    if (*known)
        return kind;
    isms_csv_trim_copy(part, sizeof(part), slash + 1, strlen(slash + 1));
    return kind_of_name(part, known);
}

static void note_ignored(struct isms_asset_import *out, const char *header)
{
    size_t used = strlen(out->ignored_columns);

    if (*header && used + strlen(header) + 3 < sizeof(out->ignored_columns))
        snprintf(out->ignored_columns + used, sizeof(out->ignored_columns) - used, "%s%s",
                 used ? ", " : "", header);
}

static const char *column_label(enum column_kind kind)
{
    for (size_t c = 0; c < ISMS_ARRAY_SIZE(columns); c++)
        if (columns[c].kind == kind)
            return columns[c].names[0];
    return "";
}

static void read_header(struct state *st)
{
    bool seen[COL_KINDS] = {false};
    char missing[200] = "";

    st->ncolumns = st->reader->count;
    st->reader->pad_to = st->ncolumns;
    for (size_t i = 0; i < st->reader->count; i++) {
        bool known;
        isms_csv_trim_copy(st->headers[i], sizeof(st->headers[i]),
                           isms_csv_reader_cell(st->reader, i),
                           strlen(isms_csv_reader_cell(st->reader, i)));
        st->kinds[i] = kind_of_header(st->headers[i], &known);
        if (!known)
            note_ignored(st->out, st->headers[i]);
        if (st->kinds[i] != COL_IGNORED && seen[st->kinds[i]]) {
            isms_import_error_add(&st->out->errors, st->reader->line, i + 1, st->headers[i],
                                  "column '%s' appears twice", st->headers[i]);
            st->fatal = ISMS_EINVALID;
        }
        seen[st->kinds[i]] = true;
        if (st->kinds[i] == COL_CLOUD) {
            st->out->cloud_column = i + 1;
            snprintf(st->out->cloud_header, sizeof(st->out->cloud_header), "%s", st->headers[i]);
        }
    }
    for (size_t c = 0; c < ISMS_ARRAY_SIZE(columns); c++)
        if (columns[c].required && !seen[columns[c].kind]) {
            size_t used = strlen(missing);
            snprintf(missing + used, sizeof(missing) - used, "%s'%s'", used ? ", " : "",
                     columns[c].names[0]);
        }
    if (*missing) {
        char message[240];
        snprintf(message, sizeof(message), "the header row lacks the required column(s) %.190s",
                 missing);
        fatal(st, ISMS_EINVALID, st->reader->line, message);
    }
}

/* 1-3, also written in full-width digits or as 低/中/高 and L/M/H. */
static int parse_cia(int *out, const char *text)
{
    static const struct {
        const char *text;
        int value;
    } words[] = {{"1", 1},  {"2", 2},  {"3", 3},  {"１", 1}, {"２", 2}, {"３", 3},
                 {"低", 1}, {"中", 2}, {"高", 3}, {"L", 1},  {"M", 2},  {"H", 3}};
    char trimmed[16];

    isms_csv_trim_copy(trimmed, sizeof(trimmed), text, strlen(text));
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(words); i++)
        if (strcasecmp(trimmed, words[i].text) == 0) {
            *out = words[i].value;
            return 0;
        }
    return isms_error_set(ISMS_EINVALID, _("must be 1, 2 or 3 (or 低/中/高), not '%.40s'"), text);
}

struct row {
    struct isms_asset_input in;
    const char *cloud_name;
    const char *texts[COL_KINDS]; /* by kind; NULL when the column is absent */
    size_t column_of[COL_KINDS];  /* 1-based */
    bool bad;
};

static int64_t find_service(const struct isms_cloud_service *services, size_t count,
                            const char *name)
{
    for (size_t i = 0; i < count; i++)
        if (strcmp(services[i].name, name) == 0)
            return services[i].id;
    for (size_t i = 0; i < count; i++)
        if (strcasecmp(services[i].name, name) == 0)
            return services[i].id;
    return 0;
}

static void row_error(struct state *st, struct row *r, enum column_kind kind, const char *message)
{
    size_t col = r->column_of[kind];

    r->bad = true;
    isms_import_error_add(&st->out->errors, st->reader->line, col,
                          col ? st->headers[col - 1] : column_label(kind), "%s", message);
}

/* "情報 / information", as our export writes values: the English part. */
static const char *value_part(const char *text)
{
    const char *slash = text ? strstr(text, " / ") : NULL;

    return slash ? slash + 3 : text;
}

static void parse_enums(struct state *st, struct row *r)
{
    static const enum column_kind cia[] = {COL_C, COL_I, COL_A};
    int *cia_out[] = {&r->in.confidentiality, &r->in.integrity, &r->in.availability};
    int value = 0;

    if (isms_asset_type_parse(&r->in.type, value_part(r->texts[COL_TYPE])) < 0)
        row_error(st, r, COL_TYPE, isms_error_last());
    if (isms_asset_classification_parse(&r->in.classification,
                                        value_part(r->texts[COL_CLASSIFICATION])) < 0)
        row_error(st, r, COL_CLASSIFICATION, isms_error_last());
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(cia); i++) {
        if (parse_cia(&value, r->texts[cia[i]]) < 0)
            row_error(st, r, cia[i], isms_error_last());
        else
            *cia_out[i] = value;
    }
}

/* The basis column may hold the basis ("契約終了日") or, for a fixed start, the date itself. */
static void parse_retention(struct state *st, struct row *r)
{
    const char *basis = value_part(r->texts[COL_BASIS]), *date = r->texts[COL_BASIS_DATE];
    struct isms_date as_date;
    enum column_kind blame = r->column_of[COL_RETENTION] ? COL_RETENTION : COL_BASIS;

    if (basis && *basis && (!date || !*date) && isms_date_parse(&as_date, basis) == 0) {
        date = basis;
        basis = "fixed_date";
    }
    if (isms_retention_parse(&r->in.retention, r->texts[COL_RETENTION], basis, date) < 0) {
        const char *msg = isms_error_last();
        if (strstr(msg, "basis date"))
            blame = r->column_of[COL_BASIS_DATE] ? COL_BASIS_DATE : COL_BASIS;
        else if (strstr(msg, "retention basis must"))
            blame = COL_BASIS;
        row_error(st, r, blame, msg);
    }
}

static enum column_kind kind_of_field(const char *field)
{
    for (size_t c = 0; c < ISMS_ARRAY_SIZE(columns); c++)
        if (strcmp(columns[c].api_field, field) == 0)
            return columns[c].kind;
    return COL_NAME;
}

/* Makes room for one more row in each of the parallel arrays (each has its
 * own room, so one that failed to grow is never written past). */
static int reserve_row(struct state *st)
{
    struct isms_asset_import *out = st->out;
    size_t n = out->count;

    if (ISMS_ARRAY_RESERVE(out->rows, st->room.rows, n) < 0 ||
        ISMS_ARRAY_RESERVE(out->row_text, st->room.row_text, n) < 0 ||
        ISMS_ARRAY_RESERVE(out->cloud_names, st->room.cloud_names, n) < 0 ||
        ISMS_ARRAY_RESERVE(out->lines, st->room.lines, n) < 0)
        return ISMS_ENOMEM;
    return 0;
}

/* Keeps a good row: its cells move into storage the row's strings point into. */
static int keep_row(struct state *st, struct row *r)
{
    struct isms_asset_import *out = st->out;
    const char **fields[] = {&r->in.name, &r->in.owner, &r->in.location, &r->in.notes,
                             &r->cloud_name};
    char *text;

    const struct isms_buf *cells = &st->reader->text;

    if (reserve_row(st) < 0 || !(text = malloc(cells->len ? cells->len : 1)))
        return fatal(st, ISMS_ENOMEM, st->reader->line, "out of memory");
    memcpy(text, cells->ptr, cells->len);
    /* Every text of the row points into the row's cells (padded to the
     * header's width) or is NULL. */
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(fields); i++)
        if (*fields[i])
            *fields[i] = text + (*fields[i] - cells->ptr);
    out->rows[out->count] = r->in;
    out->row_text[out->count] = text;
    out->cloud_names[out->count] = r->cloud_name;
    out->lines[out->count] = st->reader->line;
    out->count++;
    return 0;
}

static void read_data_row(struct state *st)
{
    struct row r = {0};
    const char *field = NULL;

    if (isms_csv_row_is_blank(st->reader))
        return;
    if (++st->rows_seen > ISMS_IMPORT_ROWS_MAX) {
        fatal(st, ISMS_ETOOBIG, st->reader->line,
              _("the file has more rows than the import takes"));
        return;
    }
    for (size_t i = 0; i < st->ncolumns; i++) {
        r.texts[st->kinds[i]] = isms_csv_reader_cell(st->reader, i);
        r.column_of[st->kinds[i]] = i + 1;
    }
    for (size_t i = st->ncolumns; i < st->reader->count; i++)
        if (*isms_csv_reader_cell(st->reader, i)) {
            r.bad = true;
            isms_import_error_add(&st->out->errors, st->reader->line, i + 1, "",
                                  _("the row has more cells than the header"));
            break;
        }
    r.in.name = r.texts[COL_NAME];
    r.in.owner = r.texts[COL_OWNER];
    r.in.location = r.texts[COL_LOCATION];
    r.in.notes = r.texts[COL_NOTES];
    r.cloud_name = r.texts[COL_CLOUD] && *r.texts[COL_CLOUD] ? r.texts[COL_CLOUD] : NULL;
    if (!*r.in.name)
        row_error(st, &r, COL_NAME, _("a name is required"));
    if (!*r.in.owner)
        row_error(st, &r, COL_OWNER, _("an owner is required"));
    parse_enums(st, &r);
    parse_retention(st, &r);
    if (!r.bad && isms_asset_check(&r.in, &field) < 0)
        row_error(st, &r, kind_of_field(field), isms_error_last());
    if (r.cloud_name && st->resolve &&
        !(r.in.cloud_service_id = find_service(st->services, st->service_count, r.cloud_name))) {
        size_t col = r.column_of[COL_CLOUD];
        r.bad = true;
        isms_import_error_add(&st->out->errors, st->reader->line, col,
                              col ? st->headers[col - 1] : column_label(COL_CLOUD),
                              _("cloud service '%.80s' is not in the cloud service register"),
                              r.cloud_name);
    }
    if (r.bad)
        st->out->errors.rows++;
    else
        keep_row(st, &r);
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
    read_data_row(ctx);
    return ((struct state *)ctx)->fatal;
}

static int parse(struct isms_asset_import *out, const char *data, size_t len, bool resolve,
                 const struct isms_cloud_service *services, size_t service_count)
{
    struct isms_csv_reader reader = {0};
    struct state st = {.out = out,
                       .reader = &reader,
                       .resolve = resolve,
                       .services = services,
                       .service_count = service_count};
    int error;

    memset(out, 0, sizeof(*out));
    if (len > ISMS_IMPORT_BYTES_MAX) {
        fatal(&st, ISMS_ETOOBIG, 1, _("the file is larger than 64 MiB"));
        return isms_import_errors_result(&out->errors, st.fatal);
    }
    if ((error = isms_csv_read_table(&reader, data, len, on_header, on_row, &st)) < 0 && !st.fatal)
        fatal(&st, error, reader.line, isms_error_last());
    return isms_import_errors_result(&out->errors, st.fatal);
}

int isms_asset_import_parse(struct isms_asset_import *out, const char *data, size_t len)
{
    return parse(out, data, len, false, NULL, 0);
}

int isms_asset_import(struct isms_asset_import *out, struct isms_store *store, int64_t org_id,
                      const char *data, size_t len, const struct isms_actor *actor)
{
    struct isms_cloud_service *services = NULL;
    size_t count = 0;
    int error;

    memset(out, 0, sizeof(*out));
    if ((error = isms_cloud_service_list(&services, &count, store, org_id)) < 0)
        return error;
    error = parse(out, data, len, true, services, count);
    free(services);
    if (error < 0)
        return error;
    if (out->count == 0)
        return isms_error_set(ISMS_EINVALID, _("the file has a header but no assets"));
    return isms_asset_create_many(&out->first_id, store, org_id, out->rows, out->count, actor);
}

void isms_asset_import_release(struct isms_asset_import *import)
{
    for (size_t i = 0; i < import->count; i++)
        free(import->row_text[i]);
    free(import->rows);
    free(import->row_text);
    free(import->cloud_names);
    free(import->lines);
    isms_import_errors_release(&import->errors);
    memset(import, 0, sizeof(*import));
}
