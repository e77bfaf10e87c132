/*
 * The information asset register (情報資産台帳, ISO/IEC 27001:2022 A.5.9): what
 * the organization holds, who is accountable for it, how it is classified,
 * its confidentiality / integrity / availability values (1 low .. 3 high),
 * where it lives (including which registered cloud service) and how long it
 * is kept, with the date it is due for deletion (A.8.10).
 */
#ifndef ISMS_MODEL_ASSET_H
#define ISMS_MODEL_ASSET_H

#include "model/retention.h"
#include "util/time.h"

enum isms_asset_type {
    ISMS_ASSET_INFORMATION = 1, /* electronic information, data (情報・電子データ) */
    ISMS_ASSET_PAPER,           /* paper documents (紙媒体) */
    ISMS_ASSET_SOFTWARE,
    ISMS_ASSET_HARDWARE,
    ISMS_ASSET_SERVICE, /* services used, cloud or otherwise */
    ISMS_ASSET_PEOPLE,
    ISMS_ASSET_FACILITY,
    ISMS_ASSET_OTHER,
};

enum isms_asset_classification {
    ISMS_CLASS_PUBLIC = 1,   /* 公開 */
    ISMS_CLASS_INTERNAL,     /* 社外秘 */
    ISMS_CLASS_CONFIDENTIAL, /* 秘 */
    ISMS_CLASS_SECRET,       /* 極秘 */
};

#define ISMS_ASSET_NAME_MAX 200
#define ISMS_ASSET_OWNER_MAX 200
#define ISMS_ASSET_LOCATION_MAX 500
#define ISMS_ASSET_NOTES_MAX 4000
#define ISMS_ASSET_CIA_MIN 1
#define ISMS_ASSET_CIA_MAX 3

/* API names ("information", "confidential", ...); parse also takes the
 * Japanese labels registers use (情報, 電子データ, 紙, ソフトウェア, ..., 公開,
 * 社外秘, 社内限, 秘, 機密, 極秘). ISMS_EINVALID naming the accepted values. */
const char *isms_asset_type_name(enum isms_asset_type type);
const char *isms_asset_type_label_ja(enum isms_asset_type type);
int isms_asset_type_parse(enum isms_asset_type *out, const char *text);
const char *isms_asset_classification_name(enum isms_asset_classification c);
const char *isms_asset_classification_label_ja(enum isms_asset_classification c);
int isms_asset_classification_parse(enum isms_asset_classification *out, const char *text);

/* What a user enters. Texts may be NULL for empty. */
struct isms_asset_input {
    const char *name;
    enum isms_asset_type type;
    const char *owner; /* accountable person or role (管理責任者) */
    enum isms_asset_classification classification;
    int confidentiality, integrity, availability;
    const char *location;
    int64_t cloud_service_id; /* 0: none; else a service of the same org */
    struct isms_retention retention;
    const char *notes;
};

struct isms_asset {
    int64_t id;
    int64_t org_id;
    char *name; /* owned strings, never NULL; isms_asset_release() */
    enum isms_asset_type type;
    char *owner;
    enum isms_asset_classification classification;
    int confidentiality, integrity, availability;
    char *location;
    int64_t cloud_service_id; /* 0: none */
    char *cloud_service_name; /* "" when none */
    struct isms_retention retention;
    struct isms_date deletion_due; /* unset: no due date (no rule, permanent, start unknown) */
    char *notes;
    char created_at[ISMS_TIMESTAMP_SIZE];
    char updated_at[ISMS_TIMESTAMP_SIZE];
};

void isms_asset_release(struct isms_asset *asset);

#define ISMS_ASSET_LIST_DEFAULT 100
#define ISMS_ASSET_LIST_MAX 1000
#define ISMS_ASSET_QUERY_MAX 200

/* Which assets a list or export covers; zero values do not filter. */
struct isms_asset_filter {
    const char *name_contains;
    enum isms_asset_type type;
    enum isms_asset_classification classification;
    int64_t cloud_service_id;
    struct isms_date due_before; /* deletion due strictly before this date */
    size_t limit;                /* 0: all (exports); lists cap it at ISMS_ASSET_LIST_MAX */
    size_t offset;
};

struct isms_asset_page {
    struct isms_asset *items;
    size_t count;
    int64_t total; /* matching assets, ignoring limit and offset */
};
void isms_asset_page_release(struct isms_asset_page *page);

/* Calls `visit` for every matching asset by id without holding them all
 * (exports of 100k assets). The asset is borrowed for the call only. A
 * negative return from `visit` stops the walk and is returned. */
typedef int (*isms_asset_visit_fn)(void *ctx, const struct isms_asset *asset);

#endif
