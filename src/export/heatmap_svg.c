/*
 * Risk heat map SVG (see heatmap_svg.h). Plain SVG 1.1 with presentation
 * attributes only: no script, no style sheet, no external reference, so the
 * file renders the same when embedded in a report or opened on its own.
 */
#include "isms_setup.h"
#include "export/heatmap_svg.h"
#include "isms/risk_matrix.h"
#include "util/buf.h"
#include "util/error.h"

#define CELL_W 84
#define CELL_H 48
#define LEFT 200     /* y-axis name and row labels */
#define TOP 56       /* title and panel headings */
#define PANEL_GAP 24 /* between the vulnerability panels of the ATV method */
#define BOTTOM 96    /* column labels, x-axis name and legend */
#define RIGHT 16

static const char *const band_fill[] = {
    [ISMS_RISK_LOW] = "#a5d6a7",
    [ISMS_RISK_MEDIUM] = "#ffe082",
    [ISMS_RISK_HIGH] = "#ef9a9a",
};

/* A writer with a sticky error, so drawing code reads as a sequence. */
struct svg {
    struct isms_buf *out;
    int error;
    bool ja;
};

static void put(struct svg *s, const char *fmt, ...) ISMS_PRINTF(2, 3);

static void put(struct svg *s, const char *fmt, ...)
{
    char line[512];
    va_list ap;
    int n;

    if (s->error)
        return;
    va_start(ap, fmt);
    n = vsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof(line))
        ISMS_BUG("svg line too long");
    s->error = isms_buf_put(s->out, line, (size_t)n);
}

/* Text content or attribute value: the five XML specials escaped, C0
 * controls (not allowed in XML 1.0) dropped. */
static void put_text(struct svg *s, const char *text)
{
    for (const char *p = text; *p && !s->error; p++) {
        unsigned char c = (unsigned char)*p;
        switch (c) {
        case '&':
            s->error = isms_buf_puts(s->out, "&amp;");
            break;
        case '<':
            s->error = isms_buf_puts(s->out, "&lt;");
            break;
        case '>':
            s->error = isms_buf_puts(s->out, "&gt;");
            break;
        case '"':
            s->error = isms_buf_puts(s->out, "&quot;");
            break;
        case '\'':
            s->error = isms_buf_puts(s->out, "&apos;");
            break;
        default:
            if (c >= 0x20 || c == '\t')
                s->error = isms_buf_putc(s->out, (char)c);
        }
    }
}

static const char *pick(const struct svg *s, const struct isms_risk_label *label)
{
    return s->ja ? label->ja : label->en;
}

static void put_label_text(struct svg *s, int x, int y, const char *anchor, const char *extra,
                           const char *text)
{
    put(s, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\"%s>", x, y, anchor, extra);
    put_text(s, text);
    put(s, "</text>\n");
}

static int levels(const struct isms_risk_scale *scale)
{
    return scale->max - scale->min + 1;
}

static bool has_panels(const struct isms_risk_matrix *m)
{
    return m->method == ISMS_RISK_ASSET_THREAT_VULNERABILITY;
}

static int panel_count(const struct isms_risk_matrix *m)
{
    return has_panels(m) ? levels(&m->vulnerability) : 1;
}

size_t isms_heatmap_cell_count(const struct isms_risk_matrix *m)
{
    return (size_t)panel_count(m) * (size_t)levels(&m->likelihood) * (size_t)levels(&m->impact);
}

int isms_heatmap_cell_index(size_t *index_out, const struct isms_risk_matrix *m,
                            const struct isms_risk_score *score)
{
    size_t panel = has_panels(m) ? (size_t)(score->vulnerability - m->vulnerability.min) : 0;
    int level, error;

    /* Level checks every score against its scale and names the bad one. */
    if ((error = isms_risk_matrix_level(&level, m, score)) < 0)
        return error;
    *index_out = (panel * (size_t)levels(&m->likelihood) +
                  (size_t)(score->likelihood - m->likelihood.min)) *
                     (size_t)levels(&m->impact) +
                 (size_t)(score->impact - m->impact.min);
    return 0;
}

static void draw_cell(struct svg *s, const struct isms_risk_matrix *m, int x, int y,
                      const struct isms_risk_score *score, int64_t count)
{
    int level = 0;

    isms_risk_matrix_level(&level, m, score);
    put(s,
        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#ffffff\" "
        "stroke-width=\"2\"/>\n",
        x, y, CELL_W, CELL_H, band_fill[isms_risk_matrix_band(m, level)]);
    put(s,
        "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"18\" "
        "font-weight=\"%s\">%" PRId64 "</text>\n",
        x + CELL_W / 2, y + CELL_H / 2 + 6, count ? "bold" : "normal", count);
    put(s,
        "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"9\" fill=\"#555555\">%d"
        "</text>\n",
        x + CELL_W - 4, y + 11, level);
}

/* One likelihood x impact grid at `x0`; `vulnerability` is used only by the
 * ATV method, `counts` points at this panel's cells. */
