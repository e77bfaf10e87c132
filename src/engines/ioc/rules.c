#include "isms_setup.h"
#include "engines/ioc/rules.h"
#include "engines/ioc/tokenize.h"
#include "util/error.h"

static const char builtin[] =
    "# id\tthreshold\twindow\tsilence\tkey\tmatch\tname\n"
    "sshd-brute-force\t8\t120\t60\tip\tFailed password for\t"
    "SSH brute force: 8 failed logins from one source within 120 s\n"
    "sshd-invalid-user\t5\t300\t300\tip\tInvalid user\t"
    "SSH logins for users that do not exist: 5 from one source within 5 min\n"
    "sudo-failure\t3\t300\t300\tfield:logname\tauthentication failure\t"
    "sudo authentication failures: 3 by one user within 5 min\n"
    "web-scan\t20\t60\t300\tip\t\" 4\t"
    "Web scan: 20 client errors (4xx) for one source within 60 s\n";

const char *isms_log_rules_builtin(void)
{
    return builtin;
}

/* Field `i` of a tab-separated line into `out`. */
static bool field(char *out, size_t size, const char *line, size_t len, int i)
{
    const char *p = line, *end = line + len;

    while (i-- > 0) {
        const char *tab = memchr(p, '\t', (size_t)(end - p));
        if (!tab)
            return false;
        p = tab + 1;
    }
    const char *tab = memchr(p, '\t', (size_t)(end - p));
    size_t n = tab ? (size_t)(tab - p) : (size_t)(end - p);
    if (n >= size)
        return false;
    memcpy(out, p, n);
    out[n] = '\0';
    return true;
}

static bool number(int *out, const char *text, int min, int max)
{
    char *end;
    long v = strtol(text, &end, 10);

    *out = (int)v;
    return *text && !*end && v >= min && v <= max;
}

static int parse_line(struct isms_log_rule *r, const char *line, size_t len)
{
    char n[3][16];

    memset(r, 0, sizeof(*r));
    if (!field(r->id, sizeof(r->id), line, len, 0) || !field(n[0], 16, line, len, 1) ||
        !field(n[1], 16, line, len, 2) || !field(n[2], 16, line, len, 3) ||
        !field(r->key, sizeof(r->key), line, len, 4) ||
        !field(r->match, sizeof(r->match), line, len, 5) ||
        !field(r->name, sizeof(r->name), line, len, 6))
        return isms_error_set(ISMS_EINVALID, "a rule needs 7 tab-separated fields: id, "
                                             "threshold, window, silence, key, match, name");
    if (!*r->id || !*r->match)
        return isms_error_set(ISMS_EINVALID, "a rule needs an id and a match text");
    if (!number(&r->threshold, n[0], 1, 100000) || !number(&r->window, n[1], 1, 86400 * 30) ||
        !number(&r->silence, n[2], 0, 86400 * 30))
        return isms_error_set(ISMS_EINVALID,
                              "threshold (1-100000), window and silence (seconds) must be numbers");
    if (strcmp(r->key, "ip") != 0 && (strncmp(r->key, "field:", 6) != 0 || !r->key[6]))
        return isms_error_set(ISMS_EINVALID, "key must be 'ip' or 'field:NAME', not '%s'", r->key);
    return 0;
}

int isms_log_rules_parse(struct isms_log_rule **out, size_t *count, const char *text, size_t len)
{
    struct isms_log_rule *rules = NULL;
    const char *p = text, *end = text + len;
    size_t n = 0, line = 0;

    *out = NULL;
    *count = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t raw = nl ? (size_t)(nl - p) : (size_t)(end - p), l = raw;
        struct isms_log_rule *grown;
        line++;
        if (l && p[l - 1] == '\r')
            l--;
        if (l && *p != '#') {
            if (!(grown = realloc(rules, (n + 1) * sizeof(*rules)))) {
                free(rules);
                return isms_error_set(ISMS_ENOMEM, "out of memory");
            }
            rules = grown;
            if (parse_line(&rules[n], p, l) < 0) {
                free(rules);
                return isms_error_set(ISMS_EINVALID, "rule line %zu: %s", line, isms_error_last());
            }
            n++;
        }
        p += raw + (nl != NULL);
    }
    *out = rules;
    *count = n;
    return 0;
}

/* ------------------------------------------------------------- counting */

#define KEYS_MAX 65536 /* per rule; past it the rule starts counting afresh */
#define KEY_MAX 64

struct slot {
    char key[KEY_MAX];
    size_t key_len;
    int64_t *times; /* a ring of the last `threshold` event times */
    int head, count;
    int64_t silent_until;
};

struct counter {
    const struct isms_log_rule *rule;
    struct slot *slots;
    size_t cap, used;
};

struct isms_log_rules_state {
    struct counter *counters;
    size_t count;
};

struct isms_log_rules_state *isms_log_rules_state_new(const struct isms_log_rule *rules,
                                                      size_t count)
{
    struct isms_log_rules_state *s = calloc(1, sizeof(*s));

    if (!s || !(s->counters = calloc(count ? count : 1, sizeof(*s->counters)))) {
        free(s);
        return NULL;
    }
    for (size_t i = 0; i < count; i++)
        s->counters[i].rule = &rules[i];
    s->count = count;
    return s;
}

static void clear(struct counter *c)
{
    for (size_t i = 0; i < c->cap; i++)
        free(c->slots[i].times);
    free(c->slots);
    c->slots = NULL;
    c->cap = c->used = 0;
}

void isms_log_rules_state_free(struct isms_log_rules_state *state)
{
    if (!state)
        return;
    for (size_t i = 0; i < state->count; i++)
        clear(&state->counters[i]);
    free(state->counters);
    free(state);
}

