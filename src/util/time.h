#ifndef ISMS_UTIL_TIME_H
#define ISMS_UTIL_TIME_H

#include <stdint.h>

#define ISMS_TIMESTAMP_SIZE 21 /* "YYYY-MM-DDTHH:MM:SSZ" + NUL */

/* Writes the current UTC time in ISO 8601 (RFC 3339) form. */
void isms_time_now(char out[ISMS_TIMESTAMP_SIZE]);

/* The same of `seconds` since the epoch (years outside 0-9999 read as the epoch). */
void isms_time_from_epoch(char out[ISMS_TIMESTAMP_SIZE], int64_t seconds);

#endif
