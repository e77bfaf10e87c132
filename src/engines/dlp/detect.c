#include "isms_setup.h"
#include "engines/dlp/check_digits.h"
#include "engines/dlp/dlp.h"
#include "engines/ioc/ioc.h"
#include "util/lines.h"

const char *const isms_dlp_default_keywords[] = {"社外秘", "関係者外秘", "極秘", "confidential"};
const size_t isms_dlp_default_keyword_count = ISMS_ARRAY_SIZE(isms_dlp_default_keywords);

const char *isms_dlp_detector_name(enum isms_dlp_detector d)
{
    static const char *const names[ISMS_DLP_DETECTORS] = {"card",  "my_number", "corporate_number",
                                                          "email", "phone",     "keyword"};

    return (unsigned)d < ISMS_DLP_DETECTORS ? names[d] : "unknown";
}

static const char *const confidence_names[] = {"low", "medium", "high"};

const char *isms_dlp_confidence_name(enum isms_dlp_confidence c)
{
    return (unsigned)c < ISMS_ARRAY_SIZE(confidence_names) ? confidence_names[c] : "low";
}

bool isms_dlp_confidence_parse(enum isms_dlp_confidence *out, const char *name)
{
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(confidence_names); i++)
        if (strcmp(name, confidence_names[i]) == 0) {
            *out = (enum isms_dlp_confidence)i;
            return true;
        }
    return false;
}

/* The words that, near a match, say what it is. */
static const char *const card_words[] = {"カード", "card", "クレジット", "credit", NULL};
static const char *const my_number_words[] = {"マイナンバー", "個人番号", "my number", "mynumber",
                                              NULL};
static const char *const corporate_words[] = {"法人番号", "corporate number", NULL};
static const char *const phone_words[] = {"電話", "tel", "phone", "携帯", "fax", NULL};

