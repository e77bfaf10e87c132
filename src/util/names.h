/*
 * Enum values spelled as names: a table indexed by the value, searched by
 * name. The role, status and kind tables of the domain share this lookup.
 */
#ifndef ISMS_UTIL_NAMES_H
#define ISMS_UTIL_NAMES_H

/* The index i in first..last with names[i] equal to `name`; -1 when there is
 * none or `name` is NULL. */
int isms_names_find(const char *const names[], int first, int last, const char *name);

#endif
