/*
 * Ids in paths, query strings and forms: a positive decimal integer. Anything
 * else names nothing, so handlers answer as if the thing did not exist.
 */
#ifndef ISMS_WEB_ID_PARAM_H
#define ISMS_WEB_ID_PARAM_H

#include <stdint.h>

/* *out = the id `text` spells (0 when it spells none). Otherwise `code`:
 * ISMS_ENOTFOUND "WHAT 'TEXT' not found" (a path), any other code "'WHAT'
 * must be a positive integer, not 'TEXT'" (a query or form value). */
int isms_web_parse_id(int64_t *out, const char *text, int code, const char *what);

#endif
