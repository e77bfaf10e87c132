/* libFuzzer target: a custom risk matrix definition (PUT /api/orgs/{org}/risk-matrix,
 * `isms matrix define FILE`) from raw bytes through jansson, then everything a
 * stored matrix is used for: levels of every cell, bands, labels, the heat map.
 *
 * jansson is not instrumented, so start from the seed corpus (the built-in
 * matrices as `isms matrix show --json` prints them):
 *   fuzz_risk_matrix tests/fuzz/corpus/fuzz_risk_matrix
 */
#include "isms_setup.h"
#include <jansson.h>
#include "export/heatmap_svg.h"
#include "export/risk_matrix_json.h"
#include "fuzz_common.h"
#include "isms/risk_matrix.h"
#include "util/buf.h"
#include "util/error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_cells(const struct isms_risk_matrix *m)
{
    int lo, hi, level;
    const struct isms_risk_scale *v = &m->vulnerability;
    bool atv = m->method == ISMS_RISK_ASSET_THREAT_VULNERABILITY;

    isms_risk_matrix_level_range(m, &lo, &hi);
    for (int l = m->likelihood.min; l <= m->likelihood.max; l++)
        for (int i = m->impact.min; i <= m->impact.max; i++)
            for (int x = atv ? v->min : 0; x <= (atv ? v->max : 0); x++) {
                if (isms_risk_matrix_level(&level, m, &(struct isms_risk_score){l, i, x}) != 0 ||
                    level < lo || level > hi)
                    abort();
                (void)isms_risk_matrix_band(m, level);
                if (!isms_risk_scale_label(&m->likelihood, l, "ja"))
                    abort();
            }
    /* Just outside every scale is refused. */
    if (isms_risk_matrix_level(
            &level, m, &(struct isms_risk_score){m->likelihood.max + 1, m->impact.min, v->min}) !=
        ISMS_EINVALID)
        abort();
}

static void check_heatmap(const struct isms_risk_matrix *m)
{
    int64_t counts[ISMS_RISK_SCALE_LEVELS_MAX * ISMS_RISK_SCALE_LEVELS_MAX *
                   ISMS_RISK_SCALE_LEVELS_MAX];
    struct isms_buf buf = ISMS_BUF_INIT(1u << 20);
    size_t n = isms_heatmap_cell_count(m);

    if (n > ISMS_ARRAY_SIZE(counts))
        abort();
    for (size_t i = 0; i < n; i++)
        counts[i] = (int64_t)i;
    if (isms_heatmap_svg(&buf, m, counts, "ja") != 0 || !strstr(buf.ptr, "</svg>"))
        abort();
    isms_buf_release(&buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct isms_risk_matrix m;
    json_error_t err;
    json_t *body = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &err);
    int error;

    if (!body)
        return 0;
    error = isms_json_risk_matrix_definition(&m, body);
    if (error == 0) {
        if (isms_risk_matrix_validate(&m) != 0)
            abort();
        check_cells(&m);
        check_heatmap(&m);
        json_decref(isms_json_risk_matrix(&m));
    } else {
        fuzz_check_refusal(error, true);
    }
    json_decref(body);
    return 0;
}