#define CONTEXT_BEFORE 64 /* bytes: some twenty Japanese characters */
#define CONTEXT_AFTER 32

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_word(char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '@';
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* Where `word` first is in [p, p + n), ASCII case ignored; NULL if nowhere. */
static const char *find_word(const char *p, size_t n, const char *word)
{
    size_t w = strlen(word);
    char first = lower(word[0]);

    for (size_t i = 0; w && i + w <= n; i++) {
        size_t k = 0;
        if (lower(p[i]) != first)
            continue;
        while (k < w && lower(p[i + k]) == lower(word[k]))
            k++;
        if (k == w)
            return p + i;
    }
    return NULL;
}

static bool near(const char *line, size_t len, size_t start, size_t end, const char *const *words)
{
    size_t from = start > CONTEXT_BEFORE ? start - CONTEXT_BEFORE : 0;
    size_t to = end + CONTEXT_AFTER < len ? end + CONTEXT_AFTER : len;

    for (; *words; words++)
        if (find_word(line + from, to - from, *words))
            return true;
    return false;
}

static enum isms_dlp_confidence confidence_of(int score)
{
    return score >= 80 ? ISMS_DLP_HIGH : score >= 50 ? ISMS_DLP_MEDIUM : ISMS_DLP_LOW;
}

struct line {
    const struct isms_dlp_options *o;
    const char *text;
    size_t len, no;
    isms_dlp_finding_fn fn;
    void *ctx;
    struct isms_dlp_stats *stats;
};

static int tell(struct line *l, struct isms_dlp_finding *f, size_t start)
{
    f->line = l->no;
    f->column = start + 1;
    f->confidence = confidence_of(f->score);
    if (f->confidence < l->o->min_confidence)
        return 0;
    if (l->stats)
        l->stats->findings[f->detector]++;
    return l->fn ? l->fn(f, l->ctx) : 0;
}

/* All digits but the last four as '*': "************1111". */
static void mask_digits(char out[ISMS_DLP_MASKED_MAX + 1], const char *digits, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = i + 4 < n ? '*' : digits[i];
    out[n] = '\0';
}

#define DIGITS_MAX 19 /* the longest card number */

/* A number from `start`: digits, single spaces or hyphens between them. */
struct number {
    char digits[DIGITS_MAX + 1];
    size_t n;
    size_t end;     /* the byte after its last digit */
    bool separated; /* written with spaces or hyphens */
    bool too_long;
};

static struct number read_number(const char *p, size_t len, size_t start)
{
    struct number r = {{0}, 0, start, false, false};
    size_t i = start;

    while (i < len) {
        if (is_digit(p[i])) {
            if (r.n == DIGITS_MAX)
                r.too_long = true;
            else
                r.digits[r.n++] = p[i];
            r.end = ++i;
        } else if ((p[i] == ' ' || p[i] == '-') && i + 1 < len && is_digit(p[i + 1])) {
            r.separated = true;
            i++;
        } else {
            break;
        }
    }
    if (r.end < len && is_word(p[r.end]))
        r.too_long = true; /* "4111...1111abc": part of a longer word */
    return r;
}

static bool phone_shaped(const char *d, size_t n)
{
    if (d[0] != '0')
        return false;
    if (n == 11)
        return (d[2] == '0' && (d[1] == '5' || d[1] == '7' || d[1] == '8' || d[1] == '9')) ||
               strncmp(d, "0800", 4) == 0;
    return n == 10 && (d[1] != '0' || strncmp(d, "0120", 4) == 0);
}

/* `candidate` in *best unless a reading scored at least as high is there. */
static void keep_best(struct isms_dlp_finding *best, bool *any, struct isms_dlp_finding candidate)
{
    if (!*any || candidate.score > best->score)
        *best = candidate;
    *any = true;
}

static struct isms_dlp_finding reading(enum isms_dlp_detector d, const char *issuer, bool context,
                                       int score)
{
    return (struct isms_dlp_finding){d, 0, 0, {0}, issuer, context, score, ISMS_DLP_LOW};
}

/* The best reading of a number: a card, a My Number, a corporate number or
 * a phone number, scored by its check digits, its shape and the words near;
 * a card first, so it wins a tie. */
static bool read_as(struct line *l, const struct number *num, size_t start,
                    struct isms_dlp_finding *f)
{
    const char *d = num->digits;
    size_t n = num->n;
    bool any = false, context;

    if (n >= 13 && isms_dlp_luhn_valid(d, n)) {
        const char *issuer = isms_dlp_card_issuer(d, n);
        context = near(l->text, l->len, start, num->end, card_words);
        keep_best(f, &any,
                  reading(ISMS_DLP_CARD, issuer, context,
                          issuer    ? (context ? 95 : 60)
                          : context ? 70
                                    : 20));
    }
    if (n == 12 && isms_dlp_my_number_valid(d, n)) {
        context = near(l->text, l->len, start, num->end, my_number_words);
        keep_best(f, &any, reading(ISMS_DLP_MY_NUMBER, NULL, context, context ? 95 : 30));
    }
    if (n == 13 && isms_dlp_corporate_number_valid(d, n)) {
        context = near(l->text, l->len, start, num->end, corporate_words);
        keep_best(f, &any, reading(ISMS_DLP_CORPORATE_NUMBER, NULL, context, context ? 90 : 30));
    }
    if (phone_shaped(d, n)) {
        context = near(l->text, l->len, start, num->end, phone_words);
        keep_best(f, &any,
                  reading(ISMS_DLP_PHONE, NULL, context,
                          num->separated ? (context ? 85 : 55)
                          : context      ? 60
                                         : 10));
    }
    if (any)
        mask_digits(f->masked, d, n);
    return any;
}

/* "+81-90-1234-5678": the national number is "090...". */
static void international_to_national(struct number *num, const char *p, size_t start)
{
    if (start == 0 || p[start - 1] != '+' || num->n < 11 || strncmp(num->digits, "81", 2) != 0)
        return;
    memmove(num->digits + 1, num->digits + 2, num->n - 2);
    num->digits[0] = '0';
    num->n--;
    num->digits[num->n] = '\0';
}

static int number_at(struct line *l, size_t start, size_t *next)
{
    struct number num = read_number(l->text, l->len, start);
    struct isms_dlp_finding f;

    *next = num.end > start ? num.end : start + 1;
    if (num.too_long || num.n < 10)
        return 0;
    international_to_national(&num, l->text, start);
    return read_as(l, &num, start, &f) ? tell(l, &f, start) : 0;
}

static bool domain_byte(char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '-';
}

/* An address around the '@' at `at`: "t***@example.jp". */
static int email_at(struct line *l, size_t at, size_t *next)
{
    const char *p = l->text;
    size_t s = at, e = at + 1;
    struct isms_dlp_finding f = {ISMS_DLP_EMAIL, 0, 0, {0}, NULL, false, 60, 0};

    *next = at + 1;
    while (s > 0 && isms_ioc_email_local_byte(p[s - 1]))
        s--;
    while (e < l->len && domain_byte(p[e]))
        e++;
    while (e > at + 1 && (p[e - 1] == '.' || p[e - 1] == '-'))
        e--;
    if (s == at || !isms_ioc_is_domain(p + at + 1, e - at - 1))
        return 0;
    *next = e;
    snprintf(f.masked, sizeof(f.masked), "%c***@%.*s", p[s],
             (int)(e - at - 1 < 80 ? e - at - 1 : 80), p + at + 1);
    return tell(l, &f, s);
}

static int keywords(struct line *l)
{
    for (size_t k = 0; k < l->o->keyword_count; k++) {
        const char *word = l->o->keywords[k], *p = l->text, *end = l->text + l->len, *hit;
        size_t w = strlen(word);
        while (w && (hit = find_word(p, (size_t)(end - p), word))) {
            struct isms_dlp_finding f = {ISMS_DLP_KEYWORD, 0, 0, {0}, NULL, true, 90, 0};
            int stop;
            snprintf(f.masked, sizeof(f.masked), "%s", word);
            if ((stop = tell(l, &f, (size_t)(hit - l->text))))
                return stop;
            p = hit + w;
        }
    }
    return 0;
}

int isms_dlp_scan_line(const struct isms_dlp_options *o, const char *text, size_t len,
                       size_t line_no, isms_dlp_finding_fn fn, void *ctx,
                       struct isms_dlp_stats *stats)
{
    struct line l = {o, text, len, line_no, fn, ctx, stats};
    size_t i = 0, next;
    int stop = 0;

    while (!stop && i < len) {
        char c = text[i];
        if (is_digit(c) && (i == 0 || !is_word(text[i - 1]))) {
            stop = number_at(&l, i, &next);
            i = next;
        } else if (c == '@') {
            stop = email_at(&l, i, &next);
            i = next;
        } else {
            i++;
        }
    }
    return stop ? stop : keywords(&l);
}

struct stream {
    const struct isms_dlp_options *o;
    isms_dlp_finding_fn fn;
    void *ctx;
    struct isms_dlp_stats *stats;
};

static int stream_line(const char *line, size_t len, size_t line_no, void *ctx)
{
    struct stream *s = ctx;

    return isms_dlp_scan_line(s->o, line, len, line_no, s->fn, s->ctx, s->stats);
}

int isms_dlp_scan_stream(FILE *in, const char *name, const struct isms_dlp_options *o,
                         isms_dlp_finding_fn fn, void *ctx, struct isms_dlp_stats *stats)
{
    struct stream s = {o, fn, ctx, stats};
    struct isms_lines_stats lines;
    int stop = isms_lines_each(in, name, stream_line, &s, &lines);

    stats->bytes += lines.bytes;
    stats->lines += lines.lines;
    return stop;
}
