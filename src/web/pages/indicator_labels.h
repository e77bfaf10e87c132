/* The kinds of indicators as a reader names them (ja/en), and their options. */
#ifndef ISMS_WEB_PAGES_INDICATOR_LABELS_H
#define ISMS_WEB_PAGES_INDICATOR_LABELS_H

#include "engines/ioc/ioc.h"
#include "web/pages/pages.h"

/* "IPv4 アドレス", "ファイルパス", "Registry key"; "" for none. */
const char *isms_page_ioc_type(const struct isms_page *page, int type);

/* <select> options of every kind, `current` selected (0: none). */
json_t *isms_page_ioc_type_options(const struct isms_page *page, int current);

#endif
