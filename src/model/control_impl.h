/*
 * The implementation of one control of an organization's Statement of
 * Applicability: how far it is (status), at which maturity level it is and
 * should be (梅 basic, 竹 standard, 松 advanced: seed 001, "start at 梅"),
 * who owns it, until when, when it is reviewed, and the evidence.
 */
#ifndef ISMS_MODEL_CONTROL_IMPL_H
#define ISMS_MODEL_CONTROL_IMPL_H

#include "model/evidence.h"
#include "model/retention.h"
#include "model/soa.h"
#include "util/hex.h"
#include "util/time.h"

enum isms_control_status {
    ISMS_CONTROL_NOT_STARTED = 1,
    ISMS_CONTROL_PLANNED,
    ISMS_CONTROL_PARTIAL, /* partially implemented */
    ISMS_CONTROL_IMPLEMENTED,
};

/* 0 is "no level yet"; the levels are ordered. */
enum isms_control_level {
    ISMS_LEVEL_NONE = 0,
    ISMS_LEVEL_BASIC,    /* 梅 */
    ISMS_LEVEL_STANDARD, /* 竹 */
    ISMS_LEVEL_ADVANCED, /* 松 */
};

#define ISMS_CONTROL_NOTES_MAX 4000
#define ISMS_CONTROL_REVIEW_MONTHS_MAX 120
#define ISMS_CONTROL_OWNER_MAX 200

struct isms_control_impl {
    char control_id[ISMS_SOA_ID_MAX + 1]; /* the SoA id: "A.8.16", "CLD.6.3.1" */
    enum isms_control_status status;
    enum isms_control_level level, target_level;
    int64_t owner_user_id;                          /* 0: none */
    char owner[ISMS_CONTROL_OWNER_MAX + 1];         /* the owner's display name, "" for none */
    struct isms_date due, last_review, next_review; /* unset: none */
    int review_interval_months;                     /* 0: none */
    char *notes;                                    /* owned, never NULL once read */
    char updated_at[ISMS_TIMESTAMP_SIZE];           /* "" while never recorded */
    int evidence_count;
};

/* One change of level, for the history shown with the control. */
struct isms_control_level_change {
    enum isms_control_level from, to;
    char changed_at[ISMS_TIMESTAMP_SIZE];
    char changed_by[80];
};

/* "not_started", "planned", "partial", "implemented"; "basic", "standard",
 * "advanced" (NULL for none). parse returns ISMS_EINVALID naming the values;
 * level parse also takes 梅, 竹, 松. */
const char *isms_control_status_name(enum isms_control_status s);
int isms_control_status_parse(enum isms_control_status *out, const char *text);
const char *isms_control_level_name(enum isms_control_level l);
int isms_control_level_parse(enum isms_control_level *out, const char *text);
/* 未着手 / 計画済み / 一部実施 / 実施済み; 梅 / 竹 / 松 ("" for none). */
const char *isms_control_status_label_ja(enum isms_control_status s);
const char *isms_control_level_label_ja(enum isms_control_level l);

void isms_control_impl_release(struct isms_control_impl *impl);
void isms_control_impls_free(struct isms_control_impl *impls, size_t count);

#endif
