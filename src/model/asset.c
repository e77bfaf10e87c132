#include "isms_setup.h"
#include <strings.h>
#include "model/asset.h"
#include "util/error.h"
#include "util/text.h"

/* A value's API name, its Japanese label and other spellings registers use. */
struct term {
    const char *name;
    const char *ja;
    const char *aliases[5];
};

static const struct term type_terms[] = {
    [ISMS_ASSET_INFORMATION] = {"information",
                                "情報",
                                {"電子データ", "データ", "電子情報", "data", "情報資産"}},
    [ISMS_ASSET_PAPER] = {"paper", "紙媒体", {"紙", "書類", "文書", "document", "紙文書"}},
    [ISMS_ASSET_SOFTWARE] = {"software", "ソフトウェア", {"ソフト", "アプリケーション", NULL}},
    [ISMS_ASSET_HARDWARE] = {"hardware", "ハードウェア", {"機器", "物理", "ハード", "装置", NULL}},
    [ISMS_ASSET_SERVICE] = {"service", "サービス", {"クラウドサービス", "外部サービス", NULL}},
    [ISMS_ASSET_PEOPLE] = {"people", "人", {"人材", "要員", "人的資産", NULL}},
    [ISMS_ASSET_FACILITY] = {"facility", "施設", {"設備", "建物", "site", NULL}},
    [ISMS_ASSET_OTHER] = {"other", "その他", {NULL}},
};

static const struct term class_terms[] = {
    [ISMS_CLASS_PUBLIC] = {"public", "公開", {"一般", NULL}},
    [ISMS_CLASS_INTERNAL] = {"internal", "社外秘", {"社内限", "社内", "部外秘", "internal use"}},
    [ISMS_CLASS_CONFIDENTIAL] = {"confidential", "秘", {"機密", "関係者外秘", "取扱注意", NULL}},
    [ISMS_CLASS_SECRET] = {"secret", "極秘", {"厳秘", "strictly confidential", NULL}},
};

static const struct term *term_get(const struct term *terms, size_t count, int value)
{
    if (value < 1 || (size_t)value >= count)
        ISMS_BUG("asset value outside its enum");
    return &terms[value];
}

static int term_parse(int *out, const struct term *terms, size_t count, const char *text,
                      const char *field)
{
    char accepted[160] = "";
    size_t used = 0;

    for (size_t v = 1; text && v < count; v++) {
        bool match = strcasecmp(text, terms[v].name) == 0 || strcmp(text, terms[v].ja) == 0;
        for (size_t i = 0; !match && i < ISMS_ARRAY_SIZE(terms[v].aliases); i++)
            match = terms[v].aliases[i] && strcasecmp(text, terms[v].aliases[i]) == 0;
        if (match) {
            *out = (int)v;
            return 0;
        }
    }
    for (size_t v = 1; v < count && used < sizeof(accepted); v++)
        used += (size_t)snprintf(accepted + used, sizeof(accepted) - used, "%s'%s'",
                                 v == 1 ? "" : ", ", terms[v].name);
    return isms_error_set(ISMS_EINVALID,
                          _("'%s' must be one of %s (or its Japanese label), not "
                            "'%.40s'"),
                          field, accepted, text ? text : "");
}

const char *isms_asset_type_name(enum isms_asset_type type)
{
    return term_get(type_terms, ISMS_ARRAY_SIZE(type_terms), (int)type)->name;
}

const char *isms_asset_type_label_ja(enum isms_asset_type type)
{
    return term_get(type_terms, ISMS_ARRAY_SIZE(type_terms), (int)type)->ja;
}

int isms_asset_type_parse(enum isms_asset_type *out, const char *text)
{
    int value, error = term_parse(&value, type_terms, ISMS_ARRAY_SIZE(type_terms), text, "type");

    if (error == 0)
        *out = (enum isms_asset_type)value;
    return error;
}

const char *isms_asset_classification_name(enum isms_asset_classification c)
{
    return term_get(class_terms, ISMS_ARRAY_SIZE(class_terms), (int)c)->name;
}

const char *isms_asset_classification_label_ja(enum isms_asset_classification c)
{
    return term_get(class_terms, ISMS_ARRAY_SIZE(class_terms), (int)c)->ja;
}

int isms_asset_classification_parse(enum isms_asset_classification *out, const char *text)
{
    int value, error = term_parse(&value, class_terms, ISMS_ARRAY_SIZE(class_terms), text,
                                  "classification");

    if (error == 0)
        *out = (enum isms_asset_classification)value;
    return error;
}

void isms_asset_release(struct isms_asset *asset)
{
    free(asset->name);
    free(asset->owner);
    free(asset->location);
    free(asset->cloud_service_name);
    free(asset->notes);
    asset->name = asset->owner = asset->location = asset->cloud_service_name = asset->notes = NULL;
}

void isms_asset_page_release(struct isms_asset_page *page)
{
    for (size_t i = 0; i < page->count; i++)
        isms_asset_release(&page->items[i]);
    free(page->items);
    memset(page, 0, sizeof(*page));
}
