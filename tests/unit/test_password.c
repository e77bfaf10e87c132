#include "isms_setup.h"
#include <setjmp.h>
#include <cmocka.h>
#include "isms/user.h"
#include "sec/password.h"
#include "sec/random.h"
#include "util/error.h"

static void hashes_are_argon2id_with_owasp_parameters(void **state)
{
    char hash[ISMS_PASSWORD_HASH_MAX];

    assert_int_equal(isms_password_hash(hash, "correct horse battery"), 0);
    assert_non_null(strstr(hash, "$argon2id$v=19$m=19456,t=2,p=1$"));
    assert_int_equal(isms_password_verify(hash, "correct horse battery"), 0);
}

static void wrong_passwords_fail(void **state)
{
    char hash[ISMS_PASSWORD_HASH_MAX];

    assert_int_equal(isms_password_hash(hash, "correct horse battery"), 0);
    assert_int_equal(isms_password_verify(hash, "correct horse batterY"), ISMS_EAUTH);
    assert_int_equal(isms_password_verify(hash, ""), ISMS_EAUTH);
    assert_int_equal(isms_password_verify(hash, "correct horse battery "), ISMS_EAUTH);
}

static void each_hash_has_its_own_salt(void **state)
{
    char a[ISMS_PASSWORD_HASH_MAX], b[ISMS_PASSWORD_HASH_MAX];

    assert_int_equal(isms_password_hash(a, "same password"), 0);
    assert_int_equal(isms_password_hash(b, "same password"), 0);
    assert_string_not_equal(a, b);
    assert_int_equal(isms_password_verify(b, "same password"), 0);
}

/* A stored value that is not Argon2id (a plain SHA-256, a bcrypt hash) is an
 * error, never a match. */
static void foreign_hashes_are_refused(void **state)
{
    assert_int_equal(isms_password_verify("$2b$12$abcdefghijklmnopqrstuv", "x"), ISMS_ERROR);
    assert_int_equal(isms_password_verify("$argon2i$v=19$m=16,t=2,p=1$c2FsdHNhbHQ$aGFzaA", "x"),
                     ISMS_ERROR);
    assert_int_equal(isms_password_verify("", "x"), ISMS_ERROR);
}

static void password_rules(void **state)
{
    assert_int_equal(isms_user_check_password("elevenchars"), ISMS_EINVALID);
    assert_string_equal(isms_error_last(), "password must be at least 12 characters");
    assert_int_equal(isms_user_check_password("twelve chars"), 0);
    /* Twelve Japanese characters are twelve characters, not 36 bytes of "length". */
    assert_int_equal(isms_user_check_password("情報セキュリティ管理体"), ISMS_EINVALID);
    assert_int_equal(isms_user_check_password("情報セキュリティ管理体制"), 0);
    assert_int_equal(isms_user_check_password("line\nbreak password"), ISMS_EINVALID);
}

static void tokens_are_random_hex_and_compared_exactly(void **state)
{
    char a[ISMS_TOKEN_TEXT_SIZE], b[ISMS_TOKEN_TEXT_SIZE], h[ISMS_TOKEN_TEXT_SIZE];

    assert_int_equal(isms_random_token(a), 0);
    assert_int_equal(isms_random_token(b), 0);
    assert_int_equal(strlen(a), 64);
    assert_int_equal(strspn(a, "0123456789abcdef"), 64);
    assert_string_not_equal(a, b);
    assert_true(isms_secure_equal(a, a));
    assert_false(isms_secure_equal(a, b));
    assert_false(isms_secure_equal("abc", "abcd"));
    assert_false(isms_secure_equal("", "a"));
    assert_int_equal(isms_sha256_hex(h, "abc"), 0);
    assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hashes_are_argon2id_with_owasp_parameters),
        cmocka_unit_test(wrong_passwords_fail),
        cmocka_unit_test(each_hash_has_its_own_salt),
        cmocka_unit_test(foreign_hashes_are_refused),
        cmocka_unit_test(password_rules),
        cmocka_unit_test(tokens_are_random_hex_and_compared_exactly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
