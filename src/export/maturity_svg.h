/*
 * The maturity chart: for each theme of ISO/IEC 27001:2022 Annex A (5
 * organizational, 6 people, 7 physical, 8 technological) and for the 11
 * controls new in 2022, one bar of its applicable controls split by the
 * level reached: none yet, 梅 basic, 竹 standard, 松 advanced.
 */
#ifndef ISMS_EXPORT_MATURITY_SVG_H
#define ISMS_EXPORT_MATURITY_SVG_H

#include "isms/control_impl.h"
#include "util/buf.h"

enum {
    ISMS_MATURITY_BARS = 5
}; /* four themes, then the 11 new controls */

struct isms_maturity {
    int counts[ISMS_MATURITY_BARS][ISMS_CONTROL_LEVEL_COUNT + 1]; /* [bar][level, 0 = none] */
};

/* Counts `rows` (Annex A controls only; CLD controls have no theme). */
void isms_maturity_count(struct isms_maturity *out, const struct isms_control_row *rows,
                         size_t count);

/* Appends the chart as an SVG element, labels in `lang` ("ja" or "en"). */
int isms_maturity_svg(struct isms_buf *out, const struct isms_maturity *m, const char *lang);

#endif
