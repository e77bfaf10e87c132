/* An indicator (model/indicator.h) as the API's JSON. */
#ifndef ISMS_EXPORT_INDICATOR_JSON_H
#define ISMS_EXPORT_INDICATOR_JSON_H

#include <jansson.h>
#include "model/indicator.h"

/* {"id", "type", "value", "threat", "threat_ref" (a threat of the library:
 * "ipa:3", or ""), "source", "tlp", "first_seen",
 * "active_from", "active_until" (null when unset), "direction",
 * "confidence" (null), "tags", "allow" (a known-good value: suppresses hits)} */
json_t *isms_json_indicator(const struct isms_indicator *i);

#endif
