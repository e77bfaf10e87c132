#include "isms_setup.h"
#include <openssl/evp.h>
#include "sec/random.h"
#include "sec/secret_box.h"
#include "util/error.h"
#include "util/hex.h"

#define PREFIX_LEN (sizeof(ISMS_SECRET_PREFIX) - 1)
/* Longest plaintext taken: TOTP seeds are 32 base32 characters. */
#define PLAIN_MAX 1024

bool isms_secret_is_sealed(const char *text)
{
    return text && strncmp(text, ISMS_SECRET_PREFIX, PREFIX_LEN) == 0;
}

/* A lowercase hex digit's value, -1 otherwise: sealed secrets are written in
 * lowercase only (isms_hex_encode), so any other form was not written by us. */
static int lowercase_hex_value(char c)
{
    return c >= 'A' && c <= 'F' ? -1 : isms_hex_digit(c);
}

/* Lowercase hex into bytes; false for odd length, other characters or too long. */
static bool from_hex(unsigned char *out, size_t *len_out, size_t max, const char *hex)
{
    size_t n = strlen(hex);

    if (n % 2 || n / 2 > max)
        return false;
    for (size_t i = 0; i < n / 2; i++) {
        int hi = lowercase_hex_value(hex[2 * i]), lo = lowercase_hex_value(hex[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return false;
        out[i] = (unsigned char)(hi << 4 | lo);
    }
    *len_out = n / 2;
    return true;
}

/* One AES-256-GCM pass: encrypts (`encrypt`) or decrypts `len` bytes of `in`
 * into `out` with `tag` produced or checked. false on any failure, including
 * a tag that does not match. */
static bool gcm(bool encrypt, unsigned char *out, const unsigned char *in, size_t len,
                unsigned char tag[ISMS_SECRET_TAG_BYTES], const struct isms_secret_key *key,
                const unsigned char nonce[ISMS_SECRET_NONCE_BYTES], const char *context)
{
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    int n = 0, ok;

    ok = ctx && len <= PLAIN_MAX &&
         EVP_CipherInit_ex(ctx, EVP_aes_256_gcm(), NULL, NULL, NULL, encrypt) == 1 &&
         EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, ISMS_SECRET_NONCE_BYTES, NULL) == 1 &&
         EVP_CipherInit_ex(ctx, NULL, NULL, key->bytes, nonce, encrypt) == 1 &&
         EVP_CipherUpdate(ctx, NULL, &n, (const unsigned char *)context, (int)strlen(context)) ==
             1 &&
         EVP_CipherUpdate(ctx, out, &n, in, (int)len) == 1 &&
         (encrypt ||
          EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, ISMS_SECRET_TAG_BYTES, tag) == 1) &&
         EVP_CipherFinal_ex(ctx, out + n, &n) == 1 &&
         (!encrypt ||
          EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, ISMS_SECRET_TAG_BYTES, tag) == 1);
    EVP_CIPHER_CTX_free(ctx);
    return ok;
}

int isms_secret_seal(char *out, size_t size, const struct isms_secret_key *key, const char *context,
                     const char *plain)
{
    unsigned char blob[ISMS_SECRET_NONCE_BYTES + PLAIN_MAX + ISMS_SECRET_TAG_BYTES];
    size_t len = strlen(plain);
    unsigned char *nonce = blob, *cipher = blob + ISMS_SECRET_NONCE_BYTES;
    int error;

    if (len > PLAIN_MAX || size < ISMS_SECRET_SEALED_SIZE(len))
        return isms_error_set(ISMS_ETOOBIG, "the secret is too long to seal");
    if ((error = isms_random_bytes(nonce, ISMS_SECRET_NONCE_BYTES)) < 0)
        return error;
    if (!gcm(true, cipher, (const unsigned char *)plain, len, cipher + len, key, nonce, context))
        return isms_error_set(ISMS_ERROR, "AES-256-GCM encryption failed");
    memcpy(out, ISMS_SECRET_PREFIX, PREFIX_LEN);
    isms_hex_encode(out + PREFIX_LEN, blob, ISMS_SECRET_NONCE_BYTES + len + ISMS_SECRET_TAG_BYTES);
    OPENSSL_cleanse(blob, sizeof(blob));
    return 0;
}

int isms_secret_open(char *out, size_t size, const struct isms_secret_key *key, const char *context,
                     const char *sealed)
{
    unsigned char blob[ISMS_SECRET_NONCE_BYTES + PLAIN_MAX + ISMS_SECRET_TAG_BYTES];
    unsigned char plain[PLAIN_MAX + 1];
    size_t blob_len, len;

    if (!isms_secret_is_sealed(sealed) ||
        !from_hex(blob, &blob_len, sizeof(blob), sealed + PREFIX_LEN) ||
        blob_len < ISMS_SECRET_NONCE_BYTES + ISMS_SECRET_TAG_BYTES)
        return isms_error_set(ISMS_EINVALID, "not a sealed secret");
    len = blob_len - ISMS_SECRET_NONCE_BYTES - ISMS_SECRET_TAG_BYTES;
    if (len + 1 > size)
        return isms_error_set(ISMS_ETOOBIG, "the secret does not fit");
    if (!gcm(false, plain, blob + ISMS_SECRET_NONCE_BYTES, len,
             blob + ISMS_SECRET_NONCE_BYTES + len, key, blob, context))
        return isms_error_set(ISMS_EAUTH, "the secret cannot be decrypted with this key");
    memcpy(out, plain, len);
    out[len] = '\0';
    OPENSSL_cleanse(plain, sizeof(plain));
    return 0;
}
