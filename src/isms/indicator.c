/* Indicator import and the scan set (indicator.h). */
#include "isms_setup.h"
#include <strings.h>
#include "isms/indicator.h"
#include "isms/indicator_feeds.h"
#include "isms/threat.h"
#include "store/indicators.h"
#include "util/array.h"
#include "util/csv_reader.h"
#include "util/error.h"
#include "util/text.h"

static int parse_list(struct isms_indicator_import *out, const char *data, size_t len,
                      bool skip_bad)
{
    const char *p = data, *end = data + len;
    size_t line = 0;
    int error;

    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        char value[ISMS_IOC_VALUE_MAX + 1];
        line++;
        isms_csv_trim_copy(value, sizeof(value), p, n < sizeof(value) ? n : sizeof(value) - 1);
        p += n + (nl != NULL);
        if (!*value || *value == '#')
            continue;
        if ((error = isms_indicator_add_value(out, line, 1, value, NULL, skip_bad)) < 0)
            return error;
    }
    return 0;
}

enum column {
    COL_VALUE,
    COL_TYPE,
    COL_THREAT,
    COL_SOURCE,
    COL_TLP,
    COL_FIRST_SEEN,
    COL_ACTIVE_FROM,
    COL_ACTIVE_UNTIL,
    COL_DIRECTION,
    COL_CONFIDENCE,
    COL_TAGS,
    COL_THREAT_REF,
    COL_COUNT
};

static const char *const column_names[COL_COUNT][4] = {
    {"value", "indicator", "ioc", "値"},
    {"type", "種別", NULL, NULL},
    {"threat", "脅威", NULL, NULL},
    {"source", "情報源", NULL, NULL},
    {"tlp", NULL, NULL, NULL},
    {"first_seen", "初回観測日", NULL, NULL},
    {"active_from", "有効開始日", NULL, NULL},
    {"active_until", "有効終了日", NULL, NULL},
    {"direction", "方向", NULL, NULL},
    {"confidence", "確度", NULL, NULL},
    {"tags", "タグ", NULL, NULL},
    {"threat_ref", "threat_id", "脅威ID", NULL},
};

struct csv_state {
    struct isms_indicator_import *out;
    struct isms_csv_reader *reader;
    size_t column_of[COL_COUNT]; /* 1-based; 0 absent */
    bool skip_bad;
    int fatal;
};

static int csv_header(struct isms_csv_reader *r, void *ctx)
{
    struct csv_state *st = ctx;

    r->pad_to = r->count;
    for (size_t i = 0; i < r->count; i++) {
        char header[64];
        const char *cell = isms_csv_reader_cell(r, i);
        isms_csv_trim_copy(header, sizeof(header), cell, strlen(cell));
        for (int c = 0; c < COL_COUNT; c++)
            for (int k = 0; k < 4 && column_names[c][k]; k++)
                if (strcasecmp(header, column_names[c][k]) == 0 && !st->column_of[c])
                    st->column_of[c] = i + 1;
    }
    if (!st->column_of[COL_VALUE])
        return isms_import_error_fatal(&st->out->errors, &st->fatal, ISMS_EINVALID, r->line,
                                       _("the header row needs a column 'value' (the indicator)"));
    return 0;
}

static const char *cell(const struct csv_state *st, enum column c)
{
    return st->column_of[c] ? isms_csv_reader_cell(st->reader, st->column_of[c] - 1) : "";
}

static int take_date(struct isms_date *out, const char *text, const char *field)
{
    memset(out, 0, sizeof(*out));
    if (!*text)
        return 0;
    if (isms_date_parse(out, text) < 0)
        return isms_error_set(ISMS_EINVALID, _("'%s' must be a date (YYYY-MM-DD), not '%.40s'"),
                              field, text);
    return 0;
}

/* "ipa:3": its form here, the threat itself once the import is stored. */
static int take_threat_ref(struct isms_indicator *row, struct isms_indicator_import *out,
                           const char *text)
{
    const char *colon = strchr(text, ':');
    char source[16];

    if (!*text)
        return 0;
    snprintf(source, sizeof(source), "%.*s", colon ? (int)(colon - text) : 0, text);
    if (!colon || !colon[1] || strlen(text) > ISMS_THREAT_REF_MAX ||
        !isms_threat_source_valid(source))
        return isms_error_set(ISMS_EINVALID,
                              _("'threat_ref' must name a threat of the library (enisa:R9, "
                                "x1601:CSP-C2, ipa:3, own:12), not '%.40s'"),
                              text);
    if (!(row->threat_ref = isms_arena_strdup(&out->texts, text)))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    return 0;
}

