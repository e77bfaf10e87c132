/*
 * A log line's time in seconds since the epoch, for rules that count events
 * within a window: syslog's "Dec  3 10:00:01" (no year: the year of `now`,
 * or the one before when that would lie ahead of `now`; no zone: UTC unless
 * the caller names the host's zone),
 * RFC 3339 stamps and the combined log's "03/Dec/2026:10:00:03 +0900".
 */
#ifndef ISMS_ENGINES_IOC_LOG_TIME_H
#define ISMS_ENGINES_IOC_LOG_TIME_H

#include <stdint.h>
#include "engines/ioc/log_format.h"

/* -1 when the line has no time this can read. */
int64_t isms_log_time(enum isms_log_format format, const char *line, size_t len, int64_t now);

/* The same with syslog's zone-less times read in the zone `local_offset`
 * seconds east of UTC (the zone of the host that wrote the log). */
int64_t isms_log_time_local(enum isms_log_format format, const char *line, size_t len, int64_t now,
                            int local_offset);

#endif