static void draw_grid(struct svg *s, const struct isms_risk_matrix *m, int x0, int vulnerability,
                      const int64_t *counts)
{
    int rows = levels(&m->likelihood), cols = levels(&m->impact);

    for (int r = 0; r < rows; r++) {
        int likelihood = m->likelihood.max - r; /* highest at the top */
        for (int c = 0; c < cols; c++) {
            struct isms_risk_score score = {likelihood, m->impact.min + c, vulnerability};
            draw_cell(s, m, x0 + c * CELL_W, TOP + r * CELL_H, &score,
                      counts[(size_t)(likelihood - m->likelihood.min) * (size_t)cols + (size_t)c]);
        }
    }
    for (int c = 0; c < cols; c++)
        put_label_text(s, x0 + c * CELL_W + CELL_W / 2, TOP + rows * CELL_H + 16, "middle",
                       " font-size=\"11\"", pick(s, &m->impact.labels[c]));
}

static void draw_axes(struct svg *s, const struct isms_risk_matrix *m, int grid_width)
{
    int rows = levels(&m->likelihood);

    for (int r = 0; r < rows; r++)
        put_label_text(s, LEFT - 8, TOP + r * CELL_H + CELL_H / 2 + 4, "end", " font-size=\"11\"",
                       pick(s, &m->likelihood.labels[rows - 1 - r]));
    put(s,
        "<text x=\"16\" y=\"%d\" text-anchor=\"middle\" font-size=\"13\" "
        "font-weight=\"bold\" transform=\"rotate(-90 16 %d)\">",
        TOP + rows * CELL_H / 2, TOP + rows * CELL_H / 2);
    put_text(s, pick(s, &m->likelihood.name));
    put(s, "</text>\n");
    put_label_text(s, LEFT + grid_width / 2, TOP + rows * CELL_H + 38, "middle",
                   " font-size=\"13\" font-weight=\"bold\"", pick(s, &m->impact.name));
}

static void draw_legend(struct svg *s, const struct isms_risk_matrix *m, int y)
{
    const char *lang = s->ja ? "ja" : "en";
    int x = LEFT;

    for (int band = ISMS_RISK_LOW; band <= ISMS_RISK_HIGH; band++) {
        put(s, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\"/>\n", x, y - 11,
            band_fill[band]);
        put_label_text(s, x + 20, y, "start", " font-size=\"11\"",
                       isms_risk_band_name((enum isms_risk_band)band, lang));
        x += 90;
    }
    put(s, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s %d</text>\n", x, y,
        s->ja ? "受容基準: リスクレベル &lt;=" : "acceptable: level &lt;=",
        m->acceptance_threshold);
}

static void draw(struct svg *s, const struct isms_risk_matrix *m, const int64_t *counts)
{
    int panels = panel_count(m), cols = levels(&m->impact), rows = levels(&m->likelihood);
    int grid_width = cols * CELL_W;
    int width = LEFT + panels * grid_width + (panels - 1) * PANEL_GAP + RIGHT;
    int height = TOP + rows * CELL_H + BOTTOM;
    size_t panel_cells = (size_t)rows * (size_t)cols;

    put(s,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%d\" "
        "height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">\n",
        width, height, width, height);
    put(s, "<title>");
    put_text(s, s->ja ? m->name_ja : m->name_en);
    put(s, "</title>\n<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n");
    put_label_text(s, LEFT, 20, "start", " font-size=\"14\" font-weight=\"bold\"",
                   s->ja ? m->name_ja : m->name_en);
    for (int p = 0; p < panels; p++) {
        int x0 = LEFT + p * (grid_width + PANEL_GAP);
        int vulnerability = has_panels(m) ? m->vulnerability.min + p : 0;
        if (has_panels(m)) {
            put(s, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\">",
                x0 + grid_width / 2, TOP - 10);
            put_text(s, pick(s, &m->vulnerability.name));
            put(s, ": ");
            put_text(s, pick(s, &m->vulnerability.labels[p]));
            put(s, "</text>\n");
        }
        draw_grid(s, m, x0, vulnerability, counts + (size_t)p * panel_cells);
    }
    draw_axes(s, m, panels * grid_width + (panels - 1) * PANEL_GAP);
    draw_legend(s, m, TOP + rows * CELL_H + 70);
    put(s, "</svg>\n");
}

int isms_heatmap_svg(struct isms_buf *out, const struct isms_risk_matrix *m, const int64_t *counts,
                     const char *lang)
{
    struct svg s = {out, 0, lang && strcmp(lang, "ja") == 0};
    size_t n = isms_heatmap_cell_count(m);
    int error;

    if ((error = isms_risk_matrix_validate(m)) < 0)
        return error;
    for (size_t i = 0; i < n; i++)
        if (counts[i] < 0)
            return isms_error_set(ISMS_EINVALID, "heat map cell %zu has a negative count", i);
    draw(&s, m, counts);
    return s.error;
}
