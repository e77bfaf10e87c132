/* Risk heat map SVG: well-formed, self-contained, escaped, counts coloured by band. */
#include "isms_setup.h"
#include <setjmp.h>
#include <cmocka.h>
#include "export/heatmap_svg.h"
#include "isms/risk_matrix.h"
#include "util/buf.h"
#include "util/error.h"

#define LOW_FILL "#a5d6a7"
#define MEDIUM_FILL "#ffe082"
#define HIGH_FILL "#ef9a9a"

/* --- a minimal XML well-formedness check: balanced tags, quoted attributes,
 * only the predefined or numeric entities, no stray '<' or '&'. --- */

static const char *check_entity(const char *p)
{
    static const char *const names[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};

    for (size_t i = 0; i < ISMS_ARRAY_SIZE(names); i++)
        if (strncmp(p, names[i], strlen(names[i])) == 0)
            return p + strlen(names[i]);
    if (p[1] == '#') {
        const char *q = p + 2;
        while (*q >= '0' && *q <= '9')
            q++;
        if (q > p + 2 && *q == ';')
            return q + 1;
    }
    return NULL;
}

static bool name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == ':' || c == '_';
}

/* Parses one tag starting at '<'; pushes/pops `stack`. NULL on error. */
static const char *parse_tag(const char *p, char stack[][32], int *depth)
{
    bool closing = p[1] == '/';
    const char *name = p + 1 + closing, *q = name;

    while (name_char(*q))
        q++;
    if (q == name || q - name >= 32)
        return NULL;
    if (closing) {
        if (*depth == 0 || strncmp(stack[*depth - 1], name, (size_t)(q - name)) != 0 ||
            stack[*depth - 1][q - name] != '\0' || *q != '>')
            return NULL;
        (*depth)--;
        return q + 1;
    }
    char tag[32];
    memcpy(tag, name, (size_t)(q - name));
    tag[q - name] = '\0';
    for (;;) {
        while (*q == ' ' || *q == '\n')
            q++;
        if (*q == '>' || (q[0] == '/' && q[1] == '>'))
            break;
        const char *attr = q;
        while (name_char(*q))
            q++;
        if (q == attr || q[0] != '=' || q[1] != '"')
            return NULL;
        for (q += 2; *q != '"'; q++) {
            if (!*q || *q == '<')
                return NULL;
            if (*q == '&') {
                const char *after = check_entity(q);
                if (!after)
                    return NULL;
                q = after - 1;
            }
        }
        q++;
    }
    if (*q == '/')
        return q + 2;
    if (*depth >= 16)
        return NULL;
    memcpy(stack[(*depth)++], tag, sizeof(tag));
    return q + 1;
}

static bool well_formed(const char *doc)
{
    char stack[16][32];
    int depth = 0, roots = 0;
    const char *p = doc;

    if (strncmp(p, "<?xml ", 6) == 0 && !(p = strstr(p, "?>")))
        return false;
    p += p == doc ? 0 : 2;
    while (*p) {
        if (*p == '<') {
            roots += depth == 0;
            if (!(p = parse_tag(p, stack, &depth)))
                return false;
        } else if (*p == '&') {
            if (!(p = check_entity(p)))
                return false;
        } else {
            if (depth == 0 && *p != '\n' && *p != ' ')
                return false;
            p++;
        }
    }
    return depth == 0 && roots == 1;
}

static char *render(const struct isms_risk_matrix *m, const int64_t *counts, const char *lang)
{
    struct isms_buf buf = ISMS_BUF_INIT(1u << 20);

    assert_int_equal(isms_heatmap_svg(&buf, m, counts, lang), 0);
    return isms_buf_detach(&buf, NULL);
}

/* The fill of the cell whose count text is `count_text` (unique in the image). */
static void assert_cell_fill(const char *svg, const char *count_text, const char *fill)
{
    const char *text = strstr(svg, count_text), *rect = NULL;

    assert_non_null(text);
    for (const char *p = svg; (p = strstr(p, "<rect ")) && p < text; p++)
        rect = p;
    assert_non_null(rect);
    char expected[40];
    snprintf(expected, sizeof(expected), "fill=\"%s\"", fill);
    const char *found = strstr(rect, expected);
    assert_true(found && found < text);
}

static void the_checker_itself_rejects_broken_xml(void **state)
{
    assert_true(well_formed("<a x=\"1\"><b/>t &amp; u</a>"));
    assert_false(well_formed("<a><b></a></b>"));
    assert_false(well_formed("<a>x & y</a>"));
    assert_false(well_formed("<a x=\"<\"/>"));
    assert_false(well_formed("<a></a><b></b>"));
}

