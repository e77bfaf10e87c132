/*
 * Times as people read them: a UTC timestamp of the database shown in a
 * named IANA time zone ("Asia/Tokyo", "Europe/Berlin"), with its daylight
 * saving rules, from the system's tz database (through GLib's GTimeZone,
 * which reads and caches it thread-safely).
 */
#ifndef ISMS_UTIL_TIMEZONE_H
#define ISMS_UTIL_TIMEZONE_H

#define ISMS_TZ_NAME_MAX 64
#define ISMS_TZ_DEFAULT_JA "Asia/Tokyo"

/* A moment in a zone, broken down. */
struct isms_local_time {
    int year, month, day; /* month 1-12 */
    int hour, minute, second;
    int utc_offset_seconds;
    char abbreviation[16]; /* "JST", "CET", "UTC" */
};

/* True when `name` is a zone of the tz database ("UTC" included). */
bool isms_tz_known(const char *name);

/* `timestamp` ("YYYY-MM-DDTHH:MM:SSZ", the store's form) in zone `zone`;
 * an unknown or empty zone reads as UTC. ISMS_EINVALID for a timestamp not
 * of that form. */
int isms_tz_local(struct isms_local_time *out, const char *zone, const char *timestamp);

/* Seconds east of UTC of `zone` now (0 for an unknown or empty zone): for
 * what spans hours or days, seldom a change of daylight saving. */
int isms_tz_offset_now(const char *zone);

/* Seconds east of UTC of this host's zone now (TZ, /etc/localtime): the
 * zone syslog writes its zone-less times in. */
int isms_tz_host_offset(void);

#endif
