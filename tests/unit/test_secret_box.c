#include "isms_setup.h"
#include <setjmp.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include "sec/secret_box.h"
#include "sec/secret_key.h"
#include "util/error.h"

#define SEED "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

static const struct isms_secret_key key = {{0x10, 0x20, 0x30}};
static const struct isms_secret_key other = {{0x10, 0x20, 0x31}};

static void sealed_text_opens_back_to_the_secret(void **state)
{
    char sealed[ISMS_SECRET_SEALED_SIZE(sizeof(SEED) - 1)], again[sizeof(sealed)], plain[64];

    assert_int_equal(isms_secret_seal(sealed, sizeof(sealed), &key, "totp:1", SEED), 0);
    assert_true(isms_secret_is_sealed(sealed));
    assert_null(strstr(sealed, SEED));
    assert_int_equal(strlen(sealed), sizeof(sealed) - 1);
    assert_int_equal(isms_secret_open(plain, sizeof(plain), &key, "totp:1", sealed), 0);
    assert_string_equal(plain, SEED);
    /* A fresh nonce each time: equal secrets do not give equal text. */
    assert_int_equal(isms_secret_seal(again, sizeof(again), &key, "totp:1", SEED), 0);
    assert_string_not_equal(sealed, again);
}

static void a_wrong_key_or_context_does_not_open_it(void **state)
{
    char sealed[ISMS_SECRET_SEALED_SIZE(sizeof(SEED) - 1)], plain[64];

    assert_int_equal(isms_secret_seal(sealed, sizeof(sealed), &key, "totp:1", SEED), 0);
    assert_int_equal(isms_secret_open(plain, sizeof(plain), &other, "totp:1", sealed), ISMS_EAUTH);
    /* Bound to its user: copied to another row it does not open. */
    assert_int_equal(isms_secret_open(plain, sizeof(plain), &key, "totp:2", sealed), ISMS_EAUTH);
}

static void tampered_text_does_not_open(void **state)
{
    char sealed[ISMS_SECRET_SEALED_SIZE(sizeof(SEED) - 1)], plain[64];
    const size_t positions[] = {5, 5 + 2 * ISMS_SECRET_NONCE_BYTES + 3, sizeof(sealed) - 2};

    for (size_t i = 0; i < ISMS_ARRAY_SIZE(positions); i++) {
        assert_int_equal(isms_secret_seal(sealed, sizeof(sealed), &key, "totp:1", SEED), 0);
        sealed[positions[i]] = sealed[positions[i]] == '0' ? '1' : '0';
        assert_int_equal(isms_secret_open(plain, sizeof(plain), &key, "totp:1", sealed),
                         ISMS_EAUTH);
    }
    /* Cut short, not hex, not sealed at all. */
    assert_int_equal(isms_secret_open(plain, sizeof(plain), &key, "totp:1", "gcm1:00ff"),
                     ISMS_EINVALID);
    assert_int_equal(isms_secret_open(plain, sizeof(plain), &key, "totp:1", "gcm1:zz"),
                     ISMS_EINVALID);
    assert_int_equal(isms_secret_open(plain, sizeof(plain), &key, "totp:1", SEED), ISMS_EINVALID);
}

static void too_small_buffers_are_refused(void **state)
{
    char sealed[ISMS_SECRET_SEALED_SIZE(sizeof(SEED) - 1)], plain[8];

    assert_int_equal(isms_secret_seal(sealed, sizeof(sealed) - 1, &key, "c", SEED), ISMS_ETOOBIG);
    assert_int_equal(isms_secret_seal(sealed, sizeof(sealed), &key, "c", SEED), 0);
    assert_int_equal(isms_secret_open(plain, sizeof(plain), &key, "c", sealed), ISMS_ETOOBIG);
}

/* The key file is made once (0600, 32 bytes) and read back the same. */
static void the_key_file_is_created_private_and_reused(void **state)
{
    char dir[] = "/tmp/isms-key-XXXXXX", db[64], file[80];
    struct isms_secret_key first, second;
    struct stat st;

    unsetenv(ISMS_SECRET_KEY_ENV);
    assert_non_null(mkdtemp(dir));
    snprintf(db, sizeof(db), "%s/isms.db", dir);
    snprintf(file, sizeof(file), "%s.key", db);
    assert_int_equal(isms_secret_key_load(&first, db), 0);
    assert_int_equal(stat(file, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(st.st_size, ISMS_SECRET_KEY_BYTES);
    assert_int_equal(isms_secret_key_load(&second, db), 0);
    assert_memory_equal(first.bytes, second.bytes, ISMS_SECRET_KEY_BYTES);
    /* Readable by others: refused rather than used. */
    assert_int_equal(chmod(file, 0644), 0);
    assert_int_equal(isms_secret_key_load(&second, db), ISMS_EINVALID);
    unlink(file);
    rmdir(dir);
}

static void the_environment_overrides_the_file(void **state)
{
    struct isms_secret_key k;

    setenv(ISMS_SECRET_KEY_ENV, "00112233445566778899AABBCCDDEEFF00112233445566778899aabbccddeeff",
           1);
    assert_int_equal(isms_secret_key_load(&k, "/nonexistent/dir/isms.db"), 0);
    assert_int_equal(k.bytes[1], 0x11);
    assert_int_equal(k.bytes[31], 0xff);
    setenv(ISMS_SECRET_KEY_ENV, "0011", 1);
    assert_int_equal(isms_secret_key_load(&k, "/nonexistent/dir/isms.db"), ISMS_EINVALID);
    unsetenv(ISMS_SECRET_KEY_ENV);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sealed_text_opens_back_to_the_secret),
        cmocka_unit_test(a_wrong_key_or_context_does_not_open_it),
        cmocka_unit_test(tampered_text_does_not_open),
        cmocka_unit_test(too_small_buffers_are_refused),
        cmocka_unit_test(the_key_file_is_created_private_and_reused),
        cmocka_unit_test(the_environment_overrides_the_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