static void iso27005_counts_are_coloured_by_band(void **state)
{
    const struct isms_risk_matrix *m = isms_risk_matrix_builtin("iso27005-5x5");
    int64_t counts[25] = {0};
    size_t i;
    char *svg;

    assert_int_equal(isms_heatmap_cell_count(m), 25);
    assert_int_equal(isms_heatmap_cell_index(&i, m, &(struct isms_risk_score){4, 4, 0}), 0);
    assert_int_equal(i, 24);
    counts[i] = 111; /* level 8: high */
    assert_int_equal(isms_heatmap_cell_index(&i, m, &(struct isms_risk_score){3, 1, 0}), 0);
    assert_int_equal(i, 16);
    counts[i] = 222; /* level 4: medium */
    assert_int_equal(isms_heatmap_cell_index(&i, m, &(struct isms_risk_score){0, 2, 0}), 0);
    counts[i] = 333; /* level 2: low */
    assert_int_equal(isms_heatmap_cell_index(&i, m, &(struct isms_risk_score){5, 0, 0}),
                     ISMS_EINVALID);

    svg = render(m, counts, "en");
    assert_true(well_formed(svg));
    assert_cell_fill(svg, ">111<", HIGH_FILL);
    assert_cell_fill(svg, ">222<", MEDIUM_FILL);
    assert_cell_fill(svg, ">333<", LOW_FILL);
    assert_non_null(strstr(svg, ">Consequence<"));
    assert_non_null(strstr(svg, ">Very high (frequent)<"));
    assert_null(strstr(svg, "<script"));
    assert_null(strstr(svg, "href"));
    assert_null(strstr(svg, "url("));
    free(svg);

    svg = render(m, counts, "ja");
    assert_true(well_formed(svg));
    assert_non_null(strstr(svg, ">結果<"));
    assert_non_null(strstr(svg, ">非常に高い (頻繁)<"));
    assert_null(strstr(svg, "Consequence"));
    free(svg);
}

static void atv_draws_one_grid_per_vulnerability(void **state)
{
    const struct isms_risk_matrix *m = isms_risk_matrix_builtin("jp-atv-3");
    int64_t counts[27] = {0};
    size_t i;
    char *svg;

    assert_int_equal(isms_heatmap_cell_count(m), 27);
    /* threat 1, asset 1, vulnerability 3 -> level 3 (low); threat 3, asset 3, vulnerability 2 -> 18
     */
    assert_int_equal(isms_heatmap_cell_index(&i, m, &(struct isms_risk_score){1, 1, 3}), 0);
    assert_int_equal(i, 18);
    counts[i] = 444;
    assert_int_equal(isms_heatmap_cell_index(&i, m, &(struct isms_risk_score){3, 3, 2}), 0);
    assert_int_equal(i, 17);
    counts[i] = 555;
    svg = render(m, counts, "ja");
    assert_true(well_formed(svg));
    assert_cell_fill(svg, ">444<", LOW_FILL);
    assert_cell_fill(svg, ">555<", HIGH_FILL);
    assert_non_null(strstr(svg, ">脆弱性: 高<"));
    assert_non_null(strstr(svg, ">資産価値<"));
    free(svg);
}

static void labels_are_escaped_and_bad_counts_refused(void **state)
{
    struct isms_risk_matrix m = *isms_risk_matrix_builtin("iso27005-5x5");
    int64_t counts[25] = {0};
    struct isms_buf buf = ISMS_BUF_INIT(1u << 20);
    char *svg;

    snprintf(m.impact.name.en, sizeof(m.impact.name.en), "<script>alert('x')</script> & \"q\"");
    snprintf(m.name_en, sizeof(m.name_en), "R&D <matrix>");
    svg = render(&m, counts, "en");
    assert_true(well_formed(svg));
    assert_null(strstr(svg, "<script"));
    assert_non_null(strstr(svg, "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; "
                                "&quot;q&quot;"));
    assert_non_null(strstr(svg, "<title>R&amp;D &lt;matrix&gt;</title>"));
    free(svg);

    counts[3] = -1;
    assert_int_equal(isms_heatmap_svg(&buf, &m, counts, "en"), ISMS_EINVALID);
    counts[3] = 0;
    m.high_from = 99; /* an invalid matrix is refused, not drawn */
    assert_int_equal(isms_heatmap_svg(&buf, &m, counts, "en"), ISMS_EINVALID);
    isms_buf_release(&buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_checker_itself_rejects_broken_xml),
        cmocka_unit_test(iso27005_counts_are_coloured_by_band),
        cmocka_unit_test(atv_draws_one_grid_per_vulnerability),
        cmocka_unit_test(labels_are_escaped_and_bad_counts_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
