/* The baseline of what the log rules match (engines/ioc/baseline.h) as the
 * API's JSON. */
#ifndef ISMS_EXPORT_BASELINE_JSON_H
#define ISMS_EXPORT_BASELINE_JSON_H

#include <jansson.h>
#include "engines/ioc/baseline.h"

/* {"deviations": [{"rule", "source" ("" for the rule's total), "hour"
 * (RFC 3339 UTC), "count", "mean", "stddev"}], "days": [{"rule", "day"
 * (YYYY-MM-DD in the zone `local_offset` seconds east of UTC), "count"}],
 * "weeks": [{"rule", "last_week", "week_before"}]}; NULL out of memory. */
json_t *isms_json_baseline(const struct isms_log_hourly *h,
                           const struct isms_log_baseline_options *o, int local_offset);

#endif
