/* libFuzzer target: the API's SoA decision reader (PUT /api/orgs/{org}/soa/{control}),
 * from raw bytes through jansson as the server parses a request body.
 *
 * Bytes that are not JSON are read as a recipe for a decision object
 * (fuzz_common.h), which reaches every branch of isms_json_soa_decision()
 * within seconds. A seed corpus and a dictionary for the JSON path are in corpus/ and *.dict:
 *   fuzz_soa_decision -dict=tests/fuzz/fuzz_soa_decision.dict tests/fuzz/corpus/fuzz_soa_decision
 */
#include "isms_setup.h"
#include <jansson.h>
#include "export/json.h"
#include "fuzz_common.h"
#include "isms/soa.h"
#include "util/error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const fields[] = {
    "applicable",
    "inclusion_basis",
    "inclusion_justification",
    "exclusion_justification",
    "implementation",
    "responsibility",
    "owner",
};

static const char *const words[] = {
    "risk",    "legal", "contract", "best_practice", "yes",  "partial", "no",
    "planned", "csc",   "csp",      "shared",        "both", "",        "Risk",
};

/* One value: absent (NULL), null, a boolean, a number, a known word, raw
 * bytes as a string (when they are UTF-8), or an array of those. */
static json_t *value(struct fuzz_recipe *r, int depth)
{
    unsigned b = fuzz_next(r);
    size_t len;
    json_t *array;

    switch (b % 8) {
    case 0:
        return NULL;
    case 1:
        return json_null();
    case 2:
        return json_boolean(b & 0x80);
    case 3:
        return json_integer((json_int_t)(b >> 3));
    case 4:
    case 5:
        return json_string(words[(b >> 3) % ISMS_ARRAY_SIZE(words)]);
    case 6:
        len = fuzz_next(r) % 32;
        if (len > (size_t)(r->end - r->p))
            len = (size_t)(r->end - r->p);
        r->p += len;
        return json_stringn((const char *)r->p - len, len);
    default:
        if (depth > 0 || !(array = json_array()))
            return json_object();
        for (unsigned n = fuzz_next(r) % 5; n > 0; n--) {
            json_t *item = value(r, depth + 1);
            if (item)
                json_array_append_new(array, item);
        }
        return array;
    }
}

static void check_accepted(const struct isms_soa_decision *d)
{
    /* Whatever was accepted must be usable as the domain expects. */
    if (d->applicability != ISMS_SOA_APPLICABLE && d->applicability != ISMS_SOA_NOT_APPLICABLE)
        abort();
    if (d->inclusion_basis & ~ISMS_SOA_BASIS_ALL)
        abort();
    if (d->implementation && !isms_soa_implementation_name(d->implementation))
        abort();
    if (d->responsibility)
        isms_soa_responsibility_name(d->responsibility); /* aborts on a bad value */
    if (d->owner)
        (void)strlen(d->owner);
    if (d->inclusion_justification)
        (void)strlen(d->inclusion_justification);
    if (d->exclusion_justification)
        (void)strlen(d->exclusion_justification);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct isms_soa_decision decision;
    json_t *body = fuzz_json_body(data, size, fields, ISMS_ARRAY_SIZE(fields), value);
    int error;

    if (!body)
        return 0;
    error = isms_json_soa_decision(&decision, body);
    if (error == 0)
        check_accepted(&decision);
    else
        fuzz_check_refusal(error, false);
    json_decref(body);
    return 0;
}
