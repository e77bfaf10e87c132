/*
 * Password hashing with Argon2id (libargon2), stored as the PHC string
 * "$argon2id$v=19$m=19456,t=2,p=1$salt$hash" so the parameters travel with
 * each hash and can be raised later without breaking old ones. The defaults
 * follow the OWASP Password Storage Cheat Sheet: 19 MiB, 2 passes, 1 lane.
 */
#ifndef ISMS_SEC_PASSWORD_H
#define ISMS_SEC_PASSWORD_H

#define ISMS_PASSWORD_HASH_MAX 128 /* room for the encoded string */
#define ISMS_PASSWORD_MEMORY_KIB 19456
#define ISMS_PASSWORD_PASSES 2
#define ISMS_PASSWORD_LANES 1

/* Hashes `password` with a fresh 16-byte salt into `out`. */
int isms_password_hash(char out[ISMS_PASSWORD_HASH_MAX], const char *password);

/* 0 when `password` matches `encoded`, ISMS_EAUTH when not (libargon2
 * compares in constant time), ISMS_ERROR when `encoded` is not a valid
 * Argon2id string. */
int isms_password_verify(const char *encoded, const char *password);

/* Spends the time of one verification without a user: a login for an
 * unknown name must take as long as a wrong password, or response times
 * would tell which names exist. */
void isms_password_verify_dummy(const char *password);

#endif
