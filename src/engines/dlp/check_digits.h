/*
 * The check digits of the numbers the leak scanner looks for: payment card
 * numbers (Luhn, ISO/IEC 7812), Japan's individual number (My Number,
 * 個人番号: 12 digits, the last a check digit) and corporate number
 * (法人番号: 13 digits, the first a check digit), and the issuer a card
 * number's leading digits and length belong to.
 */
#ifndef ISMS_ENGINES_DLP_CHECK_DIGITS_H
#define ISMS_ENGINES_DLP_CHECK_DIGITS_H

#include <stdbool.h>
#include <stddef.h>

/* `digits` holds n ASCII digits and nothing else. */
bool isms_dlp_luhn_valid(const char *digits, size_t n);
bool isms_dlp_my_number_valid(const char *digits, size_t n);
bool isms_dlp_corporate_number_valid(const char *digits, size_t n);

/* "visa", "mastercard", "amex", "jcb", "diners", "discover", "unionpay", or
 * NULL when the number is in none of their ranges for its length. */
const char *isms_dlp_card_issuer(const char *digits, size_t n);

#endif
