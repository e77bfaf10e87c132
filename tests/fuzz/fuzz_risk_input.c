/* libFuzzer target: the API's readers of a risk (POST/PUT /api/orgs/{org}/risks)
 * and of a treatment plan item, from raw bytes through jansson as the server
 * parses a request body. Bytes that are not JSON are read as a recipe for an
 * object of the known members instead (fuzz_common.h). Seeds in corpus/. */
#include "isms_setup.h"
#include <jansson.h>
#include "export/risk_json.h"
#include "fuzz_common.h"
#include "isms/risk.h"
#include "isms/risk_treatment.h"
#include "util/error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const fields[] = {
    "title",    "owner",  "threat", "likelihood", "impact", "vulnerability", "treatment",
    "residual", "shared", "assets", "matrix",     "action", "due_date",      "status",
};

static const char *const words[] = {
    "modify", "retain", "avoid", "share", "planned", "done", "enisa:R9", "2026-01-31", "",
};

static json_t *value(struct fuzz_recipe *r, int depth)
{
    unsigned b = fuzz_next(r);
    json_t *v;

    switch (b % 8) {
    case 0:
        return NULL;
    case 1:
        return json_null();
    case 2:
        return json_boolean(b & 0x80);
    case 3:
        return json_integer((json_int_t)(int8_t)fuzz_next(r) * (b & 0x80 ? 1000000000LL : 1));
    case 4:
        return json_string(words[(b >> 3) % ISMS_ARRAY_SIZE(words)]);
    case 5:
        return json_real(1.5);
    case 6:
        if (depth > 1 || !(v = json_array()))
            return json_array();
        for (unsigned n = fuzz_next(r) % 4; n > 0; n--) {
            json_t *item = value(r, depth + 1);
            if (item)
                json_array_append_new(v, item);
        }
        return v;
    default:
        if (depth > 1 || !(v = json_object()))
            return json_object();
        for (unsigned n = fuzz_next(r) % 4; n > 0; n--) {
            json_t *item = value(r, depth + 1);
            if (item)
                json_object_set_new(v, fields[fuzz_next(r) % ISMS_ARRAY_SIZE(fields)], item);
        }
        return v;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct isms_risk_input in;
    struct isms_risk_item_input item;
    json_t *body = fuzz_json_body(data, size, fields, ISMS_ARRAY_SIZE(fields), value);
    int64_t *assets = NULL;
    int error;

    if (!body)
        return 0;
    if ((error = isms_json_risk_input(&in, &assets, body)) == 0) {
        if (in.asset_count > ISMS_RISK_ASSETS_MAX || (in.asset_count && !in.asset_ids))
            abort();
        for (size_t i = 0; i < in.asset_count; i++)
            if (in.asset_ids[i] <= 0)
                abort();
        if (in.treatment && !isms_risk_treatment_name(in.treatment))
            abort();
    } else {
        fuzz_check_refusal(error, true);
    }
    free(assets);
    if ((error = isms_json_risk_item_input(&item, body)) == 0) {
        if (item.status)
            (void)isms_risk_item_status_name(item.status); /* aborts on a bad value */
    } else {
        fuzz_check_refusal(error, true);
    }
    json_decref(body);
    return 0;
}
