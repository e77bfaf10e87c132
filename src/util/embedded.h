/*
 * Files compiled into the binary at build time by tools/embed.c (catalog data,
 * SQL migrations). Each generated set ends with an entry whose name is NULL.
 */
#ifndef ISMS_UTIL_EMBEDDED_H
#define ISMS_UTIL_EMBEDDED_H

struct isms_embedded_file {
    const char *name;          /* file name without directories, e.g. "001_init.sql" */
    const unsigned char *data; /* NUL-terminated for convenience; size excludes it */
    size_t size;
};

/* The entry called `name` in `set`, or NULL. Borrowed. */
const struct isms_embedded_file *isms_embedded_find(const struct isms_embedded_file *set,
                                                    const char *name);

#endif
