#include "isms_setup.h"
#include <pthread.h>
#include <strings.h>
#include "util/buf.h"
#include "util/embedded.h"
#include "util/error.h"
#include "web/http/i18n.h"

/* Templates, static files and .po catalogs compiled in (CMakeLists.txt). */
extern const struct isms_embedded_file isms_web_catalogs[];

struct po_entry {
    char *msgid;
    char *msgstr;
};

/* Open addressing with linear probing; the capacity is a power of two at
 * least twice the entry count, so a probe always finds a free slot. */
struct isms_po {
    struct po_entry *slots;
    size_t cap, count;
};

const char *isms_lang_code(enum isms_lang lang)
{
    return lang == ISMS_LANG_EN ? "en" : "ja";
}

int isms_lang_parse(enum isms_lang *out, const char *code)
{
    if (code && strncasecmp(code, "ja", 2) == 0 &&
        (code[2] == '\0' || code[2] == '-' || code[2] == '_')) {
        *out = ISMS_LANG_JA;
        return 0;
    }
    if (code && strncasecmp(code, "en", 2) == 0 &&
        (code[2] == '\0' || code[2] == '-' || code[2] == '_')) {
        *out = ISMS_LANG_EN;
        return 0;
    }
    return isms_error_set(ISMS_EINVALID, _("'%.40s' is not a supported language (ja, en)"),
                          code ? code : "");
}

/* ------------------------------------------------------------ hash table */

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */

    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

static struct po_entry *slot_for(const struct isms_po *po, const char *msgid)
{
    size_t i = (size_t)hash(msgid) & (po->cap - 1);

    while (po->slots[i].msgid && strcmp(po->slots[i].msgid, msgid) != 0)
        i = (i + 1) & (po->cap - 1);
    return &po->slots[i];
}

