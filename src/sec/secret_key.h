/*
 * The key that seals secrets at rest (sec/secret_box.h), kept outside the
 * database: $ISMS_SECRET_KEY (64 hex digits) when set, otherwise the file
 * "<database>.key" next to the database (32 random bytes, mode 0600), made
 * by `isms init` or the first command that opens a database without one.
 * Backups must include the key file: without it TOTP seeds cannot be opened
 * (users then sign in with a recovery code and enrol again).
 *
 * The process holds one key, loaded when the database is opened.
 */
#ifndef ISMS_SEC_SECRET_KEY_H
#define ISMS_SEC_SECRET_KEY_H

#include "sec/secret_box.h"

#define ISMS_SECRET_KEY_ENV "ISMS_SECRET_KEY"
#define ISMS_SECRET_KEY_SUFFIX ".key"

/* Reads the key for database `db_path` into *out: the environment
 * variable, else the key file, which is created when missing. ISMS_EINVALID
 * for a malformed variable or a key file of the wrong size or with access
 * for group or others; ISMS_ERROR for I/O failures. */
int isms_secret_key_load(struct isms_secret_key *out, const char *db_path);

/* Makes `key` the process's key (copied); NULL forgets it. */
void isms_secret_key_install(const struct isms_secret_key *key);

/* The process's key, or NULL when none was installed. */
const struct isms_secret_key *isms_secret_key_current(void);

#endif
