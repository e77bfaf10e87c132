/*
 * First include of every .c file: feature macros, the standard headers every
 * module uses, and the few macros the whole code base relies on.
 */
#ifndef ISMS_SETUP_H
#define ISMS_SETUP_H

#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE 1

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ISMS_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* A programmer error: abort with a location instead of limping on. */
#define ISMS_BUG(msg)                                                                              \
    do {                                                                                           \
        fprintf(stderr, "BUG: %s:%d: %s\n", __FILE__, __LINE__, (msg));                            \
        abort();                                                                                   \
    } while (0)

#if defined(__GNUC__)
#define ISMS_PRINTF(fmt_index, first_arg) __attribute__((format(printf, fmt_index, first_arg)))
#else
#define ISMS_PRINTF(fmt_index, first_arg)
#endif

/* Marks a user-facing message for translation (gettext catalogs arrive with the web UI). */
#define _(msg) (msg)

#endif
