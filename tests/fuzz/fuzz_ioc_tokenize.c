/* libFuzzer target: the log tokenizer, the timestamps of the log formats and
 * the indicator value classifier (engines/ioc/), paths and registry keys
 * included: any bytes, every token and
 * stamp inside its line, every token of its kind. */
#include "isms_setup.h"
#include "engines/ioc/indicator_set.h"
#include "engines/ioc/log_format.h"
#include "engines/ioc/rules.h"
#include "engines/ioc/tokenize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct bounds {
    const char *line;
    size_t len;
};

static int check(const struct isms_ioc_token *t, void *ctx)
{
    const struct bounds *b = ctx;
    struct isms_ioc_addr a;

    if (t->len == 0 || t->text < b->line || t->text + t->len > b->line + b->len)
        abort();
    if (t->type == ISMS_IOC_IPV4 && !isms_ioc_parse_ipv4(&a, t->text, t->len) &&
        !isms_ioc_parse_ipv6(&a, t->text, t->len))
        abort();
    if (t->type == ISMS_IOC_DOMAIN && !isms_ioc_is_domain(t->text, t->len))
        abort();
    /* A key found starts with its hive. */
    if (t->type == ISMS_IOC_REGISTRY_KEY && !isms_ioc_registry_hive(t->text, t->len, NULL))
        abort();
    return 0;
}

static int no_alert(const struct isms_log_alert *alert, void *ctx)
{
    (void)ctx;
    if (!alert->rule || alert->count < 1)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct bounds b = {(const char *)data, size};
    char canonical[ISMS_IOC_VALUE_MAX + 1];
    struct isms_ioc_set *set = isms_ioc_set_new();
    struct isms_ioc_addr addr;
    int prefix;

    if (!set)
        abort();
    isms_ioc_tokenize(b.line, b.len, check, &b);
    isms_ioc_tokenize_paths(b.line, b.len, check, &b);
    if (size <= ISMS_IOC_VALUE_MAX) {
        isms_ioc_canonical_path(canonical, b.line, b.len);
        isms_ioc_canonical_registry_key(canonical, b.line, b.len);
    }
    /* A timestamp, in any format, lies within the line. */
    for (int f = ISMS_LOG_AUTO; f <= ISMS_LOG_PLAIN; f++) {
        const char *at;
        size_t n;
        if (isms_log_timestamp((enum isms_log_format)f, b.line, b.len, &at, &n) &&
            (at < b.line || at + n > b.line + b.len))
            abort();
    }
    /* As a rule file: parsed rules count the input's own lines without harm. */
    struct isms_log_rule *rules = NULL;
    size_t n = 0;
    if (isms_log_rules_parse(&rules, &n, b.line, b.len) == 0 && n) {
        struct isms_log_rules_state *st = isms_log_rules_state_new(rules, n);
        if (!st)
            abort();
        for (int64_t t = 0; t < 3; t++)
            isms_log_rules_feed(st, b.line, b.len, (size_t)t + 1, t, NULL, no_alert, NULL);
        isms_log_rules_state_free(st);
    }
    free(rules);
    /* Whatever classifies is a value the set takes, and finds again. */
    if (isms_ioc_classify(canonical, &addr, &prefix, b.line, b.len) != ISMS_IOC_NONE &&
        isms_ioc_set_add(set, b.line, b.len, 1, NULL) != 0)
        abort();
    isms_ioc_set_free(set);
    return 0;
}
