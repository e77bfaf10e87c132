/*
 * Templates are parsed into a flat array of nodes; a section node records
 * where its body ends, so rendering is a loop over index ranges and nothing
 * is allocated per render but the output.
 */
#include "isms_setup.h"
#include "util/array.h"
#include "util/buf.h"
#include "util/embedded.h"
#include "util/error.h"
#include "web/http/template.h"

enum node_kind {
    NODE_TEXT,      /* literal text */
    NODE_ESCAPED,   /* {{name}} */
    NODE_RAW,       /* {{{name}}} or {{& name}} */
    NODE_SECTION,   /* {{#name}} ... {{/name}} */
    NODE_INVERTED,  /* {{^name}} ... {{/name}} */
    NODE_PARTIAL,   /* {{> name}} */
    NODE_TRANSLATE, /* {{#t}}msgid{{/t}} */
};

struct node {
    enum node_kind kind;
    char *text; /* literal text, name or msgid; owned, NUL-terminated */
    size_t len; /* of text */
    size_t end; /* sections: index of the first node after the body */
    unsigned line;
};

struct template
{
    char *name;
    struct node *nodes;
    size_t count, cap;
};

struct isms_template_set {
    struct template *items;
    size_t count, cap;
};

/* ------------------------------------------------------------ parsing */

struct parser {
    const char *name;
    const char *src, *pos, *end;
    unsigned line;
    struct template *tpl;
    size_t open[ISMS_TEMPLATE_DEPTH_MAX]; /* node index of each open section */
    size_t depth;
};

static int parse_error(const struct parser *p, const char *fmt, ...) ISMS_PRINTF(2, 3);

static int parse_error(const struct parser *p, const char *fmt, ...)
{
    char what[256];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(what, sizeof(what), fmt, ap);
    va_end(ap);
    return isms_error_set(ISMS_EINVALID, "template '%s' line %u: %s", p->name, p->line, what);
}

static void count_lines(struct parser *p, const char *from, const char *to)
{
    for (; from < to; from++)
        if (*from == '\n')
            p->line++;
}

static int add_node(struct parser *p, enum node_kind kind, const char *text, size_t len)
{
    struct template *tpl = p->tpl;
    struct node *node;

    int error;

    if ((error = ISMS_ARRAY_RESERVE(tpl->nodes, tpl->cap, tpl->count)) < 0)
        return error;
    node = &tpl->nodes[tpl->count];
    if (!(node->text = malloc(len + 1)))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    memcpy(node->text, text, len);
    node->text[len] = '\0';
    node->kind = kind;
    node->len = len;
    node->end = 0;
    node->line = p->line;
    tpl->count++;
    return 0;
}

static bool is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.';
}

/* Trims the tag's inside and checks it is a name ("." or letters, digits,
 * '_', '-', '.'). */
static int tag_name(const struct parser *p, const char **name, size_t *len, const char *from,
                    const char *to)
{
    while (from < to && (*from == ' ' || *from == '\t'))
        from++;
    while (to > from && (to[-1] == ' ' || to[-1] == '\t'))
        to--;
    if (from == to)
        return parse_error(p, "a tag has no name");
    if ((size_t)(to - from) > ISMS_TEMPLATE_NAME_MAX)
        return parse_error(p, "the name '%.20s...' is longer than %d characters", from,
                           ISMS_TEMPLATE_NAME_MAX);
    for (const char *c = from; c < to; c++)
        if (!is_name_char(*c))
            return parse_error(p, "'%.*s' is not a valid name", (int)(to - from), from);
    *name = from;
    *len = (size_t)(to - from);
    return 0;
}

/* The msgid of {{#t}}...{{/t}}: white space runs become one space, ends trimmed. */
static int add_translation(struct parser *p)
{
    static const char close[] = "{{/t}}";
    const char *stop = p->pos, *c;
    struct isms_buf text = ISMS_BUF_INIT(ISMS_TEMPLATE_SOURCE_MAX);
    bool space = false;
    int error;

    while (stop + sizeof(close) - 1 <= p->end && memcmp(stop, close, sizeof(close) - 1) != 0) {
        if (stop[0] == '{' && stop + 1 < p->end && stop[1] == '{')
            return parse_error(p, "{{#t}} holds plain text only; found a tag inside");
        stop++;
    }
    if (stop + sizeof(close) - 1 > p->end)
        return parse_error(p, "{{#t}} is never closed with {{/t}}");
    for (c = p->pos; c < stop; c++) {
        bool white = *c == ' ' || *c == '\t' || *c == '\n' || *c == '\r';
        if (white) {
            space = text.len > 0;
            continue;
        }
        if ((space && (error = isms_buf_putc(&text, ' ')) < 0) ||
            (error = isms_buf_putc(&text, *c)) < 0)
            goto done;
        space = false;
    }
    if (text.len == 0) {
        error = parse_error(p, "{{#t}}{{/t}} is empty");
        goto done;
    }
    error = add_node(p, NODE_TRANSLATE, isms_buf_cstr(&text), text.len);
    count_lines(p, p->pos, stop);
    p->pos = stop + sizeof(close) - 1;
done:
    isms_buf_release(&text);
    return error;
}

