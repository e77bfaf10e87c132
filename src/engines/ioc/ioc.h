/*
 * Indicators of compromise (ISO/IEC 27001:2022 5.7 threat intelligence,
 * 8.16 monitoring): the kinds of values a log can be searched for, and
 * their canonical forms. Part of the streaming log engine (engines/ioc/),
 * which runs without a database.
 */
#ifndef ISMS_ENGINES_IOC_IOC_H
#define ISMS_ENGINES_IOC_IOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum isms_ioc_type {
    ISMS_IOC_NONE = 0,
    ISMS_IOC_IPV4,
    ISMS_IOC_IPV6,
    ISMS_IOC_CIDR, /* v4 or v6 network */
    ISMS_IOC_DOMAIN,
    ISMS_IOC_URL,
    ISMS_IOC_MD5,
    ISMS_IOC_SHA1,
    ISMS_IOC_SHA256,
    ISMS_IOC_EMAIL,
    ISMS_IOC_FILE_PATH,    /* POSIX or Windows (drive, UNC, %VARIABLE%) */
    ISMS_IOC_REGISTRY_KEY, /* under a Windows registry hive */
    ISMS_IOC_TYPES
};

#define ISMS_IOC_VALUE_MAX 2048 /* bytes of one value (URLs are the long ones) */

/* "ipv4", "ipv6", "cidr", "domain", "url", "md5", "sha1", "sha256", "email",
 * "file_path", "registry_key". */
const char *isms_ioc_type_name(enum isms_ioc_type t);
int isms_ioc_type_parse(enum isms_ioc_type *out, const char *text);

/* An address: IPv4 in the last 4 bytes of an IPv4-mapped IPv6 address, so
 * one type serves both families. */
struct isms_ioc_addr {
    uint8_t b[16];
    bool v4;
};

/* Strict textual forms, the whole of [text, text + len): dotted quad with
 * octets 0-255 and no leading zeros ("01" is not an octet); IPv6 in every
 * RFC 4291 form (compressed, embedded IPv4, a %zone ignored). */
bool isms_ioc_parse_ipv4(struct isms_ioc_addr *out, const char *text, size_t len);
bool isms_ioc_parse_ipv6(struct isms_ioc_addr *out, const char *text, size_t len);

/* A host name of at least two labels (letters, digits, '-' inside), each
 * 1-63 bytes, the last alphabetic (or xn--), at most 253 bytes. */
bool isms_ioc_is_domain(const char *text, size_t len);

/* True for a byte an e-mail address's local part may hold: letters,
 * digits and . _ % + - (the leak scanner finds addresses with it too). */
bool isms_ioc_email_local_byte(char c);

/* `len` hex digits: 32 md5, 40 sha1, 64 sha256; ISMS_IOC_NONE otherwise. */
enum isms_ioc_type isms_ioc_hash_type(const char *text, size_t len);

/* A registry key's canonical form: the hive in full and upper case (HKLM is
 * HKEY_LOCAL_MACHINE), the key below it lower case, one '\' between names
 * (a JSON log doubles them) and none at the end. False for no key. */
bool isms_ioc_canonical_registry_key(char out[ISMS_IOC_VALUE_MAX + 1], const char *text,
                                     size_t len);
/* The bytes of the hive name `text` starts with when a '\' follows it (0:
 * none); *full (may be NULL) gets the hive's full name. */
size_t isms_ioc_registry_hive(const char *text, size_t len, const char **full);

/* A file path's canonical form: a Windows path ("C:\", "\\server\share",
 * "%SystemRoot%\") lower case with '\' as its one separator; a POSIX path
 * ("/" and a name) as written, repeated slashes collapsed. False for none. */
bool isms_ioc_canonical_path(char out[ISMS_IOC_VALUE_MAX + 1], const char *text, size_t len);

/* What a value of an indicator list is, and its canonical form in `out`
 * (lower case; an address in its shortest text; a CIDR's network masked):
 * ISMS_IOC_NONE for a value of no known kind. */
enum isms_ioc_type isms_ioc_classify(char out[ISMS_IOC_VALUE_MAX + 1], struct isms_ioc_addr *addr,
                                     int *prefix, const char *text, size_t len);

/* An address as text: dotted quad, or RFC 5952 IPv6. */
void isms_ioc_addr_format(char out[48], const struct isms_ioc_addr *addr);

#endif
