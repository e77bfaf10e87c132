/*
 * An organization's indicators of compromise (ISO/IEC 27001:2022 5.7, seed
 * 001's record of an indicator): the value and its type (engines/ioc/ioc.h),
 * the related threat, source, TLP 2.0, the period during which it is active
 * (outside it, it is not matched), the direction, confidence and tags.
 */
#ifndef ISMS_MODEL_INDICATOR_H
#define ISMS_MODEL_INDICATOR_H

#include "model/retention.h"
#include "util/time.h"

#define ISMS_INDICATOR_TEXT_MAX 200

/* TLP 2.0 (FIRST). */
enum isms_tlp {
    ISMS_TLP_CLEAR = 1,
    ISMS_TLP_GREEN,
    ISMS_TLP_AMBER,
    ISMS_TLP_AMBER_STRICT,
    ISMS_TLP_RED,
};

enum isms_direction {
    ISMS_DIRECTION_BOTH = 1,
    ISMS_DIRECTION_INBOUND,
    ISMS_DIRECTION_OUTBOUND,
};

/* Small enough to hold a million: the texts are borrowed (from the import's
 * arena, or from the row being read). */
struct isms_indicator {
    int64_t id;
    int type;               /* enum isms_ioc_type */
    const char *value;      /* canonical */
    const char *threat;     /* free text: a campaign, a malware family */
    const char *threat_ref; /* a threat of the library ("ipa:3", "own:12") or "" */
    const char *source, *tags;
    enum isms_tlp tlp;
    struct isms_date first_seen, active_from, active_until; /* unset: none */
    enum isms_direction direction;
    int confidence; /* 0-100; -1 not given */
    bool allow;     /* a known-good value (warning list): suppresses hits */
};

/* "clear", "green", "amber", "amber+strict", "red" (also TLP:AMBER, upper case). */
const char *isms_tlp_name(enum isms_tlp t);
int isms_tlp_parse(enum isms_tlp *out, const char *text);
/* "both", "inbound", "outbound" (also in, out, 内→外 style arrows not taken). */
const char *isms_direction_name(enum isms_direction d);
int isms_direction_parse(enum isms_direction *out, const char *text);

/* Active on `day`: within [active_from, active_until], an unset end open. */
bool isms_indicator_active(const struct isms_indicator *i, const struct isms_date *day);

#endif
