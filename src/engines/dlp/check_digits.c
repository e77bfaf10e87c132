#include "isms_setup.h"
#include "engines/dlp/check_digits.h"

bool isms_dlp_luhn_valid(const char *digits, size_t n)
{
    unsigned sum = 0;

    for (size_t i = 0; i < n; i++) {
        unsigned d = (unsigned)(digits[n - 1 - i] - '0');
        if (i % 2)
            d = d * 2 > 9 ? d * 2 - 9 : d * 2;
        sum += d;
    }
    return n > 1 && sum % 10 == 0;
}

/* 行政手続における特定の個人を識別するための番号の利用等に関する法律施行令
 * 第8条: P(n) the n-th digit from the right of the first eleven, Q(n) n + 1
 * up to 6, n - 5 above; the check digit is 11 - (sum mod 11), 0 when the
 * remainder is 0 or 1. */
bool isms_dlp_my_number_valid(const char *digits, size_t n)
{
    unsigned sum = 0, rest, check;

    if (n != 12)
        return false;
    for (unsigned k = 1; k <= 11; k++)
        sum += (unsigned)(digits[11 - k] - '0') * (k <= 6 ? k + 1 : k - 5);
    rest = sum % 11;
    check = rest <= 1 ? 0 : 11 - rest;
    return (unsigned)(digits[11] - '0') == check;
}

/* 法人番号の指定等に関する省令 第2条: P(n) the n-th digit from the right of
 * the last twelve, Q(n) 1 for odd n and 2 for even; the check digit, first,
 * is 9 - (sum mod 9). */
bool isms_dlp_corporate_number_valid(const char *digits, size_t n)
{
    unsigned sum = 0;

    if (n != 13)
        return false;
    for (unsigned k = 1; k <= 12; k++)
        sum += (unsigned)(digits[13 - k] - '0') * (k % 2 ? 1 : 2);
    return (unsigned)(digits[0] - '0') == 9 - sum % 9;
}

/* The number formed by the first `count` digits. */
static unsigned leading(const char *digits, size_t count)
{
    unsigned v = 0;

    for (size_t i = 0; i < count; i++)
        v = v * 10 + (unsigned)(digits[i] - '0');
    return v;
}

struct issuer_range {
    const char *name;
    unsigned low, high;   /* of the leading `prefix` digits */
    unsigned char prefix; /* how many digits */
    unsigned char min_len, max_len;
};

/* The issuers' published IIN ranges. */
static const struct issuer_range ranges[] = {
    {"visa", 4, 4, 1, 13, 19},
    {"mastercard", 51, 55, 2, 16, 16},
    {"mastercard", 2221, 2720, 4, 16, 16},
    {"amex", 34, 34, 2, 15, 15},
    {"amex", 37, 37, 2, 15, 15},
    {"jcb", 3528, 3589, 4, 16, 19},
    {"diners", 300, 305, 3, 14, 19},
    {"diners", 36, 36, 2, 14, 19},
    {"diners", 38, 39, 2, 16, 19},
    {"discover", 6011, 6011, 4, 16, 19},
    {"discover", 644, 649, 3, 16, 19},
    {"discover", 65, 65, 2, 16, 19},
    {"unionpay", 62, 62, 2, 16, 19},
};

const char *isms_dlp_card_issuer(const char *digits, size_t n)
{
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(ranges); i++) {
        const struct issuer_range *r = &ranges[i];
        unsigned v;
        if (n < r->min_len || n > r->max_len || n < r->prefix)
            continue;
        v = leading(digits, r->prefix);
        if (v >= r->low && v <= r->high)
            return r->name;
    }
    return NULL;
}
