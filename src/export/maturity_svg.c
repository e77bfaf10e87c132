#include "isms_setup.h"
#include "export/maturity_svg.h"

static const char *const themes[] = {"organizational", "people", "physical", "technological"};

void isms_maturity_count(struct isms_maturity *out, const struct isms_control_row *rows,
                         size_t count)
{
    memset(out, 0, sizeof(*out));
    for (size_t i = 0; i < count; i++) {
        const struct isms_control_row *r = &rows[i];
        for (int t = 0; t < 4; t++)
            if (strcmp(r->control->group, themes[t]) == 0)
                out->counts[t][r->impl.level]++;
        if (r->guidance)
            out->counts[4][r->impl.level]++;
    }
}

/* Bar width 400 px for the biggest bar; levels from none (grey) to 松. */
#define LABEL_W 200
#define BAR_W 400
#define ROW_H 34
#define TOP 10

int isms_maturity_svg(struct isms_buf *out, const struct isms_maturity *m, const char *lang)
{
    static const char *const bar_ja[] = {"5 組織的管理策", "6 人的管理策", "7 物理的管理策",
                                         "8 技術的管理策", "2022 新規 11 管理策"};
    static const char *const bar_en[] = {"5 Organizational", "6 People", "7 Physical",
                                         "8 Technological", "The 11 new in 2022"};
    static const char *const level_ja[] = {"未設定", "梅", "竹", "松"};
    static const char *const level_en[] = {"none", "basic (梅)", "standard (竹)", "advanced (松)"};
    static const char *const colors[] = {"#d0d5dd", "#f4c2c2", "#8fc98f", "#2e7d32"};
    bool ja = strcmp(lang, "ja") == 0;
    int biggest = 1, height = TOP + ROW_H * ISMS_MATURITY_BARS + 30, error;

    for (int b = 0; b < ISMS_MATURITY_BARS; b++) {
        int total = 0;
        for (int l = 0; l <= ISMS_CONTROL_LEVEL_COUNT; l++)
            total += m->counts[b][l];
        biggest = total > biggest ? total : biggest;
    }
    if ((error = isms_buf_printf(out,
                                 "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"maturity\" "
                                 "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">",
                                 LABEL_W + BAR_W + 60, height,
                                 ja ? "管理策の成熟度" : "Control maturity")) < 0)
        return error;
    for (int b = 0; b < ISMS_MATURITY_BARS; b++) {
        int y = TOP + b * ROW_H, x = LABEL_W, total = 0;
        if ((error = isms_buf_printf(out, "<text x=\"0\" y=\"%d\" font-size=\"13\">%s</text>",
                                     y + 18, ja ? bar_ja[b] : bar_en[b])) < 0)
            return error;
        for (int l = 0; l <= ISMS_CONTROL_LEVEL_COUNT; l++) {
            int n = m->counts[b][l], w = n * BAR_W / biggest;
            total += n;
            if (n && (error = isms_buf_printf(out,
                                              "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"22\" "
                                              "fill=\"%s\" data-level=\"%d\"><title>%s: %d"
                                              "</title></rect>",
                                              x, y + 4, w, colors[l], l,
                                              ja ? level_ja[l] : level_en[l], n)) < 0)
                return error;
            x += w;
        }
        if ((error = isms_buf_printf(out, "<text x=\"%d\" y=\"%d\" font-size=\"12\">%d</text>",
                                     x + 6, y + 20, total)) < 0)
            return error;
    }
    for (int l = 0, x = LABEL_W; l <= ISMS_CONTROL_LEVEL_COUNT; l++, x += 110)
        if ((error = isms_buf_printf(out,
                                     "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" "
                                     "fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"12\">%s"
                                     "</text>",
                                     x, height - 18, colors[l], x + 16, height - 8,
                                     ja ? level_ja[l] : level_en[l])) < 0)
            return error;
    return isms_buf_puts(out, "</svg>");
}
