/*
 * Threshold rules over a log (8.16 monitoring; the shape of OSSEC/Wazuh's
 * frequency rules): a rule counts the lines that contain its `match` text,
 * grouped by a key (the line's first IP address, or the value after
 * "NAME="), and raises one alert when `threshold` of them fall within
 * `window` seconds; then the same key stays silent for `silence` seconds.
 *
 * A rule file has one rule a line, fields separated by tabs, '#' comments:
 *
 *   ID  THRESHOLD  WINDOW  SILENCE  KEY  MATCH  NAME
 *
 * KEY is "ip" or "field:NAME"; MATCH is literal text (no patterns).
 */
#ifndef ISMS_ENGINES_IOC_RULES_H
#define ISMS_ENGINES_IOC_RULES_H

#include <stddef.h>
#include <stdint.h>

struct isms_log_rule {
    char id[40];
    int threshold, window, silence;
    char key[40]; /* "ip" or "field:NAME" */
    char match[128];
    char name[200];
};

/* The built-in rules: sshd brute force and invalid users, sudo failures,
 * web scans (many 4xx from one source). */
const char *isms_log_rules_builtin(void);

/* Parses a rule file. *out: free(). ISMS_EINVALID naming the line. */
int isms_log_rules_parse(struct isms_log_rule **out, size_t *count, const char *text, size_t len);

struct isms_log_alert {
    const struct isms_log_rule *rule;
    const char *key;
    size_t key_len;
    int count;
    int64_t first, last; /* the window's first and last event, epoch seconds */
    size_t line;         /* where the threshold was reached */
};

typedef int (*isms_log_alert_fn)(const struct isms_log_alert *alert, void *ctx);

struct isms_log_rules_state;

struct isms_log_rules_state *isms_log_rules_state_new(const struct isms_log_rule *rules,
                                                      size_t count);
void isms_log_rules_state_free(struct isms_log_rules_state *state);

typedef int (*isms_log_match_fn)(const struct isms_log_rule *rule, const char *key, size_t key_len,
                                 void *ctx);

/* One line at time `t` (epoch seconds; lines without a time are not
 * counted). `on_match` (may be NULL) hears of each rule the line matches,
 * with its key, before any threshold (baseline.h counts them by hour);
 * `fn` of each alert. Returns a callback's nonzero value, or an error. */
int isms_log_rules_feed(struct isms_log_rules_state *state, const char *line, size_t len,
                        size_t line_no, int64_t t, isms_log_match_fn on_match, isms_log_alert_fn fn,
                        void *ctx);

/* Each rule whose match text `line` holds, with the line's key: what the
 * rules count, for a reader without a state (isms log trend). */
int isms_log_rules_match(const struct isms_log_rule *rules, size_t count, const char *line,
                         size_t len, isms_log_match_fn fn, void *ctx);

#endif
