/*
 * One-time recovery codes: the fallback second factor a user can replace at
 * any time (seed 000: a factor that cannot be changed, like a fingerprint,
 * needs one that can). Each code is 16 characters of Crockford's base32
 * (80 bits) shown as "xxxx-xxxx-xxxx-xxxx"; only its SHA-256 is stored, which
 * is enough at 80 bits of entropy.
 */
#ifndef ISMS_SEC_RECOVERY_CODES_H
#define ISMS_SEC_RECOVERY_CODES_H

#include "sec/random.h"

#define ISMS_RECOVERY_CODE_CHARS 16
#define ISMS_RECOVERY_CODE_TEXT 20 /* 16 characters, 3 dashes, NUL */

/* A fresh code for display, "xxxx-xxxx-xxxx-xxxx". */
int isms_recovery_code_new(char out[ISMS_RECOVERY_CODE_TEXT]);

/* The hash stored for a code as the user types it: case, dashes and spaces
 * do not matter, and the letters Crockford's alphabet leaves out are read as
 * the digits they look like (o -> 0, i and l -> 1). ISMS_EAUTH for input
 * that cannot be a code. */
int isms_recovery_code_hash(char out[ISMS_TOKEN_TEXT_SIZE], const char *typed);

#endif