/* Doubles the open-addressing table and re-inserts every entry. */
static int rehash(struct isms_po *po)
{
    struct isms_po bigger = {NULL, po->cap ? po->cap * 2 : 256, 0};

    if (!(bigger.slots = calloc(bigger.cap, sizeof(*bigger.slots))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    for (size_t i = 0; i < po->cap; i++)
        if (po->slots[i].msgid)
            *slot_for(&bigger, po->slots[i].msgid) = po->slots[i];
    bigger.count = po->count;
    free(po->slots);
    *po = bigger;
    return 0;
}

const char *isms_po_lookup(const struct isms_po *po, const char *msgid)
{
    return po && po->cap ? slot_for(po, msgid)->msgstr : NULL;
}

int isms_po_each(const struct isms_po *po, isms_po_visit_fn visit, void *ctx)
{
    int rc;

    for (size_t i = 0; po && i < po->cap; i++)
        if (po->slots[i].msgid && (rc = visit(po, ctx, po->slots[i].msgid, po->slots[i].msgstr)))
            return rc;
    return 0;
}

size_t isms_po_count(const struct isms_po *po)
{
    return po ? po->count : 0;
}

void isms_po_free(struct isms_po *po)
{
    if (!po)
        return;
    for (size_t i = 0; i < po->cap; i++) {
        free(po->slots[i].msgid);
        free(po->slots[i].msgstr);
    }
    free(po->slots);
    free(po);
}

/* ---------------------------------------------------------------- parser */

enum field {
    FIELD_NONE,
    FIELD_CTXT,
    FIELD_ID,
    FIELD_ID_PLURAL,
    FIELD_STR,
    FIELD_STR_OTHER
};

struct po_parser {
    const char *name;
    unsigned line;
    struct isms_po *po;
    struct isms_buf ctxt, id, str;
    enum field field; /* what continuation lines append to */
    bool has_id, has_str, fuzzy, next_fuzzy;
    unsigned entry_line;
};

static int po_error(const struct po_parser *p, const char *what)
{
    return isms_error_set(ISMS_EINVALID, "po '%s' line %u: %s", p->name, p->line, what);
}

/* Appends the C string literal at `s` ("..." with escapes) to `out`. */
static int append_quoted(struct po_parser *p, struct isms_buf *out, const char *s, const char *end)
{
    int error;

    while (s < end && (*s == ' ' || *s == '\t'))
        s++;
    if (s == end || *s != '"')
        return po_error(p, "expected a string in double quotes");
    for (s++; s < end && *s != '"'; s++) {
        char c = *s;
        if (c == '\\') {
            if (++s == end)
                return po_error(p, "the string ends in a lone backslash");
            switch (*s) {
            case 'n':
                c = '\n';
                break;
            case 't':
                c = '\t';
                break;
            case 'r':
                c = '\r';
                break;
            case '"':
                c = '"';
                break;
            case '\\':
                c = '\\';
                break;
            default:
                return po_error(p, "unknown escape sequence in a string");
            }
        }
        if (out && (error = isms_buf_putc(out, c)) < 0)
            return error;
    }
    if (s == end)
        return po_error(p, "a string is not closed with '\"'");
    for (s++; s < end && (*s == ' ' || *s == '\t' || *s == '\r'); s++)
        ;
    return s == end ? 0 : po_error(p, "unexpected text after a string");
}

static void entry_reset(struct po_parser *p)
{
    isms_buf_reset(&p->ctxt);
    isms_buf_reset(&p->id);
    isms_buf_reset(&p->str);
    p->has_id = p->has_str = false;
    p->field = FIELD_NONE;
}

/* A "#, fuzzy" comment flags the entry that starts next. */
static void entry_begin(struct po_parser *p)
{
    p->entry_line = p->line;
    p->fuzzy = p->next_fuzzy;
    p->next_fuzzy = false;
}

/* Stores the entry read so far, if it is a translation to keep. */
static int entry_finish(struct po_parser *p)
{
    struct isms_po *po = p->po;
    struct po_entry *slot;
    char *id, *str;
    int error;

    if (!p->has_id)
        return 0;
    if (!p->has_str)
        return isms_error_set(ISMS_EINVALID, "po '%s' line %u: msgid without msgstr", p->name,
                              p->entry_line);
    /* The header (msgid ""), fuzzy and untranslated entries fall back to English;
     * entries with a context are not used by the UI. */
    if (p->id.len == 0 || p->str.len == 0 || p->fuzzy || p->ctxt.len > 0)
        return 0;
    if ((po->count + 1) * 2 > po->cap && (error = rehash(po)) < 0)
        return error;
    slot = slot_for(po, isms_buf_cstr(&p->id));
    if (slot->msgid)
        return isms_error_set(ISMS_EINVALID, "po '%s' line %u: duplicate msgid '%.60s'", p->name,
                              p->entry_line, slot->msgid);
    id = strdup(isms_buf_cstr(&p->id));
    str = strdup(isms_buf_cstr(&p->str));
    if (!id || !str) {
        free(id);
        free(str);
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    }
    slot->msgid = id;
    slot->msgstr = str;
    po->count++;
    return 0;
}

static bool keyword(const char **rest, const char *line, const char *end, const char *word)
{
    size_t n = strlen(word);

    if ((size_t)(end - line) <= n || memcmp(line, word, n) != 0 ||
        (line[n] != ' ' && line[n] != '\t'))
        return false;
    *rest = line + n;
    return true;
}

/* Starts a new field; a msgid or msgctxt after a msgstr begins a new entry. */
static int start_field(struct po_parser *p, enum field field, const char *rest, const char *end)
{
    struct isms_buf *target = NULL;
    int error;

    if ((field == FIELD_ID || field == FIELD_CTXT) && p->has_str) {
        if ((error = entry_finish(p)) < 0)
            return error;
        entry_reset(p);
    }
    switch (field) {
    case FIELD_CTXT:
        if (p->has_id)
            return po_error(p, "msgctxt must come before msgid");
        target = &p->ctxt;
        entry_begin(p);
        break;
    case FIELD_ID:
        if (p->has_id)
            return po_error(p, "a second msgid without a msgstr in between");
        p->has_id = true;
        if (p->ctxt.len == 0)
            entry_begin(p);
        target = &p->id;
        break;
    case FIELD_STR:
        if (!p->has_id || p->has_str)
            return po_error(p, "msgstr without a msgid before it");
        p->has_str = true;
        target = &p->str;
        break;
    case FIELD_ID_PLURAL:
    case FIELD_STR_OTHER:
        if (!p->has_id)
            return po_error(p, "plural forms without a msgid before them");
        break;
    case FIELD_NONE:
        break;
    }
    p->field = field;
    return append_quoted(p, target, rest, end);
}

static int parse_line(struct po_parser *p, const char *line, const char *end)
{
    const char *rest;

    if (line < end && end[-1] == '\r')
        end--;
    while (line < end && (*line == ' ' || *line == '\t'))
        line++;
    if (line == end) {
        p->field = FIELD_NONE;
        return 0;
    }
    if (*line == '#') {
        /* "#, fuzzy, c-format": the flag applies to the next entry. */
        if (end - line >= 2 && line[1] == ',') {
            for (const char *c = line; c + 5 <= end; c++)
                if (memcmp(c, "fuzzy", 5) == 0)
                    p->next_fuzzy = true;
        }
        return 0;
    }
    if (*line == '"') {
        struct isms_buf *target = p->field == FIELD_CTXT  ? &p->ctxt
                                  : p->field == FIELD_ID  ? &p->id
                                  : p->field == FIELD_STR ? &p->str
                                                          : NULL;
        if (p->field == FIELD_NONE)
            return po_error(p, "a string continues no msgid or msgstr");
        return append_quoted(p, target, line, end);
    }
    if (keyword(&rest, line, end, "msgctxt"))
        return start_field(p, FIELD_CTXT, rest, end);
    if (keyword(&rest, line, end, "msgid"))
        return start_field(p, FIELD_ID, rest, end);
    if (keyword(&rest, line, end, "msgid_plural"))
        return start_field(p, FIELD_ID_PLURAL, rest, end);
    if (keyword(&rest, line, end, "msgstr"))
        return start_field(p, FIELD_STR, rest, end);
    if (keyword(&rest, line, end, "msgstr[0]"))
        return start_field(p, FIELD_STR, rest, end);
    if (end - line > 7 && memcmp(line, "msgstr[", 7) == 0) {
        rest = memchr(line, ']', (size_t)(end - line));
        if (!rest)
            return po_error(p, "malformed msgstr[N]");
        return start_field(p, FIELD_STR_OTHER, rest + 1, end);
    }
    return po_error(p, "expected msgid, msgstr, msgctxt, a string or a comment");
}

int isms_po_parse(struct isms_po **out, const char *name, const char *text, size_t len)
{
    struct po_parser p = {.name = name,
                          .line = 1,
                          .ctxt = ISMS_BUF_INIT(ISMS_PO_MAX),
                          .id = ISMS_BUF_INIT(ISMS_PO_MAX),
                          .str = ISMS_BUF_INIT(ISMS_PO_MAX)};
    const char *line = text, *end = text + len;
    int error = 0;

    *out = NULL;
    if (len > ISMS_PO_MAX)
        return isms_error_set(ISMS_ETOOBIG, "po '%s' is larger than %u bytes", name, ISMS_PO_MAX);
    if (memchr(text, '\0', len))
        return isms_error_set(ISMS_EINVALID, "po '%s' contains a NUL byte", name);
    if (!(p.po = calloc(1, sizeof(*p.po))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    while (line < end && error == 0) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        const char *stop = nl ? nl : end;
        error = parse_line(&p, line, stop);
        line = nl ? nl + 1 : end;
        p.line++;
    }
    if (error == 0)
        error = entry_finish(&p);
    isms_buf_release(&p.ctxt);
    isms_buf_release(&p.id);
    isms_buf_release(&p.str);
    if (error < 0) {
        isms_po_free(p.po);
        return error;
    }
    *out = p.po;
    return 0;
}

/* ------------------------------------------------------ the built-in one */

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static struct isms_po *japanese;
static int load_error;
static char load_message[512];

/* Error messages are raised with English format strings; the catalog's
 * entry for the same string makes the Japanese one (util/error.h). */
static const char *japanese_format(const char *fmt)
{
    return isms_po_lookup(japanese, fmt);
}

static void load_builtin(void)
{
    const struct isms_embedded_file *file = isms_embedded_find(isms_web_catalogs, "ja.po");

    if (!file)
        load_error = isms_error_set(ISMS_ERROR, "the built-in 'ja.po' is missing");
    else
        load_error = isms_po_parse(&japanese, "ja.po", (const char *)file->data, file->size);
    if (load_error < 0)
        snprintf(load_message, sizeof(load_message), "%s", isms_error_last());
    else
        isms_error_set_translator(japanese_format);
}

int isms_i18n_load(void)
{
    pthread_once(&load_once, load_builtin);
    if (load_error < 0)
        return isms_error_set(load_error, "%s", load_message);
    return 0;
}

const char *isms_i18n_text(enum isms_lang lang, const char *msgid)
{
    const char *text;

    if (lang != ISMS_LANG_JA || !japanese)
        return msgid;
    text = isms_po_lookup(japanese, msgid);
    return text ? text : msgid;
}

/* ----------------------------------------------------- language choice */

/* q=0.8 -> 800; -1 for a malformed value. */
static int parse_q(const char *s, const char *end)
{
    int q = 0, scale = 1000;

    if (s < end && *s == '1') {
        q = 1000;
        s++;
    } else if (s < end && *s == '0') {
        s++;
    } else {
        return -1;
    }
    if (s < end && *s == '.')
        for (s++; s < end && *s >= '0' && *s <= '9' && scale > 1; s++) {
            scale /= 10;
            q += (*s - '0') * scale;
        }
    return s == end && q <= 1000 ? q : -1;
}

/* One "tag;q=0.5" item: its language and weight; false when unsupported. */
static bool accept_item(enum isms_lang *lang, int *q, const char *item, const char *end)
{
    const char *semi = memchr(item, ';', (size_t)(end - item));
    const char *tag_end = semi ? semi : end;
    char tag[32];
    size_t n;

    while (item < tag_end && (*item == ' ' || *item == '\t'))
        item++;
    while (tag_end > item && (tag_end[-1] == ' ' || tag_end[-1] == '\t'))
        tag_end--;
    n = (size_t)(tag_end - item);
    if (n == 0 || n >= sizeof(tag))
        return false;
    memcpy(tag, item, n);
    tag[n] = '\0';
    *q = 1000;
    if (semi) {
        const char *v = semi + 1;
        while (v < end && (*v == ' ' || *v == '\t'))
            v++;
        if (end - v < 2 || (v[0] != 'q' && v[0] != 'Q') || v[1] != '=')
            return false;
        while (end > v && (end[-1] == ' ' || end[-1] == '\t'))
            end--;
        if ((*q = parse_q(v + 2, end)) < 0)
            return false;
    }
    if (strcmp(tag, "*") == 0) {
        *lang = ISMS_LANG_JA;
        return true;
    }
    return isms_lang_parse(lang, tag) == 0;
}

bool isms_i18n_accept_language(enum isms_lang *out, const char *header)
{
    int best = 0;
    bool found = false;

    if (!header)
        return false;
    while (*header) {
        const char *comma = strchr(header, ',');
        const char *end = comma ? comma : header + strlen(header);
        enum isms_lang lang;
        int q;

        if (accept_item(&lang, &q, header, end) && q > best) {
            best = q;
            *out = lang;
            found = true;
        }
        header = comma ? comma + 1 : end;
    }
    return found;
}

enum isms_lang isms_i18n_choose(const char *user_setting, const char *cookie,
                                const char *accept_language)
{
    enum isms_lang lang;

    if (user_setting && *user_setting && isms_lang_parse(&lang, user_setting) == 0)
        return lang;
    if (cookie && *cookie && isms_lang_parse(&lang, cookie) == 0)
        return lang;
    if (isms_i18n_accept_language(&lang, accept_language))
        return lang;
    return ISMS_LANG_JA;
}