/* The optional fields of a CSV row; the message names the first bad one. */
static int take_fields(struct isms_indicator_import *out, struct isms_indicator *row,
                       const struct csv_state *st)
{
    enum isms_ioc_type type;
    char *end;
    long confidence;
    int error;

    if (*cell(st, COL_TYPE) &&
        (isms_ioc_type_parse(&type, cell(st, COL_TYPE)) < 0 || (int)type != row->type))
        return isms_error_set(ISMS_EINVALID, _("the type '%.20s' does not fit the value (%s)"),
                              cell(st, COL_TYPE), isms_ioc_type_name(row->type));
    if ((*cell(st, COL_TLP) && (error = isms_tlp_parse(&row->tlp, cell(st, COL_TLP))) < 0) ||
        (*cell(st, COL_DIRECTION) &&
         (error = isms_direction_parse(&row->direction, cell(st, COL_DIRECTION))) < 0) ||
        (error = take_date(&row->first_seen, cell(st, COL_FIRST_SEEN), "first_seen")) < 0 ||
        (error = take_date(&row->active_from, cell(st, COL_ACTIVE_FROM), "active_from")) < 0 ||
        (error = take_date(&row->active_until, cell(st, COL_ACTIVE_UNTIL), "active_until")) < 0)
        return error;
    if (*cell(st, COL_CONFIDENCE)) {
        confidence = strtol(cell(st, COL_CONFIDENCE), &end, 10);
        if (*end || confidence < 0 || confidence > 100)
            return isms_error_set(ISMS_EINVALID, _("'confidence' must be 0 to 100"));
        row->confidence = (int)confidence;
    }
    if ((error = isms_text_check(cell(st, COL_THREAT), ISMS_INDICATOR_TEXT_MAX, false, "threat")) <
            0 ||
        (error = isms_text_check(cell(st, COL_SOURCE), ISMS_INDICATOR_TEXT_MAX, false, "source")) <
            0 ||
        (error = isms_text_check(cell(st, COL_TAGS), ISMS_INDICATOR_TEXT_MAX, false, "tags")) < 0)
        return error;
    if ((error = take_threat_ref(row, out, cell(st, COL_THREAT_REF))) < 0)
        return error;
    if (!(row->threat = isms_arena_strdup(&out->texts, cell(st, COL_THREAT))) ||
        !(row->source = isms_arena_strdup(&out->texts, cell(st, COL_SOURCE))) ||
        !(row->tags = isms_arena_strdup(&out->texts, cell(st, COL_TAGS))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    return 0;
}

static int csv_row(struct isms_csv_reader *r, void *ctx)
{
    struct csv_state *st = ctx;
    struct isms_indicator *row;
    char value[ISMS_IOC_VALUE_MAX + 1];
    const char *v = cell(st, COL_VALUE);

    if (isms_csv_row_is_blank(r))
        return 0;
    if (!(row = isms_indicator_next_row(st->out)))
        return isms_import_error_fatal(&st->out->errors, &st->fatal, ISMS_ETOOBIG, r->line,
                                       _("the file has more indicators than an import takes"));
    isms_csv_trim_copy(value, sizeof(value), v, strlen(v));
    if (isms_indicator_take_value(st->out, row, value, strlen(value)) == 0 &&
        take_fields(st->out, row, st) == 0)
        st->out->count++;
    else if (st->skip_bad)
        st->out->skipped++;
    else
        isms_import_error_add(&st->out->errors, r->line, 0, NULL, "%s", isms_error_last());
    return st->fatal;
}

static bool looks_like_csv(const char *data, size_t len)
{
    const char *nl = memchr(data, '\n', len);
    size_t n = nl ? (size_t)(nl - data) : len;

    return memchr(data, ',', n) &&
           (strncasecmp(data, "value", 5) == 0 || strncasecmp(data, "indicator", 9) == 0 ||
            strncasecmp(data,
                        "\xEF\xBB\xBF"
                        "value",
                        8) == 0 ||
            strncasecmp(data, "type,", 5) == 0);
}

int isms_indicator_parse(struct isms_indicator_import *out, const char *data, size_t len,
                         enum isms_indicator_format format, bool skip_bad)
{
    struct isms_csv_reader reader = {0};
    struct csv_state st = {.out = out, .reader = &reader, .skip_bad = skip_bad};
    int error = 0;

    memset(out, 0, sizeof(*out));
    if (len > ISMS_INDICATOR_FILE_MAX)
        return isms_error_set(ISMS_ETOOBIG, _("the file is larger than 256 MiB"));
    if (format == ISMS_INDICATOR_AUTO)
        format = isms_indicator_sniff_json(data, len) ? isms_indicator_sniff_json(data, len)
                 : looks_like_csv(data, len)          ? ISMS_INDICATOR_CSV
                                                      : ISMS_INDICATOR_LIST;
    if (format == ISMS_INDICATOR_STIX || format == ISMS_INDICATOR_MISP ||
        format == ISMS_INDICATOR_WARNINGLIST)
        error = isms_indicator_parse_feed(out, data, len, format, skip_bad);
    else if (format == ISMS_INDICATOR_LIST)
        error = parse_list(out, data, len, skip_bad);
    else if ((error = isms_csv_read_table(&reader, data, len, csv_header, csv_row, &st)) < 0 &&
             !st.fatal)
        isms_import_error_fatal(&out->errors, &st.fatal, error, reader.line, isms_error_last());
    if (error < 0 && !out->errors.total)
        return error;
    if (!out->errors.total && !out->count)
        return isms_error_set(ISMS_EINVALID, _("the file has no indicator"));
    out->errors.rows = out->errors.total;
    return isms_import_errors_result(&out->errors, st.fatal);
}

/* Each row's threat of the library (its own, else the import's) resolved
 * to its canonical reference: an unknown one fails the import. */
static int resolve_threats(struct isms_indicator_import *out, struct isms_store *store,
                           int64_t org_id, const char *default_ref)
{
    struct isms_threat_info info = {0};
    const char *resolved = NULL, *last = NULL;
    int error;

    for (size_t i = 0; i < out->count; i++) {
        const char *ref = out->rows[i].threat_ref && *out->rows[i].threat_ref
                              ? out->rows[i].threat_ref
                              : default_ref;
        if (!ref || !*ref)
            continue;
        if (!last || strcmp(ref, last) != 0) {
            if ((error = isms_threat_resolve(&info, store, org_id, ref)) < 0)
                return isms_error_set(error, _("the threat '%.63s' is not in the library"), ref);
            if (!(resolved = isms_arena_strdup(&out->texts, info.ref)))
                return isms_error_set(ISMS_ENOMEM, "out of memory");
            last = ref;
        }
        out->rows[i].threat_ref = resolved;
    }
    return 0;
}

int isms_indicator_import(struct isms_indicator_import *out, struct isms_store *store,
                          int64_t org_id, const char *data, size_t len,
                          const struct isms_indicator_import_options *options,
                          const struct isms_actor *actor)
{
    int error;

    if ((error = isms_indicator_parse(out, data, len, options->format, options->skip_bad)) < 0 ||
        (error = resolve_threats(out, store, org_id, options->threat_ref)) < 0)
        return error;
    return isms_store_indicators_upsert(&out->added, store, org_id, out->rows, out->count,
                                        options->source_name, actor);
}

int isms_indicator_each(struct isms_store *store, int64_t org_id,
                        int (*visit)(const struct isms_indicator *indicator, void *ctx), void *ctx)
{
    return isms_store_indicators_each(store, org_id, 0, visit, ctx);
}

struct load {
    struct isms_ioc_set *set;
    const struct isms_date *day;
    size_t loaded;
};

static int add_active(const struct isms_indicator *i, void *ctx)
{
    struct load *l = ctx;
    int error;

    if (!isms_indicator_active(i, l->day))
        return 0;
    if (i->allow)
        return isms_ioc_set_allow(l->set, i->value, strlen(i->value));
    if ((error = isms_ioc_set_add(l->set, i->value, strlen(i->value), i->id, NULL)) < 0)
        return error;
    l->loaded++;
    return 0;
}

int isms_indicator_load_set(struct isms_ioc_set *set, size_t *loaded, struct isms_store *store,
                            int64_t org_id, const struct isms_date *day)
{
    struct load l = {set, day, 0};
    int error = isms_store_indicators_each(store, org_id, 0, add_active, &l);

    *loaded = l.loaded;
    return error;
}
