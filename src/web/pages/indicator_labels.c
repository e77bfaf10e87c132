#include "isms_setup.h"
#include "web/pages/indicator_labels.h"

/* By enum isms_ioc_type. */
static const char *const types_en[] = {
    "",    "IPv4 address", "IPv6 address", "Network (CIDR)", "Domain",    "URL",
    "MD5", "SHA-1",        "SHA-256",      "E-mail address", "File path", "Registry key"};
static const char *const types_ja[] = {"",
                                       "IPv4アドレス",
                                       "IPv6アドレス",
                                       "ネットワーク（CIDR）",
                                       "ドメイン",
                                       "URL",
                                       "MD5",
                                       "SHA-1",
                                       "SHA-256",
                                       "メールアドレス",
                                       "ファイルパス",
                                       "レジストリキー"};

_Static_assert(ISMS_ARRAY_SIZE(types_en) == ISMS_IOC_TYPES, "a label for every indicator type");
_Static_assert(ISMS_ARRAY_SIZE(types_ja) == ISMS_IOC_TYPES, "a label for every indicator type");

const char *isms_page_ioc_type(const struct isms_page *page, int type)
{
    return (unsigned)type < ISMS_IOC_TYPES ? isms_page_pick(page, types_en[type], types_ja[type])
                                           : "";
}

json_t *isms_page_ioc_type_options(const struct isms_page *page, int current)
{
    json_t *list = json_array();

    for (int t = ISMS_IOC_IPV4; list && t < ISMS_IOC_TYPES; t++)
        json_array_append_new(list, isms_page_option(isms_ioc_type_name(t),
                                                     isms_page_ioc_type(page, t), t == current));
    return list;
}
