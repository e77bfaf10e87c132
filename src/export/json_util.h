/*
 * Small jansson helpers every JSON builder and reader in export/ shares.
 *
 * Builders chain isms_json_set()/isms_json_append(), which steal their value
 * and turn any NULL (out of memory, or a failed inner builder) into `false`,
 * so a whole object is checked once at the end.
 */
#ifndef ISMS_EXPORT_JSON_UTIL_H
#define ISMS_EXPORT_JSON_UTIL_H

#include <jansson.h>
#include <stdbool.h>

/* Sets `key` on `obj`, stealing `value`; false when either is NULL or jansson
 * runs out of memory. */
bool isms_json_set(json_t *obj, const char *key, json_t *value);

/* Appends `value` to `array`, stealing it; false as for isms_json_set. */
bool isms_json_append(json_t *array, json_t *value);

/* `obj` when `ok`, else frees it and returns NULL. */
json_t *isms_json_done(json_t *obj, bool ok);

/* A string, or null for NULL or "". */
json_t *isms_json_string_or_null(const char *s);

/* A present, non-null string member, borrowed from `body`; NULL when absent
 * or null (optional fields treat null as "not given"). ISMS_EINVALID naming
 * `key` when it is not a string or holds a NUL character. */
int isms_json_optional_string(const char **out, const json_t *body, const char *key);

/* The same, also taking an integer (written into `number`): fields such as
 * a priority or a duration that a client may send either way. */
#define ISMS_JSON_NUMBER_SIZE 24
int isms_json_optional_text(const char **out, char number[ISMS_JSON_NUMBER_SIZE],
                            const json_t *body, const char *key);

/* Appends `value` (stolen; NULL is out of memory) to `out` indented, in its
 * key order, with a final newline: the JSON files the exports write. */
struct isms_buf;
int isms_json_write_file(struct isms_buf *out, json_t *value);

#endif
