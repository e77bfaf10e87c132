/*
 * Build-time check: every string the program translates has a Japanese entry.
 *
 *   check_translations PO_FILE FILE...
 *
 * Reads the msgids of templates ({{#t}}...{{/t}}) and of C sources (the
 * string literals inside _(...), adjacent literals joined) and fails naming
 * file and line of each one the catalog lacks or leaves empty. Every catalog
 * entry with a printf conversion must keep the same conversions in its
 * translation: the Japanese form of an error message is formatted with the
 * English one's arguments (util/error.h).
 */
#include "isms_setup.h"
#include <ctype.h>
#include "util/error.h"
#include "util/format.h"
#include "util/text.h"
#include "web/http/i18n.h"

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *text = NULL;
    long size;

    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (text = malloc((size_t)size + 1)) && fread(text, 1, (size_t)size, f) == (size_t)size) {
        text[size] = '\0';
        *len = (size_t)size;
    } else {
        free(text);
        text = NULL;
    }
    fclose(f);
    return text;
}

static unsigned line_of(const char *text, const char *at)
{
    unsigned line = 1;

    for (const char *p = text; p < at; p++)
        line += *p == '\n';
    return line;
}

static int missing;

static void require(const struct isms_po *po, const char *path, const char *text, const char *at,
                    const char *msgid)
{
    const char *ja = isms_po_lookup(po, msgid);

    if (ja && *ja)
        return;
    fprintf(stderr, "%s:%u: no Japanese translation in po/ja.po for \"%s\"\n", path,
            line_of(text, at), msgid);
    missing++;
}

static void check_template(const struct isms_po *po, const char *path, const char *text)
{
    static const char open[] = "{{#t}}", close[] = "{{/t}}";
    char msgid[2048];

    for (const char *p = text; (p = strstr(p, open)) != NULL;) {
        const char *start = p + strlen(open), *end = strstr(start, close);
        size_t n = end ? (size_t)(end - start) : 0;

        if (!end)
            break;
        if (n < sizeof(msgid)) {
            memcpy(msgid, start, n);
            msgid[n] = '\0';
            require(po, path, text, p, msgid);
        }
        p = end + strlen(close);
    }
}

/* One C string literal at *p (past the opening quote) appended to out. */
static const char *literal(const char *p, char *out, size_t *n, size_t size)
{
    for (; *p && *p != '"'; p++) {
        char c = *p;
        if (c == '\\' && p[1]) {
            p++;
            c = *p == 'n' ? '\n' : *p == 't' ? '\t' : *p;
        }
        if (*n + 1 < size)
            out[(*n)++] = c;
    }
    out[*n] = '\0';
    return *p ? p + 1 : p;
}

static void check_c_source(const struct isms_po *po, const char *path, const char *text)
{
    char msgid[2048];

    for (const char *p = text; (p = strstr(p, "_(")) != NULL; p += 2) {
        const char *q = p + 2;
        size_t n = 0;

        if (p > text && (isalnum((unsigned char)p[-1]) || p[-1] == '_'))
            continue;
        while (isspace((unsigned char)*q))
            q++;
        if (*q != '"')
            continue;
        while (*q == '"') {
            q = literal(q + 1, msgid, &n, sizeof(msgid));
            while (isspace((unsigned char)*q))
                q++;
        }
        require(po, path, text, p, msgid);
    }
}

static int check_formats(const struct isms_po *po, void *ctx, const char *msgid, const char *msgstr)
{
    (void)po;
    (void)ctx;
    if (strchr(msgid, '%') && *msgstr && !isms_format_same_conversions(msgid, msgstr)) {
        fprintf(stderr, "po/ja.po: \"%s\": the translation changes its %% conversions\n", msgid);
        missing++;
    }
    return 0;
}

int main(int argc, char **argv)
{
    struct isms_po *po = NULL;
    size_t len;
    char *text;

    if (argc < 2) {
        fprintf(stderr, "usage: check_translations PO_FILE FILE...\n");
        return 2;
    }
    if (!(text = read_file(argv[1], &len)) || isms_po_parse(&po, "ja.po", text, len) < 0) {
        fprintf(stderr, "check_translations: %s: %s\n", argv[1],
                text ? isms_error_last() : "cannot read");
        return 1;
    }
    free(text);
    isms_po_each(po, check_formats, NULL);
    for (int i = 2; i < argc; i++) {
        const char *dot = strrchr(argv[i], '.');
        if (!(text = read_file(argv[i], &len))) {
            fprintf(stderr, "check_translations: cannot read '%s'\n", argv[i]);
            return 1;
        }
        if (dot && strcmp(dot, ".c") == 0)
            check_c_source(po, argv[i], text);
        else if (dot && strcmp(dot, ".html") == 0)
            check_template(po, argv[i], text);
        free(text);
    }
    isms_po_free(po);
    if (missing)
        fprintf(stderr, "check_translations: %d problem(s)\n", missing);
    return missing ? 1 : 0;
}
