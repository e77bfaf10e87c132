/*
 * Typed tokens of a log line, found at their boundaries, never inside a
 * longer token: IPv4 with octet bounds, IPv6 in all its textual forms
 * (zone dropped), domains (whole runs of labels: "yandex.com" is one token,
 * never "x.co"), the host of a URL and the URL itself, e-mail addresses and
 * their domain, MD5/SHA-1/SHA-256 as 32/40/64 hex digits between
 * non-alphanumerics; file paths and registry keys in a pass of their own.
 * The exact lookup (indicator_set.h) then decides.
 */
#ifndef ISMS_ENGINES_IOC_TOKENIZE_H
#define ISMS_ENGINES_IOC_TOKENIZE_H

#include "engines/ioc/ioc.h"

struct isms_ioc_token {
    enum isms_ioc_type type; /* never CIDR: a log has addresses */
    const char *text;        /* into the line, as it appears */
    size_t len;
    struct isms_ioc_addr addr; /* for IPV4/IPV6 */
};

/* Returns nonzero to stop the line. */
typedef int (*isms_ioc_token_fn)(const struct isms_ioc_token *token, void *ctx);

/* Every token of `line` (`len` bytes, no newline) in order; stops early and
 * returns fn's value when it is nonzero. */
int isms_ioc_tokenize(const char *line, size_t len, isms_ioc_token_fn fn, void *ctx);

/* The same, only the tokens of the types whose bit (1u << type) `wanted`
 * has: the work of the others (a URL's length, a domain's checks) is not
 * done. An IPv6 token that holds an IPv4 address is IPV4. */
int isms_ioc_tokenize_wanted(const char *line, size_t len, unsigned wanted, isms_ioc_token_fn fn,
                             void *ctx);

/* The file paths and registry keys of `line`, as isms_ioc_tokenize does the
 * rest: a path after white space, a quote, '=' or an opening bracket
 * ("exe=/usr/bin/x", "Image":"C:\Windows\x.exe"), to its closing quote
 * or to white space; a key from its hive (HKLM\..., HKEY_USERS\...). */
int isms_ioc_tokenize_paths(const char *line, size_t len, isms_ioc_token_fn fn, void *ctx);

#endif
