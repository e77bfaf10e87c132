/*
 * Turns the embedded TSV catalog data into immutable isms_control arrays.
 * The parsed tables are kept for the life of the process: every string in
 * the catalogs points into them.
 */
#include "isms_setup.h"
#include "catalog/catalog.h"
#include "catalog/table.h"
#include "util/array.h"
#include "util/embedded.h"
#include "util/error.h"
#include "util/text.h"
#include "util/tsv.h"

extern const struct isms_embedded_file isms_catalog_data[];

enum {
    ANNEX_A_2022,
    ISO27002_2013,
    CLD_2015,
    CATALOG_COUNT
};

static struct isms_catalog catalogs[CATALOG_COUNT] = {
    {ISMS_CATALOG_27001_2022, "ISO/IEC 27001:2022 Annex A", "JIS Q 27001:2023 附属書A", NULL, 0},
    {ISMS_CATALOG_27002_2013, "ISO/IEC 27002:2013", "JIS Q 27002:2014", NULL, 0},
    {ISMS_CATALOG_27017_2015, "ISO/IEC 27017:2015 cloud controls",
     "JIS Q 27017:2016 クラウドサービス管理策", NULL, 0},
};

static int open_table(struct isms_tsv *out, const char *name)
{
    const struct isms_embedded_file *file = isms_embedded_find(isms_catalog_data, name);
    int error;

    if (!file)
        return isms_error_set(ISMS_ERROR, "built-in catalog file '%s' is missing", name);
    if ((error = isms_tsv_parse(out, (const char *)file->data, file->size)) < 0)
        return isms_error_set(error, "built-in catalog file '%s': %s", name, isms_error_last());
    return 0;
}

/* Column indexes of `names` in `tsv`; an absent column is an error unless
 * its name starts with '?' (optional, index -1). */
static int find_columns(int *out, const struct isms_tsv *tsv, const char *const *names, size_t n,
                        const char *file)
{
    for (size_t i = 0; i < n; i++) {
        bool optional = names[i][0] == '?';
        out[i] = isms_tsv_column(tsv, names[i] + optional);
        if (out[i] < 0 && !optional)
            return isms_error_set(ISMS_ERROR, "built-in catalog file '%s' lacks column '%s'", file,
                                  names[i]);
    }
    return 0;
}

static const char *cell_or_empty(const struct isms_tsv *tsv, size_t row, int column)
{
    return column < 0 ? "" : isms_tsv_cell(tsv, row, (size_t)column);
}

static bool yes(const char *value)
{
    return strcmp(value, "yes") == 0;
}

static const char *const control_columns[] = {
    "id",
    "?theme",
    "?clause_en",
    "title_en",
    "title_ja",
    "?summary_en",
    "?summary_ja",
    "?control_type",
    "?security_properties",
    "?cybersecurity_concepts",
    "?operational_capabilities",
    "?security_domains",
    "?csc",
    "?csp",
};

