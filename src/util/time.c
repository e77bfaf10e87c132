#include "isms_setup.h"
#include <time.h>
#include "util/time.h"

void isms_time_now(char out[ISMS_TIMESTAMP_SIZE])
{
    time_t now = time(NULL);
    struct tm tm;

    gmtime_r(&now, &tm);
    strftime(out, ISMS_TIMESTAMP_SIZE, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
