#include "isms_setup.h"
#include "sec/random.h"
#include "sec/recovery_codes.h"
#include "util/error.h"

/* Crockford's base32: no I, L, O or U, so a code read aloud is unambiguous. */
static const char alphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";

int isms_recovery_code_new(char out[ISMS_RECOVERY_CODE_TEXT])
{
    unsigned char bytes[ISMS_RECOVERY_CODE_CHARS];
    size_t n = 0;
    int error;

    if ((error = isms_random_bytes(bytes, sizeof(bytes))) < 0)
        return error;
    for (size_t i = 0; i < ISMS_RECOVERY_CODE_CHARS; i++) {
        if (i && i % 4 == 0)
            out[n++] = '-';
        /* 256 is a multiple of 32: taking 5 bits keeps every letter equally likely. */
        out[n++] = alphabet[bytes[i] & 31];
    }
    out[n] = '\0';
    return 0;
}

static int canonical_char(char c)
{
    if (c >= 'A' && c <= 'Z')
        c = (char)(c - 'A' + 'a');
    if (c == 'o')
        c = '0';
    else if (c == 'i' || c == 'l')
        c = '1';
    return strchr(alphabet, c) && c ? c : -1;
}

int isms_recovery_code_hash(char out[ISMS_TOKEN_TEXT_SIZE], const char *typed)
{
    char code[ISMS_RECOVERY_CODE_CHARS + 1];
    size_t n = 0;

    for (const char *p = typed; *p; p++) {
        int c;
        if (*p == '-' || *p == ' ')
            continue;
        if (n == ISMS_RECOVERY_CODE_CHARS || (c = canonical_char(*p)) < 0)
            return isms_error_set(ISMS_EAUTH, _("wrong recovery code"));
        code[n++] = (char)c;
    }
    if (n != ISMS_RECOVERY_CODE_CHARS)
        return isms_error_set(ISMS_EAUTH, _("wrong recovery code"));
    code[n] = '\0';
    return isms_sha256_hex(out, code);
}