static int open_section(struct parser *p, enum node_kind kind, const char *name, size_t len)
{
    int error;

    if (p->depth == ISMS_TEMPLATE_DEPTH_MAX)
        return parse_error(p, "sections nest deeper than %d", ISMS_TEMPLATE_DEPTH_MAX);
    if ((error = add_node(p, kind, name, len)) < 0)
        return error;
    p->open[p->depth++] = p->tpl->count - 1;
    return 0;
}

static int close_section(struct parser *p, const char *name, size_t len)
{
    struct node *open;

    if (p->depth == 0)
        return parse_error(p, "{{/%.*s}} closes no open section", (int)len, name);
    open = &p->tpl->nodes[p->open[p->depth - 1]];
    if (open->len != len || memcmp(open->text, name, len) != 0)
        return parse_error(p, "{{/%.*s}} does not match {{#%s}} opened on line %u", (int)len, name,
                           open->text, open->line);
    open->end = p->tpl->count;
    p->depth--;
    return 0;
}

/* One tag starting at p->pos ("{{"). */
static int parse_tag(struct parser *p)
{
    const char *inner = p->pos + 2, *close;
    const char *name = NULL;
    size_t len = 0;
    char sigil = inner < p->end ? *inner : '\0';
    const char *closer = sigil == '{' ? "}}}" : "}}";
    size_t closer_len = strlen(closer);
    int error;

    if (sigil == '{' || sigil == '&' || sigil == '#' || sigil == '^' || sigil == '/' ||
        sigil == '>' || sigil == '!')
        inner++;
    for (close = inner; close + closer_len <= p->end; close++)
        if (memcmp(close, closer, closer_len) == 0)
            break;
    if (close + closer_len > p->end)
        return parse_error(p, "a tag opened with '{{' is never closed with '%s'", closer);
    if (memchr(inner, '\n', (size_t)(close - inner)) && sigil != '!')
        return parse_error(p, "a tag must not span lines");
    count_lines(p, p->pos, close);
    p->pos = close + closer_len;
    if (sigil == '!')
        return 0;
    if ((error = tag_name(p, &name, &len, inner, close)) < 0)
        return error;
    switch (sigil) {
    case '{':
    case '&':
        return add_node(p, NODE_RAW, name, len);
    case '#':
        if (len == 1 && name[0] == 't')
            return add_translation(p);
        return open_section(p, NODE_SECTION, name, len);
    case '^':
        return open_section(p, NODE_INVERTED, name, len);
    case '/':
        return close_section(p, name, len);
    case '>':
        return add_node(p, NODE_PARTIAL, name, len);
    default:
        return add_node(p, NODE_ESCAPED, name, len);
    }
}

static int parse(struct parser *p)
{
    int error;

    while (p->pos < p->end) {
        const char *tag = p->pos;
        while (tag + 1 < p->end && !(tag[0] == '{' && tag[1] == '{'))
            tag++;
        if (tag + 1 >= p->end)
            tag = p->end;
        if (tag > p->pos) {
            if ((error = add_node(p, NODE_TEXT, p->pos, (size_t)(tag - p->pos))) < 0)
                return error;
            count_lines(p, p->pos, tag);
            p->pos = tag;
        }
        if (p->pos < p->end && (error = parse_tag(p)) < 0)
            return error;
    }
    if (p->depth > 0) {
        const struct node *open = &p->tpl->nodes[p->open[p->depth - 1]];
        return parse_error(p, "{{#%s}} opened on line %u is never closed", open->text, open->line);
    }
    return 0;
}

static void template_release(struct template *tpl)
{
    for (size_t i = 0; i < tpl->count; i++)
        free(tpl->nodes[i].text);
    free(tpl->nodes);
    free(tpl->name);
    memset(tpl, 0, sizeof(*tpl));
}

