/*
 * Small secrets kept at rest under a key that is not in the database
 * (TOTP seeds: with the database alone nobody can generate a user's codes).
 * AES-256-GCM through OpenSSL EVP: a fresh random 96-bit nonce per seal, a
 * 128-bit tag, and a context string (e.g. "totp:12") bound in as associated
 * data so a sealed value copied to another row does not open there.
 *
 * Sealed text: "gcm1:" + lowercase hex of nonce | ciphertext | tag.
 */
#ifndef ISMS_SEC_SECRET_BOX_H
#define ISMS_SEC_SECRET_BOX_H

#define ISMS_SECRET_KEY_BYTES 32
#define ISMS_SECRET_NONCE_BYTES 12
#define ISMS_SECRET_TAG_BYTES 16
#define ISMS_SECRET_PREFIX "gcm1:"
/* Room for the sealed text of a plaintext of `n` bytes, NUL included. */
#define ISMS_SECRET_SEALED_SIZE(n)                                                                 \
    (sizeof(ISMS_SECRET_PREFIX) + 2 * (ISMS_SECRET_NONCE_BYTES + (n) + ISMS_SECRET_TAG_BYTES))

struct isms_secret_key {
    unsigned char bytes[ISMS_SECRET_KEY_BYTES];
};

/* True when `text` has the sealed form's prefix (plain values do not: they
 * are base32). */
bool isms_secret_is_sealed(const char *text);

/* Seals `plain` (a C string) under `key` and `context` into `out`.
 * ISMS_ETOOBIG when `size` is below ISMS_SECRET_SEALED_SIZE(strlen(plain)). */
int isms_secret_seal(char *out, size_t size, const struct isms_secret_key *key, const char *context,
                     const char *plain);

/* Opens sealed text back into the C string `out`. ISMS_EAUTH when the key or
 * context is not the one it was sealed with or the text was altered;
 * ISMS_EINVALID when it is not sealed text; ISMS_ETOOBIG when it does not
 * fit `size`. */
int isms_secret_open(char *out, size_t size, const struct isms_secret_key *key, const char *context,
                     const char *sealed);

#endif
