#include "isms_setup.h"
#include "model/deletion.h"
#include "util/error.h"

static const struct {
    const char *name, *ja, *en;
} methods[] = {
    {"", "", ""},
    {"erase", "データ削除", "Data deleted"},
    {"overwrite", "上書き消去", "Overwritten"},
    {"crypto_erase", "暗号化消去", "Cryptographic erasure"},
    {"degauss", "磁気消去", "Degaussed"},
    {"physical", "物理破壊", "Medium destroyed"},
    {"shredding", "裁断", "Shredded"},
    {"provider", "クラウド事業者による削除", "Deleted by the cloud provider"},
    {"other", "その他", "Other"},
};

static const char *const statuses[] = {"", "overdue", "due", "scheduled", "no_date", "deleted"};

const char *isms_deletion_method_name(enum isms_deletion_method m)
{
    return (unsigned)m < ISMS_ARRAY_SIZE(methods) ? methods[m].name : "";
}

const char *isms_deletion_method_label_ja(enum isms_deletion_method m)
{
    return (unsigned)m < ISMS_ARRAY_SIZE(methods) ? methods[m].ja : "";
}

const char *isms_deletion_method_label_en(enum isms_deletion_method m)
{
    return (unsigned)m < ISMS_ARRAY_SIZE(methods) ? methods[m].en : "";
}

int isms_deletion_method_parse(enum isms_deletion_method *out, const char *text)
{
    for (size_t i = 1; text && i < ISMS_ARRAY_SIZE(methods); i++)
        if (strcmp(text, methods[i].name) == 0 || strcmp(text, methods[i].ja) == 0) {
            *out = (enum isms_deletion_method)i;
            return 0;
        }
    return isms_error_set(ISMS_EINVALID,
                          _("'method' must be erase, overwrite, crypto_erase, degauss, physical, "
                            "shredding, provider or other, not '%.40s'"),
                          text ? text : "");
}

const char *isms_deletion_status_name(enum isms_deletion_status s)
{
    return (unsigned)s < ISMS_ARRAY_SIZE(statuses) ? statuses[s] : "";
}

int isms_deletion_status_parse(enum isms_deletion_status *out, const char *text)
{
    for (size_t i = 1; text && i < ISMS_ARRAY_SIZE(statuses); i++)
        if (strcmp(text, statuses[i]) == 0) {
            *out = (enum isms_deletion_status)i;
            return 0;
        }
    return isms_error_set(ISMS_EINVALID,
                          _("'status' must be overdue, due, scheduled, no_date or deleted, not "
                            "'%.40s'"),
                          text ? text : "");
}
