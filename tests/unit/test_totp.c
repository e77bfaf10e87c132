#include "isms_setup.h"
#include <setjmp.h>
#include <cmocka.h>
#include "sec/recovery_codes.h"
#include "sec/totp.h"
#include "util/error.h"

/* RFC 6238 appendix B, SHA-1: the key is the ASCII "12345678901234567890";
 * the 6-digit codes are the last six digits of the RFC's 8-digit values. */
static const char rfc_secret[] = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

static void rfc6238_test_vectors(void **state)
{
    static const struct {
        time_t at;
        const char *code;
    } vectors[] = {
        {59, "287082"},         {1111111109, "081804"}, {1111111111, "050471"},
        {1234567890, "005924"}, {2000000000, "279037"}, {(time_t)20000000000LL, "353130"},
    };
    char code[ISMS_TOTP_DIGITS + 1];

    for (size_t i = 0; i < ISMS_ARRAY_SIZE(vectors); i++) {
        assert_int_equal(isms_totp_generate(code, rfc_secret, vectors[i].at), 0);
        assert_string_equal(code, vectors[i].code);
    }
}

static void accepts_one_step_either_side(void **state)
{
    int64_t step = 0;

    /* 081804 is the code of step 37037036 (t = 1111111109). */
    assert_int_equal(isms_totp_verify(&step, rfc_secret, "081804", 1111111109, 0), 0);
    assert_int_equal(step, 37037036);
    assert_int_equal(isms_totp_verify(&step, rfc_secret, "081804", 1111111109 + 30, 0), 0);
    assert_int_equal(isms_totp_verify(&step, rfc_secret, "081804", 1111111109 - 30, 0), 0);
    assert_int_equal(isms_totp_verify(&step, rfc_secret, "081804", 1111111109 + 60, 0), ISMS_EAUTH);
    assert_int_equal(isms_totp_verify(&step, rfc_secret, "081804", 1111111109 - 60, 0), ISMS_EAUTH);
}

static void refuses_reuse_of_a_step(void **state)
{
    int64_t step = 0;

    assert_int_equal(isms_totp_verify(&step, rfc_secret, "081804", 1111111109, 0), 0);
    assert_int_equal(isms_totp_verify(&step, rfc_secret, "081804", 1111111109, step), ISMS_EAUTH);
    assert_non_null(strstr(isms_error_last(), "already used"));
    /* An older code inside the window is refused once a newer step was used. */
    assert_int_equal(isms_totp_verify(&step, rfc_secret, "081804", 1111111109, 37037037),
                     ISMS_EAUTH);
}

static void refuses_malformed_codes(void **state)
{
    int64_t step;

    assert_int_equal(isms_totp_verify(&step, rfc_secret, "81804", 1111111109, 0), ISMS_EAUTH);
    assert_int_equal(isms_totp_verify(&step, rfc_secret, "0818040", 1111111109, 0), ISMS_EAUTH);
    assert_int_equal(isms_totp_verify(&step, rfc_secret, "08180a", 1111111109, 0), ISMS_EAUTH);
    assert_int_equal(isms_totp_verify(&step, rfc_secret, "", 1111111109, 0), ISMS_EAUTH);
    assert_int_equal(isms_totp_verify(&step, "not base32!", "081804", 1111111109, 0),
                     ISMS_EINVALID);
}

static void new_secrets_work_and_differ(void **state)
{
    char a[ISMS_TOTP_SECRET_TEXT], b[ISMS_TOTP_SECRET_TEXT], code[ISMS_TOTP_DIGITS + 1];
    int64_t step;

    assert_int_equal(isms_totp_secret_new(a), 0);
    assert_int_equal(isms_totp_secret_new(b), 0);
    assert_int_equal(strlen(a), 32);
    assert_string_not_equal(a, b);
    assert_int_equal(isms_totp_generate(code, a, 1700000000), 0);
    assert_int_equal(isms_totp_verify(&step, a, code, 1700000000, 0), 0);
}

static void otpauth_uri_encodes_the_label(void **state)
{
    char uri[256];

    assert_int_equal(isms_totp_uri(uri, sizeof(uri), "isms", "alice", rfc_secret), 0);
    assert_string_equal(uri, "otpauth://totp/isms:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                             "&issuer=isms");
    assert_int_equal(isms_totp_uri(uri, sizeof(uri), "my isms", "a&b", rfc_secret), 0);
    assert_non_null(strstr(uri, "totp/my%20isms:a%26b?"));
    assert_int_equal(isms_totp_uri(uri, 20, "isms", "alice", rfc_secret), ISMS_ETOOBIG);
}

static void recovery_codes_normalise_what_users_type(void **state)
{
    char code[ISMS_RECOVERY_CODE_TEXT], a[ISMS_TOKEN_TEXT_SIZE], b[ISMS_TOKEN_TEXT_SIZE];

    assert_int_equal(isms_recovery_code_new(code), 0);
    assert_int_equal(strlen(code), 19);
    assert_true(code[4] == '-' && code[9] == '-' && code[14] == '-');
    assert_int_equal(isms_recovery_code_hash(a, "0abc-defg-hjkm-1npq"), 0);
    assert_int_equal(isms_recovery_code_hash(b, "OABC DEFG HJKM LNPQ"), 0);
    assert_string_equal(a, b);
    assert_int_equal(isms_recovery_code_hash(b, "0abcdefghjkm1npq"), 0);
    assert_string_equal(a, b);
    assert_int_equal(isms_recovery_code_hash(b, "0abc-defg-hjkm-1npr"), 0);
    assert_string_not_equal(a, b);
    assert_int_equal(isms_recovery_code_hash(b, "0abc-defg-hjkm-1np"), ISMS_EAUTH);
    assert_int_equal(isms_recovery_code_hash(b, "0abc-defg-hjkm-1npqq"), ISMS_EAUTH);
    assert_int_equal(isms_recovery_code_hash(b, "0abc-defg-hjkm-1np!"), ISMS_EAUTH);
    assert_int_equal(isms_recovery_code_hash(b, "0abc-defg-hjkm-unpq"), ISMS_EAUTH);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rfc6238_test_vectors),
        cmocka_unit_test(accepts_one_step_either_side),
        cmocka_unit_test(refuses_reuse_of_a_step),
        cmocka_unit_test(refuses_malformed_codes),
        cmocka_unit_test(new_secrets_work_and_differ),
        cmocka_unit_test(otpauth_uri_encodes_the_label),
        cmocka_unit_test(recovery_codes_normalise_what_users_type),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
