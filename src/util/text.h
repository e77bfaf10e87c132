/* Checks on user-supplied text. */
#ifndef ISMS_UTIL_TEXT_H
#define ISMS_UTIL_TEXT_H

/* True when `s` is well-formed UTF-8 (no overlongs, no surrogates). */
bool isms_text_valid_utf8(const char *s);

/* Validates a free-text field: well-formed UTF-8, at most `max` bytes, no
 * control characters except tab and (if `multiline`) newlines. Returns
 * ISMS_EINVALID/ISMS_ETOOBIG with a message naming `field`. */
int isms_text_check(const char *s, size_t max, bool multiline, const char *field);

#endif
