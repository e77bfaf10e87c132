/*
 * Time-based one-time passwords (RFC 6238) through liboath: HMAC-SHA1,
 * 30-second steps, 6 digits, which is what authenticator apps expect from an
 * otpauth:// URI without parameters. A code is accepted for the step before,
 * the current one and the one after (clock drift), and each step only once.
 */
#ifndef ISMS_SEC_TOTP_H
#define ISMS_SEC_TOTP_H

#include <time.h>

#define ISMS_TOTP_SECRET_BYTES 20 /* 160 bits, as RFC 4226 recommends */
#define ISMS_TOTP_SECRET_TEXT 64  /* base32 text of a secret, with room */
#define ISMS_TOTP_DIGITS 6
#define ISMS_TOTP_STEP_SECONDS 30
#define ISMS_TOTP_WINDOW 1 /* steps either side of now */

/* A fresh random secret, base32 without padding. */
int isms_totp_secret_new(char out[ISMS_TOTP_SECRET_TEXT]);

/* The code for `secret` (base32) at time `now`. ISMS_EINVALID for a secret
 * that is not base32. */
int isms_totp_generate(char out[ISMS_TOTP_DIGITS + 1], const char *secret, time_t now);

/* Checks `code` against the steps around `now`. On success *step_out is the
 * matched time step, which must be greater than `last_step` (the last step
 * the user signed in with): a code seen once is refused a second time.
 * ISMS_EAUTH for a wrong or reused code, ISMS_EINVALID for a secret that is
 * not base32. The comparison is constant-time. */
int isms_totp_verify(int64_t *step_out, const char *secret, const char *code, time_t now,
                     int64_t last_step);

/* otpauth://totp/ISSUER:ACCOUNT?secret=...&issuer=ISSUER for QR codes; the
 * label parts are percent-encoded. ISMS_ETOOBIG when it does not fit. */
int isms_totp_uri(char *out, size_t size, const char *issuer, const char *account,
                  const char *secret);

#endif
