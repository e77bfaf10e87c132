/* Unpredictable bytes and tokens from OpenSSL's CSPRNG (RAND_bytes). */
#ifndef ISMS_SEC_RANDOM_H
#define ISMS_SEC_RANDOM_H

#define ISMS_TOKEN_BYTES 32
#define ISMS_TOKEN_TEXT_SIZE (ISMS_TOKEN_BYTES * 2 + 1) /* lowercase hex + NUL */

/* Fills `out` with `len` random bytes; ISMS_ERROR when the CSPRNG fails. */
int isms_random_bytes(void *out, size_t len);

/* A fresh 256-bit token as 64 lowercase hex digits. */
int isms_random_token(char out[ISMS_TOKEN_TEXT_SIZE]);

/* SHA-256 of `text` as 64 lowercase hex digits (how tokens are stored). */
int isms_sha256_hex(char out[ISMS_TOKEN_TEXT_SIZE], const char *text);
/* The same for `len` bytes of `data` (evidence files). */
int isms_sha256_hex_bytes(char out[ISMS_TOKEN_TEXT_SIZE], const void *data, size_t len);

/* True when the strings are equal; the time taken depends only on their
 * lengths, not on where they first differ (for tokens). */
bool isms_secure_equal(const char *a, const char *b);

#endif
