#include "isms_setup.h"
#include "util/error.h"
#include "util/text.h"

/* Length of the UTF-8 sequence starting at `s`, or 0 when it is malformed. */
static size_t utf8_sequence(const unsigned char *s)
{
    unsigned cp;
    size_t n;

    if (s[0] < 0x80)
        return 1;
    if (s[0] >= 0xc2 && s[0] <= 0xdf)
        n = 2, cp = s[0] & 0x1fu;
    else if (s[0] >= 0xe0 && s[0] <= 0xef)
        n = 3, cp = s[0] & 0x0fu;
    else if (s[0] >= 0xf0 && s[0] <= 0xf4)
        n = 4, cp = s[0] & 0x07u;
    else
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3fu);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
        (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return n;
}

bool isms_text_valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;

    while (*p) {
        size_t n = utf8_sequence(p);
        if (!n)
            return false;
        p += n;
    }
    return true;
}

void isms_text_make_utf8(char *s)
{
    unsigned char *p = (unsigned char *)s;

    while (*p) {
        size_t n = utf8_sequence(p);
        if (!n) {
            *p++ = '?';
            continue;
        }
        if (n == 1 && (*p < 0x20 || *p == 0x7f))
            *p = ' ';
        p += n;
    }
}

int isms_text_check(const char *s, size_t max, bool multiline, const char *field)
{
    size_t len = strlen(s);

    if (len > max)
        return isms_error_set(ISMS_ETOOBIG, _("'%s' is longer than %zu bytes"), field, max);
    if (!isms_text_valid_utf8(s))
        return isms_error_set(ISMS_EINVALID, _("'%s' is not valid UTF-8"), field);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        bool allowed = *p == '\t' || (multiline && (*p == '\n' || *p == '\r'));
        if ((*p < 0x20 || *p == 0x7f) && !allowed)
            return isms_error_set(ISMS_EINVALID, _("'%s' contains a control character"), field);
    }
    return 0;
}

/* Variant -> the spelling both are folded to. Longer variants first where
 * one contains another. */
static const struct {
    const char *from, *to;
} variants[] = {
    {"情報セキュリティイベント", "情報セキュリティ事象"},
    {"ぜい弱", "脆弱"},
    {"漏洩", "漏えい"},
    {"改竄", "改ざん"},
    {"毀損", "き損"},
    {"逼迫", "ひっ迫"},
    {"順守", "遵守"},
    {"取り扱い", "取扱い"},
    {"サプライヤー", "供給者"},
    {"サプライヤ", "供給者"},
    {"クラウドサービスカスタマー", "クラウドサービスカスタマ"},
    {"クラウドサービスプロバイダー", "クラウドサービスプロバイダ"},
};

void isms_text_fold(char *out, size_t size, const char *in)
{
    size_t used = 0;

    if (!size)
        return;
    while (*in && used + 1 < size) {
        bool replaced = false;
        for (size_t i = 0; i < ISMS_ARRAY_SIZE(variants) && !replaced; i++) {
            size_t n = strlen(variants[i].from), m = strlen(variants[i].to);
            if (strncmp(in, variants[i].from, n) == 0 && used + m < size) {
                memcpy(out + used, variants[i].to, m);
                used += m;
                in += n;
                replaced = true;
            }
        }
        if (replaced)
            continue;
        out[used++] = (*in >= 'A' && *in <= 'Z') ? (char)(*in - 'A' + 'a') : *in;
        in++;
    }
    out[used] = '\0';
}

bool isms_text_search(const char *text, const char *query)
{
    char folded_text[4096], folded_query[512];

    if (!query || !*query)
        return true;
    if (!text)
        return false;
    isms_text_fold(folded_text, sizeof(folded_text), text);
    isms_text_fold(folded_query, sizeof(folded_query), query);
    return strstr(folded_text, folded_query) != NULL;
}

int isms_text_take(char *out, size_t size, const char *text, bool required, bool multiline,
                   const char *field)
{
    int error;

    text = text ? text : "";
    if (required && !*text)
        return isms_error_set(ISMS_EINVALID, _("'%s' is required"), field);
    if ((error = isms_text_check(text, size - 1, multiline, field)) < 0)
        return error;
    snprintf(out, size, "%s", text);
    return 0;
}
