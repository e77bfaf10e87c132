/* The errors of an import (isms/import_errors.h) as JSON, in one language. */
#ifndef ISMS_EXPORT_IMPORT_ERRORS_JSON_H
#define ISMS_EXPORT_IMPORT_ERRORS_JSON_H

#include <jansson.h>
#include "isms/import_errors.h"

/* [{"line", "column", "header", "message"}, ...]; NULL when out of memory. */
json_t *isms_json_import_errors(const struct isms_import_errors *errors, bool japanese);

#endif