static uint64_t hash_key(const char *p, size_t n)
{
    uint64_t h = 0xcbf29ce484222325u;

    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)p[i]) * 0x100000001b3u;
    return h;
}

static int grow(struct counter *c)
{
    size_t cap = c->cap ? c->cap * 2 : 256;
    struct slot *slots = calloc(cap, sizeof(*slots));

    if (!slots)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    for (size_t i = 0; i < c->cap; i++) {
        size_t j;
        if (!c->slots[i].times)
            continue;
        for (j = hash_key(c->slots[i].key, c->slots[i].key_len) & (cap - 1); slots[j].times;
             j = (j + 1) & (cap - 1))
            ;
        slots[j] = c->slots[i];
    }
    free(c->slots);
    c->slots = slots;
    c->cap = cap;
    return 0;
}

static struct slot *slot_of(struct counter *c, const char *key, size_t n, int *error)
{
    size_t j;

    *error = 0;
    if (c->used >= KEYS_MAX)
        clear(c);
    if ((c->used + 1) * 2 > c->cap && (*error = grow(c)) < 0)
        return NULL;
    for (j = hash_key(key, n) & (c->cap - 1); c->slots[j].times; j = (j + 1) & (c->cap - 1))
        if (c->slots[j].key_len == n && memcmp(c->slots[j].key, key, n) == 0)
            return &c->slots[j];
    if (!(c->slots[j].times = calloc((size_t)c->rule->threshold, sizeof(int64_t)))) {
        *error = isms_error_set(ISMS_ENOMEM, "out of memory");
        return NULL;
    }
    memcpy(c->slots[j].key, key, n);
    c->slots[j].key_len = n;
    c->used++;
    return &c->slots[j];
}

struct found_ip {
    const char *text;
    size_t len;
};

static int first_ip(const struct isms_ioc_token *t, void *ctx)
{
    struct found_ip *f = ctx;

    if (t->type != ISMS_IOC_IPV4 && t->type != ISMS_IOC_IPV6)
        return 0;
    f->text = t->text;
    f->len = t->len;
    return 1;
}

/* The key of a line: its first IP address, or what follows "NAME=". */
static bool key_of(const struct isms_log_rule *r, const char *line, size_t len, const char **key,
                   size_t *n)
{
    if (strcmp(r->key, "ip") == 0) {
        struct found_ip f = {NULL, 0};
        if (!isms_ioc_tokenize_wanted(line, len, 1u << ISMS_IOC_IPV4 | 1u << ISMS_IOC_IPV6,
                                      first_ip, &f))
            return false;
        *key = f.text;
        *n = f.len;
        return *n < KEY_MAX;
    }
    char name[48];
    snprintf(name, sizeof(name), "%s=", r->key + 6);
    size_t nl = strlen(name);
    for (size_t i = 0; i + nl <= len; i++)
        if (memcmp(line + i, name, nl) == 0 && (i == 0 || line[i - 1] == ' ')) {
            const char *p = line + i + nl, *end = line + len, *q = p;
            while (q < end && *q != ' ' && *q != '\t')
                q++;
            *key = p;
            *n = (size_t)(q - p);
            return *n && *n < KEY_MAX;
        }
    return false;
}

static bool contains(const char *line, size_t len, const char *match)
{
    size_t n = strlen(match);

    for (size_t i = 0; n && i + n <= len; i++)
        if (line[i] == match[0] && memcmp(line + i, match, n) == 0)
            return true;
    return false;
}

/* Counts an event of rule `c`; raises the alert when the ring is full and
 * spans no more than the window. */
static int count_event(struct counter *c, const char *key, size_t n, size_t line_no, int64_t t,
                       isms_log_alert_fn fn, void *ctx)
{
    const struct isms_log_rule *r = c->rule;
    struct slot *s;
    int64_t oldest;
    int error;

    if (!(s = slot_of(c, key, n, &error)))
        return error;
    if (t < s->silent_until)
        return 0;
    s->times[s->head] = t;
    s->head = (s->head + 1) % r->threshold;
    if (s->count < r->threshold)
        s->count++;
    oldest = s->times[s->count < r->threshold ? 0 : s->head];
    if (s->count < r->threshold || t - oldest > r->window)
        return 0;
    s->silent_until = t + r->silence + 1;
    s->count = 0;
    s->head = 0;
    struct isms_log_alert a = {r, key, n, r->threshold, oldest, t, line_no};
    return fn(&a, ctx);
}

int isms_log_rules_feed(struct isms_log_rules_state *state, const char *line, size_t len,
                        size_t line_no, int64_t t, isms_log_match_fn on_match, isms_log_alert_fn fn,
                        void *ctx)
{
    int stop = 0;

    if (t < 0)
        return 0;
    for (size_t i = 0; !stop && i < state->count; i++) {
        struct counter *c = &state->counters[i];
        const char *key;
        size_t n;
        if (!contains(line, len, c->rule->match) || !key_of(c->rule, line, len, &key, &n))
            continue;
        if (on_match && (stop = on_match(c->rule, key, n, ctx)))
            break;
        stop = count_event(c, key, n, line_no, t, fn, ctx);
    }
    return stop;
}

int isms_log_rules_match(const struct isms_log_rule *rules, size_t count, const char *line,
                         size_t len, isms_log_match_fn fn, void *ctx)
{
    int stop = 0;

    for (size_t i = 0; !stop && i < count; i++) {
        const char *key;
        size_t n;
        if (contains(line, len, rules[i].match) && key_of(&rules[i], line, len, &key, &n))
            stop = fn(&rules[i], key, n, ctx);
    }
    return stop;
}
