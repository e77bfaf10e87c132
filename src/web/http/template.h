/*
 * A small mustache-like template engine for the web UI. Templates are parsed
 * once (at start-up) into a set; rendering walks a jansson context.
 *
 *   {{name}}           the value, HTML-escaped (the default: user data is
 *                      never markup)
 *   {{{name}}}         the value unescaped: only for markup the server made
 *                      itself (a heat-map SVG, a rendered page body)
 *   {{a.b.c}}          dotted names descend into objects; {{.}} is the
 *                      current item
 *   {{#name}}…{{/name}}  once per item of a non-empty array, once with an
 *                      object (its members come into scope), once for any
 *                      other true value
 *   {{^name}}…{{/name}}  once when the value is missing, null, false, "" or []
 *   {{> partial}}      another template of the set, same context
 *   {{#t}}Text{{/t}}   translated text (the English msgid; runs of white
 *                      space, line breaks included, count as one space),
 *                      HTML-escaped
 *   {{! comment}}      nothing
 *
 * Falsy values: missing, null, false, "" and []; numbers (0 included) are
 * true, so a count of 0 still renders "0".
 */
#ifndef ISMS_WEB_TEMPLATE_H
#define ISMS_WEB_TEMPLATE_H

#include <jansson.h>

struct isms_buf;
struct isms_embedded_file;
struct isms_template_set;

/* Longest name (variable, section or partial) a tag may carry. */
#define ISMS_TEMPLATE_NAME_MAX 64
/* Deepest nesting of sections while parsing and of context while rendering. */
#define ISMS_TEMPLATE_DEPTH_MAX 32
/* Deepest chain of partials including partials while rendering. */
#define ISMS_TEMPLATE_PARTIAL_DEPTH_MAX 8
/* Most nodes one render visits (the SoA page needs about 10,000). */
#define ISMS_TEMPLATE_STEPS_MAX 2000000ul
/* Largest template source accepted. */
#define ISMS_TEMPLATE_SOURCE_MAX (1u << 20)

/* Returns the translation of `msgid` (or `msgid` itself); borrowed. */
typedef const char *(*isms_template_translate_fn)(void *ctx, const char *msgid);

/* An empty set. *out is owned by the caller: isms_template_set_free() it. */
int isms_template_set_new(struct isms_template_set **out);
void isms_template_set_free(struct isms_template_set *set);

/* Parses `source` (len bytes, need not be NUL-terminated) and adds it as
 * `name`. ISMS_EINVALID with "template 'NAME' line N: what is wrong" for
 * malformed text, ISMS_ECONFLICT when `name` is taken. */
int isms_template_set_add(struct isms_template_set *set, const char *name, const char *source,
                          size_t len);

/* Adds every embedded file whose name ends in ".html", then checks that
 * every partial a template names exists. */
int isms_template_set_add_files(struct isms_template_set *set,
                                const struct isms_embedded_file *files);

/* ISMS_EINVALID naming the template and partial when a {{> partial}} refers
 * to a template the set lacks. */
int isms_template_set_check(const struct isms_template_set *set);

bool isms_template_set_has(const struct isms_template_set *set, const char *name);

/* Appends template `name` rendered with `context` to `out`. `translate` may
 * be NULL (msgids are printed as they are). ISMS_ENOTFOUND for an unknown
 * template, ISMS_ETOOBIG when `out` reaches its cap or nesting runs too deep. */
int isms_template_render(struct isms_buf *out, const struct isms_template_set *set,
                         const char *name, const json_t *context,
                         isms_template_translate_fn translate, void *translate_ctx);

/* Appends `text` HTML-escaped (& < > " ' `) to `out`. */
int isms_template_escape(struct isms_buf *out, const char *text, size_t len);

#endif
