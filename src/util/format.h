/* printf formats compared: what a translated format may differ in. */
#ifndef ISMS_UTIL_FORMAT_H
#define ISMS_UTIL_FORMAT_H

/* True when printf formats `a` and `b` have the same conversion
 * specifications in the same order ("%s ... %lld"): a translated format is
 * used with the original's arguments only then, so a broken catalog entry
 * cannot read arguments that are not there. */
bool isms_format_same_conversions(const char *a, const char *b);

#endif
