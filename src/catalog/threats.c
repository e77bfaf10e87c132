/*
 * Turns the embedded threat TSV tables into immutable isms_threat arrays.
 * The parsed tables are kept for the life of the process: every string of a
 * threat points into them.
 */
#include "isms_setup.h"
#include <pthread.h>
#include <strings.h>
#include "catalog/threats.h"
#include "util/embedded.h"
#include "util/error.h"
#include "util/tsv.h"

extern const struct isms_embedded_file isms_catalog_data[];

enum {
    ENISA,
    X1601,
    IPA,
    SOURCE_COUNT
};

static struct isms_threat_source sources[SOURCE_COUNT] = {
    {ISMS_THREATS_ENISA, "ENISA Cloud Computing Risk Assessment",
     "ENISA クラウドコンピューティングのリスク評価", "2009", NULL, 0},
    {ISMS_THREATS_X1601, "ITU-T X.1601 cloud computing threats and security challenges",
     "ITU-T X.1601 クラウドコンピューティングの脅威とセキュリティ上の課題", "2014", NULL, 0},
    {ISMS_THREATS_IPA, "IPA 10 Major Information Security Threats (organizations)",
     "IPA 情報セキュリティ10大脅威 (組織)", "", NULL, 0},
};

static const char *const files[SOURCE_COUNT] = {
    [ENISA] = "threats_enisa_2009.tsv",
    [X1601] = "threats_itu_x1601.tsv",
    [IPA] = "threats_ipa_top10.tsv",
};

/* Columns every table has, then the optional ones ('?'). */
static const char *const columns[] = {
    "id",        "name_en", "name_ja", "summary_en", "summary_ja",
    "?category", "?kind",   "?party",  "?rank",      "?edition",
};
enum {
    C_ID,
    C_NAME_EN,
    C_NAME_JA,
    C_SUMMARY_EN,
    C_SUMMARY_JA,
    C_CATEGORY,
    C_KIND,
    C_PARTY,
    C_RANK,
    C_EDITION,
    C_COUNT
};

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static int load_error;
static char load_message[512];

static const char *cell(const struct isms_tsv *tsv, size_t row, int column)
{
    return column < 0 ? "" : isms_tsv_cell(tsv, row, (size_t)column);
}

static int open_table(struct isms_tsv *out, int col[C_COUNT], const char *name)
{
    const struct isms_embedded_file *file = isms_embedded_find(isms_catalog_data, name);
    int error;

    if (!file)
        return isms_error_set(ISMS_ERROR, "built-in threat file '%s' is missing", name);
    if ((error = isms_tsv_parse(out, (const char *)file->data, file->size)) < 0)
        return isms_error_set(error, "built-in threat file '%s': %s", name, isms_error_last());
    for (int i = 0; i < C_COUNT; i++) {
        bool optional = columns[i][0] == '?';
        col[i] = isms_tsv_column(out, columns[i] + optional);
        if (col[i] < 0 && !optional)
            return isms_error_set(ISMS_ERROR, "built-in threat file '%s' lacks column '%s'", name,
                                  columns[i]);
    }
    return 0;
}

static int parse_rank(int *out, const char *text, const char *file, size_t row)
{
    char *end;
    long value;

    *out = 0;
    if (!*text)
        return 0;
    value = strtol(text, &end, 10);
    if (*end || value < 1 || value > 100)
        return isms_error_set(ISMS_ERROR, "built-in threat file '%s' row %zu: bad rank", file,
                              row + 1);
    *out = (int)value;
    return 0;
}

static int load_source(struct isms_threat_source *source, struct isms_tsv *tsv, const char *file)
{
    int col[C_COUNT], error;
    struct isms_threat *threats;

    if ((error = open_table(tsv, col, file)) < 0)
        return error;
    if (!(threats = calloc(tsv->rows ? tsv->rows : 1, sizeof(*threats))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    source->threats = threats;
    for (size_t r = 0; r < tsv->rows; r++) {
        struct isms_threat *t = &threats[r];
        t->source = source->key;
        t->id = cell(tsv, r, col[C_ID]);
        t->name_en = cell(tsv, r, col[C_NAME_EN]);
        t->name_ja = cell(tsv, r, col[C_NAME_JA]);
        t->summary_en = cell(tsv, r, col[C_SUMMARY_EN]);
        t->summary_ja = cell(tsv, r, col[C_SUMMARY_JA]);
        t->category = col[C_CATEGORY] >= 0 ? cell(tsv, r, col[C_CATEGORY])
                                           : cell(tsv, r, col[C_KIND]);
        t->party = cell(tsv, r, col[C_PARTY]);
        if ((error = parse_rank(&t->rank, cell(tsv, r, col[C_RANK]), file, r)) < 0)
            return error;
        if (!*t->id || !*t->name_en || !*t->name_ja)
            return isms_error_set(ISMS_ERROR,
                                  "built-in threat file '%s' row %zu lacks an id "
                                  "or name",
                                  file, r + 1);
        if (*cell(tsv, r, col[C_EDITION]))
            source->edition = cell(tsv, r, col[C_EDITION]);
    }
    source->count = tsv->rows;
    return 0;
}

static void load_all(void)
{
    /* Tables stay alive for the process: the threats point into them. */
    static struct isms_tsv tables[SOURCE_COUNT];

    for (size_t i = 0; i < SOURCE_COUNT; i++)
        if ((load_error = load_source(&sources[i], &tables[i], files[i])) < 0) {
            snprintf(load_message, sizeof(load_message), "%s", isms_error_last());
            return;
        }
}

int isms_threats_load(void)
{
    pthread_once(&load_once, load_all);
    if (load_error < 0)
        return isms_error_set(load_error, "%s", load_message);
    return 0;
}

size_t isms_threat_source_count(void)
{
    return SOURCE_COUNT;
}

const struct isms_threat_source *isms_threat_source_at(size_t i)
{
    if (i >= SOURCE_COUNT || isms_threats_load() < 0)
        return NULL;
    return &sources[i];
}

const struct isms_threat_source *isms_threat_source_get(const char *key)
{
    for (size_t i = 0; key && i < SOURCE_COUNT; i++)
        if (strcmp(sources[i].key, key) == 0)
            return isms_threat_source_at(i);
    return NULL;
}

const struct isms_threat *isms_threat_builtin_find(const char *key, const char *id)
{
    const struct isms_threat_source *source = isms_threat_source_get(key);

    for (size_t i = 0; source && id && i < source->count; i++)
        if (strcasecmp(source->threats[i].id, id) == 0)
            return &source->threats[i];
    return NULL;
}

const char *isms_threat_category_name(const char *category, const char *lang)
{
    static const struct {
        const char *key, *en, *ja;
    } names[] = {
        {"policy_organizational", "Policy and organizational", "方針及び組織"},
        {"technical", "Technical", "技術"},
        {"legal", "Legal", "法律"},
        {"not_cloud_specific", "Not specific to the cloud", "クラウド固有でない"},
        {"threat", "Threat", "脅威"},
        {"challenge", "Security challenge (indirect threat)", "セキュリティ上の課題 (間接的脅威)"},
    };
    bool ja = lang && strcmp(lang, "ja") == 0;

    for (size_t i = 0; category && i < ISMS_ARRAY_SIZE(names); i++)
        if (strcmp(names[i].key, category) == 0)
            return ja ? names[i].ja : names[i].en;
    return category ? category : "";
}
