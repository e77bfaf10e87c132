/* The leak scanner's check digits and detectors (engines/dlp/), with
 * published test vectors: card numbers of the issuers' test ranges, the
 * My Number example of the 施行令 formula, 国税庁's own corporate number. */
#include "isms_setup.h"
#include <setjmp.h>
#include <cmocka.h>
#include "engines/dlp/check_digits.h"
#include "engines/dlp/dlp.h"

static bool luhn(const char *d)
{
    return isms_dlp_luhn_valid(d, strlen(d));
}

static void card_numbers_pass_and_fail_luhn(void **state)
{
    (void)state;
    assert_true(luhn("4111111111111111"));
    assert_true(luhn("5555555555554444"));
    assert_true(luhn("378282246310005"));
    assert_true(luhn("3530111333300000"));
    assert_true(luhn("6011111111111117"));
    assert_false(luhn("4111111111111112"));
    assert_false(luhn("5555555555554445"));
    assert_string_equal(isms_dlp_card_issuer("4111111111111111", 16), "visa");
    assert_string_equal(isms_dlp_card_issuer("378282246310005", 15), "amex");
    assert_string_equal(isms_dlp_card_issuer("3530111333300000", 16), "jcb");
    assert_string_equal(isms_dlp_card_issuer("2221000000000009", 16), "mastercard");
    assert_null(isms_dlp_card_issuer("9111111111111111", 16));
}

static void my_number_and_corporate_number_check_digits(void **state)
{
    (void)state;
    assert_true(isms_dlp_my_number_valid("123456789018", 12));
    assert_false(isms_dlp_my_number_valid("123456789017", 12));
    assert_false(isms_dlp_my_number_valid("12345678901", 11));
    assert_true(isms_dlp_corporate_number_valid("7000012050002", 13));
    assert_false(isms_dlp_corporate_number_valid("6000012050002", 13));
}

struct seen {
    int count;
    struct isms_dlp_finding f[8];
};

static int keep(const struct isms_dlp_finding *f, void *ctx)
{
    struct seen *s = ctx;

    if (s->count < 8)
        s->f[s->count++] = *f;
    return 0;
}

static struct seen scan(const char *line, enum isms_dlp_confidence min)
{
    struct isms_dlp_options o = {isms_dlp_default_keywords, isms_dlp_default_keyword_count, min};
    struct seen s = {0};

    assert_int_equal(isms_dlp_scan_line(&o, line, strlen(line), 1, keep, &s, NULL), 0);
    return s;
}

static void a_card_near_its_keyword_is_high_and_masked(void **state)
{
    struct seen s = scan("カード番号 4111-1111-1111-1111", ISMS_DLP_MEDIUM);

    (void)state;
    assert_int_equal(s.count, 1);
    assert_int_equal(s.f[0].detector, ISMS_DLP_CARD);
    assert_int_equal(s.f[0].confidence, ISMS_DLP_HIGH);
    assert_string_equal(s.f[0].masked, "************1111");
}

static void noise_is_low_and_not_told_by_default(void **state)
{
    (void)state;
    assert_int_equal(scan("order 123456789018 shipped", ISMS_DLP_MEDIUM).count, 0);
    assert_int_equal(scan("order 123456789018 shipped", ISMS_DLP_LOW).count, 1);
    assert_int_equal(scan("マイナンバー 123456789018", ISMS_DLP_MEDIUM).count, 1);
    /* inside a longer word or number: nothing */
    assert_int_equal(scan("id41111111111111111 x4111111111111111", ISMS_DLP_LOW).count, 0);
}

static void addresses_phones_and_keywords(void **state)
{
    struct seen s = scan("TEL 03-1234-5678 a.b@example.jp 社外秘", ISMS_DLP_MEDIUM);

    (void)state;
    assert_int_equal(s.count, 3);
    assert_int_equal(s.f[0].detector, ISMS_DLP_PHONE);
    assert_string_equal(s.f[0].masked, "******5678");
    assert_int_equal(s.f[1].detector, ISMS_DLP_EMAIL);
    assert_string_equal(s.f[1].masked, "a***@example.jp");
    assert_int_equal(s.f[2].detector, ISMS_DLP_KEYWORD);
    assert_int_equal(scan("user@localhost", ISMS_DLP_LOW).count, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(card_numbers_pass_and_fail_luhn),
        cmocka_unit_test(my_number_and_corporate_number_check_digits),
        cmocka_unit_test(a_card_near_its_keyword_is_high_and_masked),
        cmocka_unit_test(noise_is_low_and_not_told_by_default),
        cmocka_unit_test(addresses_phones_and_keywords),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