int isms_template_set_new(struct isms_template_set **out)
{
    if (!(*out = calloc(1, sizeof(**out))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    return 0;
}

void isms_template_set_free(struct isms_template_set *set)
{
    if (!set)
        return;
    for (size_t i = 0; i < set->count; i++)
        template_release(&set->items[i]);
    free(set->items);
    free(set);
}

static const struct template *find_template(const struct isms_template_set *set, const char *name)
{
    for (size_t i = 0; i < set->count; i++)
        if (strcmp(set->items[i].name, name) == 0)
            return &set->items[i];
    return NULL;
}

bool isms_template_set_has(const struct isms_template_set *set, const char *name)
{
    return find_template(set, name) != NULL;
}

int isms_template_set_add(struct isms_template_set *set, const char *name, const char *source,
                          size_t len)
{
    struct template tpl = {0};
    struct parser p = {
        .name = name, .src = source, .pos = source, .end = source + len, .line = 1, .tpl = &tpl};
    int error;

    if (len > ISMS_TEMPLATE_SOURCE_MAX)
        return isms_error_set(ISMS_ETOOBIG, "template '%s' is larger than %u bytes", name,
                              ISMS_TEMPLATE_SOURCE_MAX);
    if (find_template(set, name))
        return isms_error_set(ISMS_ECONFLICT, "template '%s' is defined twice", name);
    if ((error = parse(&p)) < 0)
        goto fail;
    if ((error = ISMS_ARRAY_RESERVE(set->items, set->cap, set->count)) < 0)
        goto fail;
    if (!(tpl.name = strdup(name))) {
        error = isms_error_set(ISMS_ENOMEM, "out of memory");
        goto fail;
    }
    set->items[set->count++] = tpl;
    return 0;
fail:
    template_release(&tpl);
    return error;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

int isms_template_set_add_files(struct isms_template_set *set,
                                const struct isms_embedded_file *files)
{
    int error;

    for (; files->name; files++)
        if (ends_with(files->name, ".html") &&
            (error = isms_template_set_add(set, files->name, (const char *)files->data,
                                           files->size)) < 0)
            return error;
    return isms_template_set_check(set);
}

int isms_template_set_check(const struct isms_template_set *set)
{
    for (size_t t = 0; t < set->count; t++)
        for (size_t i = 0; i < set->items[t].count; i++) {
            const struct node *node = &set->items[t].nodes[i];
            if (node->kind == NODE_PARTIAL && !find_template(set, node->text))
                return isms_error_set(ISMS_EINVALID,
                                      "template '%s' line %u: partial '%s' does not exist",
                                      set->items[t].name, node->line, node->text);
        }
    return 0;
}

/* ---------------------------------------------------------- rendering */

struct render {
    struct isms_buf *out;
    const struct isms_template_set *set;
    isms_template_translate_fn translate;
    void *translate_ctx;
    const json_t *stack[ISMS_TEMPLATE_DEPTH_MAX];
    size_t depth;
    unsigned partials;
    unsigned long steps;
};

int isms_template_escape(struct isms_buf *out, const char *text, size_t len)
{
    const char *run = text, *end = text + len;
    int error;

    for (const char *c = text; c < end; c++) {
        const char *entity;
        switch (*c) {
        case '&':
            entity = "&amp;";
            break;
        case '<':
            entity = "&lt;";
            break;
        case '>':
            entity = "&gt;";
            break;
        case '"':
            entity = "&quot;";
            break;
        case '\'':
            entity = "&#39;";
            break;
        case '`':
            entity = "&#96;";
            break;
        default:
            continue;
        }
        if ((error = isms_buf_put(out, run, (size_t)(c - run))) < 0 ||
            (error = isms_buf_puts(out, entity)) < 0)
            return error;
        run = c + 1;
    }
    return isms_buf_put(out, run, (size_t)(end - run));
}

/* Member `name` (len bytes) of an object, or NULL. */
static const json_t *member(const json_t *object, const char *name, size_t len)
{
    char key[ISMS_TEMPLATE_NAME_MAX + 1];

    if (!json_is_object(object) || len > ISMS_TEMPLATE_NAME_MAX)
        return NULL;
    memcpy(key, name, len);
    key[len] = '\0';
    return json_object_get(object, key);
}

/* Resolves "." or a dotted name: the first part is searched from the
 * innermost context outwards, the rest descends from there. */
static const json_t *lookup(const struct render *r, const char *name)
{
    const char *dot = strchr(name, '.');
    size_t first = dot ? (size_t)(dot - name) : strlen(name);
    const json_t *value = NULL;

    if (strcmp(name, ".") == 0)
        return r->depth ? r->stack[r->depth - 1] : NULL;
    for (size_t i = r->depth; i-- > 0 && !value;)
        value = member(r->stack[i], name, first);
    while (value && dot) {
        const char *part = dot + 1;
        dot = strchr(part, '.');
        value = member(value, part, dot ? (size_t)(dot - part) : strlen(part));
    }
    return value;
}

static bool truthy(const json_t *value)
{
    if (!value || json_is_null(value) || json_is_false(value))
        return false;
    if (json_is_array(value))
        return json_array_size(value) > 0;
    if (json_is_string(value))
        return json_string_length(value) > 0;
    return true;
}

static int put_value(struct render *r, const json_t *value, bool escape)
{
    char number[64];
    const char *text = NULL;
    size_t len;

    if (json_is_string(value)) {
        text = json_string_value(value);
        len = json_string_length(value);
    } else if (json_is_integer(value)) {
        len = (size_t)snprintf(number, sizeof(number), "%" JSON_INTEGER_FORMAT,
                               json_integer_value(value));
        text = number;
    } else if (json_is_real(value)) {
        len = (size_t)snprintf(number, sizeof(number), "%g", json_real_value(value));
        text = number;
    } else if (json_is_true(value)) {
        text = "true";
        len = 4;
    }
    if (!text)
        return 0;
    return escape ? isms_template_escape(r->out, text, len) : isms_buf_put(r->out, text, len);
}

static int render_range(struct render *r, const struct template *tpl, size_t from, size_t to);

static int push(struct render *r, const json_t *value)
{
    if (r->depth == ISMS_TEMPLATE_DEPTH_MAX)
        return isms_error_set(ISMS_ETOOBIG, "template context nests deeper than %d",
                              ISMS_TEMPLATE_DEPTH_MAX);
    r->stack[r->depth++] = value;
    return 0;
}

static int render_body_with(struct render *r, const struct template *tpl, size_t index,
                            const json_t *value)
{
    int error;

    if ((error = push(r, value)) < 0)
        return error;
    error = render_range(r, tpl, index + 1, tpl->nodes[index].end);
    r->depth--;
    return error;
}

static int render_section(struct render *r, const struct template *tpl, size_t index)
{
    const json_t *value = lookup(r, tpl->nodes[index].text);
    int error = 0;

    if (!truthy(value))
        return 0;
    if (!json_is_array(value))
        return render_body_with(r, tpl, index, value);
    for (size_t i = 0; i < json_array_size(value) && error == 0; i++)
        error = render_body_with(r, tpl, index, json_array_get(value, i));
    return error;
}

static int render_partial(struct render *r, const char *name)
{
    const struct template *tpl = find_template(r->set, name);
    int error;

    if (!tpl)
        return isms_error_set(ISMS_ENOTFOUND, "template '%s' does not exist", name);
    if (r->partials == ISMS_TEMPLATE_PARTIAL_DEPTH_MAX)
        return isms_error_set(ISMS_ETOOBIG, "partials nest deeper than %d (at '%s')",
                              ISMS_TEMPLATE_PARTIAL_DEPTH_MAX, name);
    r->partials++;
    error = render_range(r, tpl, 0, tpl->count);
    r->partials--;
    return error;
}

static int render_node(struct render *r, const struct template *tpl, size_t i, size_t *next)
{
    const struct node *node = &tpl->nodes[i];
    const char *text;

    *next = i + 1;
    /* Nested loops over the same list multiply: a bound keeps any template
     * (and the fuzzer's) from running for ever. */
    if (++r->steps > ISMS_TEMPLATE_STEPS_MAX)
        return isms_error_set(ISMS_ETOOBIG, "rendering takes more than %lu steps",
                              (unsigned long)ISMS_TEMPLATE_STEPS_MAX);
    switch (node->kind) {
    case NODE_TEXT:
        return isms_buf_put(r->out, node->text, node->len);
    case NODE_ESCAPED:
        return put_value(r, lookup(r, node->text), true);
    case NODE_RAW:
        return put_value(r, lookup(r, node->text), false);
    case NODE_SECTION:
        *next = node->end;
        return render_section(r, tpl, i);
    case NODE_INVERTED:
        *next = node->end;
        return truthy(lookup(r, node->text)) ? 0 : render_range(r, tpl, i + 1, node->end);
    case NODE_PARTIAL:
        return render_partial(r, node->text);
    case NODE_TRANSLATE:
        text = r->translate ? r->translate(r->translate_ctx, node->text) : node->text;
        return isms_template_escape(r->out, text, strlen(text));
    }
    ISMS_BUG("unknown template node");
}

static int render_range(struct render *r, const struct template *tpl, size_t from, size_t to)
{
    size_t i = from;
    int error;

    while (i < to)
        if ((error = render_node(r, tpl, i, &i)) < 0)
            return error;
    return 0;
}

int isms_template_render(struct isms_buf *out, const struct isms_template_set *set,
                         const char *name, const json_t *context,
                         isms_template_translate_fn translate, void *translate_ctx)
{
    struct render r = {
        .out = out, .set = set, .translate = translate, .translate_ctx = translate_ctx};
    const struct template *tpl = find_template(set, name);

    if (!tpl)
        return isms_error_set(ISMS_ENOTFOUND, "template '%s' does not exist", name);
    r.stack[r.depth++] = context;
    return render_range(&r, tpl, 0, tpl->count);
}
