/*
 * Where a log line says when it happened, by the format of the log: syslog
 * (and sshd, which writes through it: "Dec  3 10:00:01", RFC 3339 or RFC 5424
 * stamps), the combined access log ("[03/Dec/2026:10:00:03 +0900]") and JSON
 * Lines ("@timestamp", "timestamp" or "time"). The stamp is given as the log
 * wrote it.
 */
#ifndef ISMS_ENGINES_IOC_LOG_FORMAT_H
#define ISMS_ENGINES_IOC_LOG_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

enum isms_log_format {
    ISMS_LOG_AUTO = 0, /* told line by line from its shape */
    ISMS_LOG_SYSLOG,
    ISMS_LOG_SSHD,
    ISMS_LOG_COMBINED,
    ISMS_LOG_JSONL,
    ISMS_LOG_PLAIN, /* no timestamp */
};

/* "auto", "syslog", "sshd", "combined", "jsonl". */
int isms_log_format_parse(enum isms_log_format *out, const char *text);

/* The format a line has the shape of (never AUTO). */
enum isms_log_format isms_log_format_of(const char *line, size_t len);

/* The line's timestamp in `format` (AUTO: its own shape): true with *at and
 * *at_len within the line, false when it has none. */
bool isms_log_timestamp(enum isms_log_format format, const char *line, size_t len, const char **at,
                        size_t *at_len);

#endif
