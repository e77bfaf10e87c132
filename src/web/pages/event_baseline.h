/* The baseline section of the events page (8.16 竹/松): the hours that
 * deviated from what the rules usually match, and each rule's trend. */
#ifndef ISMS_WEB_PAGES_EVENT_BASELINE_H
#define ISMS_WEB_PAGES_EVENT_BASELINE_H

#include "web/pages/pages.h"

/* Sets "baseline": {"deviations": [...], "weeks": [...], "empty"} from the
 * org's counts of the last 30 days. */
int isms_page_add_baseline(struct isms_page *page);

#endif
