/*
 * The threat library on pages: the choices of a threat field (the built-in
 * sources, then the org's own threats) and a reference as people read it.
 * Risks and indicators name their threat the same way.
 */
#ifndef ISMS_WEB_PAGES_THREAT_CHOICES_H
#define ISMS_WEB_PAGES_THREAT_CHOICES_H

#include "web/pages/pages.h"

/* [{"label": source, "options": [{value, label, selected}]}], `current`
 * (a reference "ipa:3", may be NULL) selected; NULL out of memory. */
json_t *isms_page_threat_groups(const struct isms_page *page, const char *current);

/* {"ref": "IPA 10大脅威 3", "name": the threat's name in the page's
 * language}, or JSON null for no reference or one not in the library. */
json_t *isms_page_threat(const struct isms_page *page, const char *ref);

#endif
