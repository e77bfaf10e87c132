/* What the two BIA pages (bia.c, bia_process.c) share. */
#ifndef ISMS_WEB_PAGES_BIA_COMMON_H
#define ISMS_WEB_PAGES_BIA_COMMON_H

#include "isms/bia.h"
#include "web/http/form.h"
#include "web/pages/pages.h"

/* A duration as the page's language writes it: 4時間 / 4h; "-" not known. */
json_t *isms_page_duration(const struct isms_page *page, int minutes);

/* A process as a template row (durations in the page's language). */
json_t *isms_page_bia_process(const struct isms_page *page, const struct isms_bia_process *p);

/* Why a dependency is a gap, in the page's language. */
json_t *isms_page_bia_gap(const struct isms_page *page, const struct isms_bia_gap *g);

#endif