static int load_controls(struct isms_catalog *catalog, struct isms_tsv *tsv, const char *file,
                         const char *fixed_group)
{
    int col[ISMS_ARRAY_SIZE(control_columns)];
    struct isms_control *controls;
    int error;

    if ((error = open_table(tsv, file)) < 0 ||
        (error = find_columns(col, tsv, control_columns, ISMS_ARRAY_SIZE(col), file)) < 0)
        return error;
    if (!(controls = calloc(tsv->rows ? tsv->rows : 1, sizeof(*controls))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    for (size_t r = 0; r < tsv->rows; r++) {
        struct isms_control *c = &controls[r];
        c->id = cell_or_empty(tsv, r, col[0]);
        c->group = fixed_group                      ? fixed_group
                   : *cell_or_empty(tsv, r, col[1]) ? cell_or_empty(tsv, r, col[1])
                                                    : cell_or_empty(tsv, r, col[2]);
        c->title_en = cell_or_empty(tsv, r, col[3]);
        c->title_ja = cell_or_empty(tsv, r, col[4]);
        c->summary_en = cell_or_empty(tsv, r, col[5]);
        c->summary_ja = cell_or_empty(tsv, r, col[6]);
        c->control_type = cell_or_empty(tsv, r, col[7]);
        c->security_properties = cell_or_empty(tsv, r, col[8]);
        c->cybersecurity_concepts = cell_or_empty(tsv, r, col[9]);
        c->operational_capabilities = cell_or_empty(tsv, r, col[10]);
        c->security_domains = cell_or_empty(tsv, r, col[11]);
        c->cloud_csc = yes(cell_or_empty(tsv, r, col[12]));
        c->cloud_csp = yes(cell_or_empty(tsv, r, col[13]));
        if (!*c->id || !*c->title_en)
            return isms_error_set(ISMS_ERROR,
                                  "built-in catalog file '%s' row %zu lacks an id "
                                  "or title",
                                  file, r + 1);
    }
    catalog->controls = controls;
    catalog->count = tsv->rows;
    return 0;
}

static struct isms_control *find_mutable(struct isms_catalog *catalog, const char *id)
{
    return (struct isms_control *)isms_catalog_find(catalog, id);
}

/* Adds `id` (borrowed) to the related list of `c`. */
static int relate(struct isms_control *c, const char *id)
{
    int error = ISMS_ARRAY_RESERVE(c->related, c->related_cap, c->related_count);

    if (error < 0)
        return error;
    c->related[c->related_count++] = id;
    return 0;
}

static int load_mapping(struct isms_tsv *tsv)
{
    static const char *const names[] = {"id_2013", "id_2022"};
    int col[2] = {0, 0}, error;

    if ((error = open_table(tsv, "mapping_2013_2022.tsv")) < 0 ||
        (error = find_columns(col, tsv, names, 2, "mapping_2013_2022.tsv")) < 0)
        return error;
    for (size_t r = 0; r < tsv->rows; r++) {
        struct isms_control *old = find_mutable(&catalogs[ISO27002_2013],
                                                isms_tsv_cell(tsv, r, (size_t)col[0]));
        struct isms_control *new = find_mutable(&catalogs[ANNEX_A_2022],
                                                isms_tsv_cell(tsv, r, (size_t)col[1]));
        if (!old || !new)
            return isms_error_set(ISMS_ERROR, "mapping row %zu names an unknown control", r + 1);
        if ((error = relate(old, new->id)) < 0 || (error = relate(new, old->id)) < 0)
            return error;
    }
    return 0;
}

/* ISO/IEC 27017 gives guidance per 2013 control; a 2022 control carries the
 * guidance of every 2013 control it came from. */
static int load_cloud_guidance(struct isms_tsv *tsv)
{
    static const char *const names[] = {"id_2013", "csc", "csp"};
    int col[3], error;

    if ((error = open_table(tsv, "iso27017_2015_guidance.tsv")) < 0 ||
        (error = find_columns(col, tsv, names, 3, "iso27017_2015_guidance.tsv")) < 0)
        return error;
    for (size_t r = 0; r < tsv->rows; r++) {
        struct isms_control *old = find_mutable(&catalogs[ISO27002_2013],
                                                isms_tsv_cell(tsv, r, (size_t)col[0]));
        if (!old)
            return isms_error_set(ISMS_ERROR, "27017 guidance row %zu names an unknown control",
                                  r + 1);
        old->cloud_csc = yes(isms_tsv_cell(tsv, r, (size_t)col[1]));
        old->cloud_csp = yes(isms_tsv_cell(tsv, r, (size_t)col[2]));
        for (size_t i = 0; i < old->related_count; i++) {
            struct isms_control *new = find_mutable(&catalogs[ANNEX_A_2022], old->related[i]);
            new->cloud_csc |= old->cloud_csc;
            new->cloud_csp |= old->cloud_csp;
        }
    }
    return 0;
}

static void mark_new_controls(void)
{
    struct isms_control *controls = (struct isms_control *)catalogs[ANNEX_A_2022].controls;

    for (size_t i = 0; i < catalogs[ANNEX_A_2022].count; i++)
        controls[i].new_in_2022 = controls[i].related_count == 0;
}

static int load_all(void)
{
    /* Tables stay alive for the process: the catalogs point into them. */
    static struct isms_tsv annex_a, old, cld, mapping, guidance;
    int error;

    if ((error = load_controls(&catalogs[ANNEX_A_2022], &annex_a, "iso27001_2022_annex_a.tsv",
                               NULL)) < 0 ||
        (error = load_controls(&catalogs[ISO27002_2013], &old, "iso27002_2013.tsv", NULL)) < 0 ||
        (error = load_controls(&catalogs[CLD_2015], &cld, "iso27017_2015_cld.tsv", "cloud")) < 0 ||
        (error = load_mapping(&mapping)) < 0 || (error = load_cloud_guidance(&guidance)) < 0)
        return error;
    mark_new_controls();
    return 0;
}

static struct isms_catalog_loader loader = ISMS_CATALOG_LOADER(load_all);

int isms_catalogs_load(void)
{
    return isms_catalog_loader_run(&loader);
}

size_t isms_catalog_count(void)
{
    return CATALOG_COUNT;
}

const struct isms_catalog *isms_catalog_at(size_t i)
{
    return i < CATALOG_COUNT ? &catalogs[i] : NULL;
}

const struct isms_catalog *isms_catalog_get(const char *key)
{
    for (size_t i = 0; i < CATALOG_COUNT; i++)
        if (strcmp(catalogs[i].key, key) == 0)
            return &catalogs[i];
    return NULL;
}

const struct isms_control *isms_catalog_find(const struct isms_catalog *catalog, const char *id)
{
    for (size_t i = 0; i < catalog->count; i++)
        if (strcmp(catalog->controls[i].id, id) == 0)
            return &catalog->controls[i];
    return NULL;
}

bool isms_control_matches(const struct isms_control *control, const char *query)
{
    const char *fields[] = {control->id, control->title_en, control->title_ja, control->summary_en,
                            control->summary_ja};

    if (!query || !*query)
        return true;
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(fields); i++)
        if (isms_text_search(fields[i], query))
            return true;
    return false;
}
