#include "isms_setup.h"
#include <time.h>
#include "util/time.h"

void isms_time_now(char out[ISMS_TIMESTAMP_SIZE])
{
    isms_time_from_epoch(out, (int64_t)time(NULL));
}

void isms_time_from_epoch(char out[ISMS_TIMESTAMP_SIZE], int64_t seconds)
{
    time_t when = (time_t)seconds;
    struct tm tm;

    if (!gmtime_r(&when, &tm) || tm.tm_year + 1900 > 9999 || tm.tm_year + 1900 < 0 ||
        !strftime(out, ISMS_TIMESTAMP_SIZE, "%Y-%m-%dT%H:%M:%SZ", &tm))
        snprintf(out, ISMS_TIMESTAMP_SIZE, "1970-01-01T00:00:00Z");
}
