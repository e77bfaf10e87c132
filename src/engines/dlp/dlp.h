/*
 * The data-leak scanner (8.12): findings of card numbers, My Numbers,
 * corporate numbers, e-mail addresses, Japanese phone numbers and the
 * user's keywords in text, line by line, each with a score that a keyword
 * near it (カード番号, マイナンバー, 法人番号, 電話...) raises. A finding holds
 * the value masked, never in full: it is printed and stored as it is here.
 */
#ifndef ISMS_ENGINES_DLP_DLP_H
#define ISMS_ENGINES_DLP_DLP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum isms_dlp_detector {
    ISMS_DLP_CARD,
    ISMS_DLP_MY_NUMBER,
    ISMS_DLP_CORPORATE_NUMBER,
    ISMS_DLP_EMAIL,
    ISMS_DLP_PHONE,
    ISMS_DLP_KEYWORD,
    ISMS_DLP_DETECTORS
};

/* "card", "my_number", "corporate_number", "email", "phone", "keyword". */
const char *isms_dlp_detector_name(enum isms_dlp_detector d);

enum isms_dlp_confidence {
    ISMS_DLP_LOW,
    ISMS_DLP_MEDIUM,
    ISMS_DLP_HIGH
};

/* "low", "medium", "high"; and back (false for another word). */
const char *isms_dlp_confidence_name(enum isms_dlp_confidence c);
bool isms_dlp_confidence_parse(enum isms_dlp_confidence *out, const char *name);

#define ISMS_DLP_MASKED_MAX 96

struct isms_dlp_finding {
    enum isms_dlp_detector detector;
    size_t line;   /* 1-based */
    size_t column; /* 1-based, in bytes */
    char masked[ISMS_DLP_MASKED_MAX + 1];
    const char *issuer; /* a card's, or NULL */
    bool context;       /* a keyword of the detector is near */
    int score;          /* 0..100 */
    enum isms_dlp_confidence confidence;
};

/* Returns nonzero to stop the scan. */
typedef int (*isms_dlp_finding_fn)(const struct isms_dlp_finding *f, void *ctx);

struct isms_dlp_options {
    const char *const *keywords; /* the user's (社外秘, confidential...), ASCII case ignored */
    size_t keyword_count;
    enum isms_dlp_confidence min_confidence; /* findings below it are not told */
};

/* The keywords used when the user gives none. */
extern const char *const isms_dlp_default_keywords[];
extern const size_t isms_dlp_default_keyword_count;

struct isms_dlp_stats {
    size_t bytes, lines;
    size_t findings[ISMS_DLP_DETECTORS];
};

/* The findings of one line (no newline): numbers and addresses in the
 * order they start, then the keywords. `stats` may be NULL. */
int isms_dlp_scan_line(const struct isms_dlp_options *o, const char *line, size_t len,
                       size_t line_no, isms_dlp_finding_fn fn, void *ctx,
                       struct isms_dlp_stats *stats);

/* Every line of `in`, in constant memory (util/lines.h), its counts added
 * to `stats`. `name` is for messages. */
int isms_dlp_scan_stream(FILE *in, const char *name, const struct isms_dlp_options *o,
                         isms_dlp_finding_fn fn, void *ctx, struct isms_dlp_stats *stats);

#endif
