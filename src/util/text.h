/* Checks on user-supplied text. */
#ifndef ISMS_UTIL_TEXT_H
#define ISMS_UTIL_TEXT_H

/* True when `s` is well-formed UTF-8 (no overlongs, no surrogates). */
bool isms_text_valid_utf8(const char *s);

/* Makes `s` valid UTF-8 in place: each byte of no valid sequence becomes
 * '?', each control character a space (a log line shown as text). */
void isms_text_make_utf8(char *s);

/* Validates a free-text field: well-formed UTF-8, at most `max` bytes, no
 * control characters except tab and (if `multiline`) newlines. Returns
 * ISMS_EINVALID/ISMS_ETOOBIG with a message naming `field`. */
int isms_text_check(const char *s, size_t max, bool multiline, const char *field);

/* Copies a checked text (NULL reads as "") into `out` of `size` bytes:
 * ISMS_EINVALID "'FIELD' is required" when `required` and empty, else as
 * isms_text_check with max `size` - 1. */
int isms_text_take(char *out, size_t size, const char *text, bool required, bool multiline,
                   const char *field);

/* `in` folded for searching: ASCII letters lower-cased and the spelling
 * variants of JIS terms written one way (脆弱 for ぜい弱, 漏えい for 漏洩,
 * 改ざん for 改竄, 遵守 for 順守, 情報セキュリティ事象 for 情報セキュリティ
 * イベント, ...), so that either spelling finds the other. Cut to `size`. */
void isms_text_fold(char *out, size_t size, const char *in);

/* True when folded `text` contains folded `query` (an empty query matches). */
bool isms_text_search(const char *text, const char *query);

#endif
