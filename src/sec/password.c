#include "isms_setup.h"
#include <argon2.h>
#include <pthread.h>
#include "sec/password.h"
#include "sec/random.h"
#include "util/error.h"

#define SALT_BYTES 16
#define HASH_BYTES 32

int isms_password_hash(char out[ISMS_PASSWORD_HASH_MAX], const char *password)
{
    unsigned char salt[SALT_BYTES];
    int error, rc;

    if ((error = isms_random_bytes(salt, sizeof(salt))) < 0)
        return error;
    rc = argon2id_hash_encoded(ISMS_PASSWORD_PASSES, ISMS_PASSWORD_MEMORY_KIB, ISMS_PASSWORD_LANES,
                               password, strlen(password), salt, sizeof(salt), HASH_BYTES, out,
                               ISMS_PASSWORD_HASH_MAX);
    if (rc != ARGON2_OK)
        return isms_error_set(rc == ARGON2_MEMORY_ALLOCATION_ERROR ? ISMS_ENOMEM : ISMS_ERROR,
                              "cannot hash the password: %s", argon2_error_message(rc));
    return 0;
}

int isms_password_verify(const char *encoded, const char *password)
{
    int rc;

    if (!encoded || strncmp(encoded, "$argon2id$", 10) != 0)
        return isms_error_set(ISMS_ERROR, "the stored password hash is not Argon2id");
    rc = argon2id_verify(encoded, password, strlen(password));
    if (rc == ARGON2_OK)
        return 0;
    if (rc == ARGON2_VERIFY_MISMATCH)
        return isms_error_set(ISMS_EAUTH, _("wrong password"));
    return isms_error_set(rc == ARGON2_MEMORY_ALLOCATION_ERROR ? ISMS_ENOMEM : ISMS_ERROR,
                          "cannot check the password: %s", argon2_error_message(rc));
}

static char dummy_hash[ISMS_PASSWORD_HASH_MAX];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void make_dummy_hash(void)
{
    if (isms_password_hash(dummy_hash, "no user has this password") < 0)
        dummy_hash[0] = '\0';
}

void isms_password_verify_dummy(const char *password)
{
    pthread_once(&dummy_once, make_dummy_hash);
    if (dummy_hash[0])
        isms_password_verify(dummy_hash, password);
}
