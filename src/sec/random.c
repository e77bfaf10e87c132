#include "isms_setup.h"
#include <openssl/evp.h>
#include <openssl/rand.h>
#include "sec/random.h"
#include "util/error.h"
#include "util/hex.h"

_Static_assert(ISMS_TOKEN_TEXT_SIZE == ISMS_SHA256_HEX_SIZE,
               "a token and a SHA-256 digest are 32 bytes");

int isms_random_bytes(void *out, size_t len)
{
    if (len > INT_MAX || RAND_bytes(out, (int)len) != 1)
        return isms_error_set(ISMS_ERROR, "the random number generator failed");
    return 0;
}

int isms_random_token(char out[ISMS_TOKEN_TEXT_SIZE])
{
    unsigned char bytes[ISMS_TOKEN_BYTES];
    int error;

    if ((error = isms_random_bytes(bytes, sizeof(bytes))) < 0)
        return error;
    isms_hex_encode(out, bytes, sizeof(bytes));
    return 0;
}

int isms_sha256_hex(char out[ISMS_TOKEN_TEXT_SIZE], const char *text)
{
    return isms_sha256_hex_bytes(out, text, strlen(text));
}

int isms_sha256_hex_bytes(char out[ISMS_TOKEN_TEXT_SIZE], const void *data, size_t len)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int md_len = 0;

    if (!EVP_Digest(data, len, md, &md_len, EVP_sha256(), NULL) || md_len != 32)
        return isms_error_set(ISMS_ERROR, "SHA-256 is not available");
    isms_hex_encode(out, md, md_len);
    return 0;
}

bool isms_secure_equal(const char *a, const char *b)
{
    size_t len_a = strlen(a), len_b = strlen(b);
    unsigned char diff = len_a != len_b;

    /* Walk the shorter length fully: the loop never stops at the first
     * difference. Lengths of tokens are public. */
    for (size_t i = 0; i < (len_a < len_b ? len_a : len_b); i++)
        diff |= (unsigned char)(a[i] ^ b[i]);
    return diff == 0;
}
