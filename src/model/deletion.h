/*
 * Deletion of information (ISO/IEC 27001:2022 A.8.10, capability A17): the
 * due list across the registers that carry a retention rule, and a record
 * of each deletion (date, what, method, responsible person, evidence).
 */
#ifndef ISMS_MODEL_DELETION_H
#define ISMS_MODEL_DELETION_H

#include "model/retention.h"
#include "util/time.h"

#define ISMS_DELETION_TEXT_MAX 200
#define ISMS_DELETION_NOTES_MAX 2000
#define ISMS_DELETION_SOON_DAYS 30 /* "due" means within this many days */

enum isms_deletion_method {
    ISMS_DELETION_ERASE = 1,    /* data deleted (データ削除) */
    ISMS_DELETION_OVERWRITE,    /* overwritten (上書き消去) */
    ISMS_DELETION_CRYPTO_ERASE, /* the key destroyed (暗号化消去) */
    ISMS_DELETION_DEGAUSS,      /* magnetic erasure (磁気消去) */
    ISMS_DELETION_PHYSICAL,     /* the medium destroyed (物理破壊) */
    ISMS_DELETION_SHREDDING,    /* paper shredded (裁断) */
    ISMS_DELETION_PROVIDER,     /* deleted by the cloud service provider */
    ISMS_DELETION_OTHER,
};

/* Where an item of the due list stands. */
enum isms_deletion_status {
    ISMS_DELETION_OVERDUE = 1, /* past its due date and not deleted */
    ISMS_DELETION_DUE,         /* due within ISMS_DELETION_SOON_DAYS */
    ISMS_DELETION_SCHEDULED,   /* due later */
    ISMS_DELETION_NO_DATE,     /* a rule, but its start date is not known yet */
    ISMS_DELETION_DELETED,     /* a deletion record exists */
};

struct isms_deletion_record {
    int64_t id;
    int64_t asset_id; /* 0: not an asset of the register (or since removed) */
    char what[ISMS_DELETION_TEXT_MAX + 1];
    struct isms_date deleted_on;
    enum isms_deletion_method method;
    char responsible[ISMS_DELETION_TEXT_MAX + 1];
    char evidence[ISMS_DELETION_NOTES_MAX + 1]; /* certificate number, link, ... */
    char notes[ISMS_DELETION_NOTES_MAX + 1];
    char recorded_by[80];
    char recorded_at[ISMS_TIMESTAMP_SIZE];
};

/* One item of the due list: an asset with a retention rule. */
struct isms_deletion_due {
    int64_t asset_id;
    char name[ISMS_DELETION_TEXT_MAX + 1];
    char owner[ISMS_DELETION_TEXT_MAX + 1];
    struct isms_retention retention;
    struct isms_date due;        /* unset while the start date is not known */
    struct isms_date deleted_on; /* of its latest deletion record; unset: none */
    enum isms_deletion_status status;
};

/* "erase", "overwrite", ... ; parse also takes the Japanese labels. */
const char *isms_deletion_method_name(enum isms_deletion_method m);
const char *isms_deletion_method_label_ja(enum isms_deletion_method m);
const char *isms_deletion_method_label_en(enum isms_deletion_method m);
int isms_deletion_method_parse(enum isms_deletion_method *out, const char *text);
#define ISMS_DELETION_METHOD_COUNT 8

/* "overdue", "due", "scheduled", "no_date", "deleted". */
const char *isms_deletion_status_name(enum isms_deletion_status s);
int isms_deletion_status_parse(enum isms_deletion_status *out, const char *text);

#endif
