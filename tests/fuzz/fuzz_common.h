/*
 * What the fuzz targets of the API's JSON readers share. jansson is a system
 * library without coverage instrumentation, so from an empty corpus the
 * fuzzer would rarely get past json_loadb(): bytes that are not JSON are
 * read as a "recipe" instead, one value per known member of the object.
 */
#ifndef ISMS_TESTS_FUZZ_COMMON_H
#define ISMS_TESTS_FUZZ_COMMON_H

#include <jansson.h>
#include "util/error.h"

struct fuzz_recipe {
    const uint8_t *p, *end;
};

/* The next byte of the recipe; 0 once it is used up. */
static inline unsigned fuzz_next(struct fuzz_recipe *r)
{
    return r->p < r->end ? *r->p++ : 0;
}

/* One member value made from the recipe, or NULL to leave the member out. */
typedef json_t *(*fuzz_value_fn)(struct fuzz_recipe *r, int depth);

/* The body the server would parse from `data` (as a request body is), or
 * when it is not JSON, an object of the `count` names in `fields` with
 * values from `value`. NULL when out of memory. */
static inline json_t *fuzz_json_body(const uint8_t *data, size_t size, const char *const *fields,
                                     size_t count, fuzz_value_fn value)
{
    struct fuzz_recipe r = {data, data + size};
    json_error_t err;
    json_t *body = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &err);

    if (body)
        return body;
    body = json_object();
    for (size_t i = 0; body && i < count; i++) {
        json_t *v = value(&r, 0);
        if (v)
            json_object_set_new(body, fields[i], v);
    }
    return body;
}

/* A refused input must say why, as ISMS_EINVALID (or ISMS_ETOOBIG when
 * `may_be_too_big`): anything else is a bug. */
static inline void fuzz_check_refusal(int error, bool may_be_too_big)
{
    if ((error != ISMS_EINVALID && !(may_be_too_big && error == ISMS_ETOOBIG)) ||
        !*isms_error_last())
        abort();
}

#endif
