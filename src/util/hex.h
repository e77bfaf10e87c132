/* Hexadecimal text for tokens, digests and sealed secrets. */
#ifndef ISMS_UTIL_HEX_H
#define ISMS_UTIL_HEX_H

/* A SHA-256 digest (or any 32 bytes) in lowercase hex, with its NUL. */
#define ISMS_SHA256_HEX_SIZE 65

/* Writes 2 * len lowercase hex digits and a NUL to `out`. */
void isms_hex_encode(char *out, const void *bytes, size_t len);

/* The value of one hex digit, either case; -1 for anything else. */
int isms_hex_digit(char c);

#endif
