/*
 * Indicators loaded for a scan, looked up exactly: a hash set per type for
 * addresses, hashes, URLs and e-mail addresses; CIDR networks by prefix
 * length (one set per length in use, longest first); domains by their
 * label suffixes, so "a.evil.example" finds "evil.example" and
 * "yandex.com" never finds "x.co". Memory is a few dozen bytes an indicator.
 */
#ifndef ISMS_ENGINES_IOC_INDICATOR_SET_H
#define ISMS_ENGINES_IOC_INDICATOR_SET_H

#include "engines/ioc/tokenize.h"

struct isms_ioc_set;

/* What a token matched: the stored value (the CIDR, the listed parent
 * domain) and the caller's number for it. */
struct isms_ioc_match {
    enum isms_ioc_type type; /* of the indicator: CIDR for a network */
    const char *indicator;   /* canonical text, owned by the set */
    int64_t tag;             /* given at add: e.g. the indicator's id */
};

struct isms_ioc_set *isms_ioc_set_new(void);
void isms_ioc_set_free(struct isms_ioc_set *set);

/* Adds a value of an indicator list ("1.2.3.4", "10.0.0.0/8", "Evil.Example",
 * a hash, a URL, an e-mail address). ISMS_EINVALID for a value of no known
 * kind; adding one twice keeps the first tag. *type_out (may be NULL) gets
 * its kind. */
int isms_ioc_set_add(struct isms_ioc_set *set, const char *value, size_t len, int64_t tag,
                     enum isms_ioc_type *type_out);

/* Adds an allowed value (a warning list's known-good address, network or
 * domain): a token it matches is no hit, whatever else it matches. */
int isms_ioc_set_allow(struct isms_ioc_set *set, const char *value, size_t len);

size_t isms_ioc_set_count(const struct isms_ioc_set *set);

/* The token types a scan needs to look up (bit 1u << type): those listed,
 * and addresses when networks are. */
unsigned isms_ioc_set_wanted(const struct isms_ioc_set *set);

/* Holds file paths or registry keys: a scan then looks for them too (a
 * pass of its own that other lists do not pay for). */
bool isms_ioc_set_has_paths(const struct isms_ioc_set *set);

/* Looks up a token of a log line. */
bool isms_ioc_set_find(const struct isms_ioc_set *set, const struct isms_ioc_token *token,
                       struct isms_ioc_match *out);

#endif
