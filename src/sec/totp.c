#include "isms_setup.h"
#include <liboath/oath.h>
#include <pthread.h>
#include "sec/random.h"
#include "sec/totp.h"
#include "util/error.h"

static pthread_once_t oath_once = PTHREAD_ONCE_INIT;
static int oath_status = OATH_OK;

static void init_oath(void)
{
    oath_status = oath_init();
}

static int ready(void)
{
    pthread_once(&oath_once, init_oath);
    return oath_status == OATH_OK
               ? 0
               : isms_error_set(ISMS_ERROR, "liboath: %s", oath_strerror(oath_status));
}

/* The raw key of a base32 secret; *key is owned by the caller (free()). */
static int decode_secret(char **key, size_t *key_len, const char *secret)
{
    int rc;

    *key = NULL;
    rc = oath_base32_decode(secret, strlen(secret), key, key_len);
    if (rc != OATH_OK || *key_len == 0) {
        free(*key);
        *key = NULL;
        return isms_error_set(ISMS_EINVALID, "the TOTP secret is not base32");
    }
    return 0;
}

int isms_totp_secret_new(char out[ISMS_TOTP_SECRET_TEXT])
{
    char key[ISMS_TOTP_SECRET_BYTES], *text = NULL;
    size_t len = 0;
    int error;

    if ((error = ready()) < 0 || (error = isms_random_bytes(key, sizeof(key))) < 0)
        return error;
    if (oath_base32_encode(key, sizeof(key), &text, &len) != OATH_OK ||
        len >= ISMS_TOTP_SECRET_TEXT) {
        free(text);
        return isms_error_set(ISMS_ERROR, "cannot encode the TOTP secret");
    }
    /* 20 bytes are exactly 32 base32 characters: no '=' padding to strip. */
    memcpy(out, text, len);
    out[len] = '\0';
    free(text);
    return 0;
}

int isms_totp_generate(char out[ISMS_TOTP_DIGITS + 1], const char *secret, time_t now)
{
    char *key;
    size_t key_len;
    int error, rc;

    if ((error = ready()) < 0 || (error = decode_secret(&key, &key_len, secret)) < 0)
        return error;
    rc = oath_totp_generate(key, key_len, now, ISMS_TOTP_STEP_SECONDS, OATH_TOTP_DEFAULT_START_TIME,
                            ISMS_TOTP_DIGITS, out);
    free(key);
    return rc == OATH_OK ? 0 : isms_error_set(ISMS_ERROR, "liboath: %s", oath_strerror(rc));
}

/* liboath's comparison callback: 0 only on a match. */
static int compare_code(void *handle, const char *candidate)
{
    return isms_secure_equal(handle, candidate) ? 0 : 1;
}

static bool well_formed(const char *code)
{
    if (strlen(code) != ISMS_TOTP_DIGITS)
        return false;
    for (const char *p = code; *p; p++)
        if (*p < '0' || *p > '9')
            return false;
    return true;
}

int isms_totp_verify(int64_t *step_out, const char *secret, const char *code, time_t now,
                     int64_t last_step)
{
    uint64_t counter = 0;
    char *key;
    size_t key_len;
    int error, rc, position = 0;

    if (!code || !well_formed(code))
        return isms_error_set(ISMS_EAUTH, _("the code must be %d digits"), ISMS_TOTP_DIGITS);
    if ((error = ready()) < 0 || (error = decode_secret(&key, &key_len, secret)) < 0)
        return error;
    rc = oath_totp_validate3_callback(
        key, key_len, now, ISMS_TOTP_STEP_SECONDS, OATH_TOTP_DEFAULT_START_TIME, ISMS_TOTP_DIGITS,
        ISMS_TOTP_WINDOW, &position, &counter, compare_code, (void *)code);
    free(key);
    if (rc < 0)
        return isms_error_set(ISMS_EAUTH, _("wrong code"));
    if ((int64_t)counter <= last_step)
        return isms_error_set(ISMS_EAUTH, _("this code was already used; wait for the next one"));
    *step_out = (int64_t)counter;
    return 0;
}

static int put_encoded(char *out, size_t size, size_t *used, const char *text)
{
    static const char hex[] = "0123456789ABCDEF";

    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        bool plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                     (*p >= '0' && *p <= '9') || *p == '-' || *p == '.' || *p == '_';
        size_t need = plain ? 1 : 3;
        if (*used + need >= size)
            return isms_error_set(ISMS_ETOOBIG, "the otpauth URI is too long");
        if (plain) {
            out[(*used)++] = (char)*p;
        } else {
            out[(*used)++] = '%';
            out[(*used)++] = hex[*p >> 4];
            out[(*used)++] = hex[*p & 15];
        }
    }
    out[*used] = '\0';
    return 0;
}

static int put_text(char *out, size_t size, size_t *used, const char *text)
{
    size_t len = strlen(text);

    if (*used + len >= size)
        return isms_error_set(ISMS_ETOOBIG, "the otpauth URI is too long");
    memcpy(out + *used, text, len + 1);
    *used += len;
    return 0;
}

int isms_totp_uri(char *out, size_t size, const char *issuer, const char *account,
                  const char *secret)
{
    size_t used = 0;
    int error;

    if ((error = put_text(out, size, &used, "otpauth://totp/")) < 0 ||
        (error = put_encoded(out, size, &used, issuer)) < 0 ||
        (error = put_text(out, size, &used, ":")) < 0 ||
        (error = put_encoded(out, size, &used, account)) < 0 ||
        (error = put_text(out, size, &used, "?secret=")) < 0 ||
        (error = put_text(out, size, &used, secret)) < 0 ||
        (error = put_text(out, size, &used, "&issuer=")) < 0 ||
        (error = put_encoded(out, size, &used, issuer)) < 0)
        return error;
    return 0;
}
