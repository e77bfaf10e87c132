/*
 * Business impact analysis (ISO/IEC 27001:2022 A.5.30 ICT readiness for
 * business continuity; seed 001): the business processes with how long
 * each may stop (maximum tolerable period of disruption, MTPD), the recovery
 * time, point and level objectives (RTO, RPO, RLO), what each depends on
 * (ICT services, information assets, cloud services) with their own
 * recovery capability, the emergency contact list and the exercises.
 */
#ifndef ISMS_MODEL_BIA_H
#define ISMS_MODEL_BIA_H

#include "model/retention.h"
#include "util/time.h"

#define ISMS_BIA_NAME_MAX 200
#define ISMS_BIA_TEXT_MAX 2000
#define ISMS_BIA_DURATION_MAX (366 * 24 * 60) /* minutes: a year */
#define ISMS_BIA_DURATION_SIZE 24

/* Durations are minutes; -1 is "not known". */
struct isms_bia_process {
    int64_t id;
    char name[ISMS_BIA_NAME_MAX + 1];
    char owner[ISMS_BIA_NAME_MAX + 1];
    int mtpd, rto, rpo;
    int rlo_percent; /* the level to recover to, % of normal service; 0 unset */
    char description[ISMS_BIA_TEXT_MAX + 1];
    char updated_at[ISMS_TIMESTAMP_SIZE];
    int dependency_count, gap_count; /* in lists */
};

enum isms_bia_dependency_kind {
    ISMS_BIA_ICT_SERVICE = 1, /* an ICT service named here (e.g. 社内ネットワーク) */
    ISMS_BIA_ASSET,           /* an information asset of the register */
    ISMS_BIA_CLOUD_SERVICE,   /* a cloud service of the register */
};

struct isms_bia_dependency {
    int64_t id, process_id;
    enum isms_bia_dependency_kind kind;
    int64_t ref_id;                    /* the asset's or cloud service's id; 0 for an ICT service */
    char name[ISMS_BIA_NAME_MAX + 1];  /* the ICT service, or the asset's / service's name */
    int recovery_time, recovery_point; /* its own capability; -1 not known */
    char notes[ISMS_BIA_TEXT_MAX + 1];
};

struct isms_bia_contact {
    int64_t id;
    char name[ISMS_BIA_NAME_MAX + 1];
    char role[ISMS_BIA_NAME_MAX + 1]; /* e.g. CSIRT, 委託先, クラウド事業者 */
    char phone[64];
    char email[255];
    int priority; /* the order to call in: 1 first */
    char notes[ISMS_BIA_TEXT_MAX + 1];
};

struct isms_bia_exercise {
    int64_t id;
    struct isms_date date;
    int64_t process_id; /* 0: the exercise covers no single process */
    char scenario[ISMS_BIA_TEXT_MAX + 1];
    char result[ISMS_BIA_TEXT_MAX + 1];
    char lessons[ISMS_BIA_TEXT_MAX + 1];
    char follow_up[ISMS_BIA_TEXT_MAX + 1];
};

/* The records of a BIA, for deletes: a process (with its dependencies), a dependency,
 * a contact or an exercise. */
enum isms_bia_record {
    ISMS_BIA_PROCESS,
    ISMS_BIA_DEPENDENCY,
    ISMS_BIA_CONTACT,
    ISMS_BIA_EXERCISE,
};

/* "ict_service", "asset", "cloud_service". */
const char *isms_bia_dependency_kind_name(enum isms_bia_dependency_kind k);
int isms_bia_dependency_kind_parse(enum isms_bia_dependency_kind *out, const char *text);

/* "4h", "30m", "2d", "1w", also 4時間, 30分, 2日; a bare number is hours; ""
 * or NULL is -1 (not known). ISMS_EINVALID naming `field` otherwise or past
 * a year. */
int isms_bia_duration_parse(int *minutes, const char *text, const char *field);
/* "4h", "90m", "2d" ("" for -1): what isms_bia_duration_parse reads back. */
void isms_bia_duration_format(char out[ISMS_BIA_DURATION_SIZE], int minutes);
/* 4時間, 90分, 2日 ("-" for -1). */
void isms_bia_duration_format_ja(char out[ISMS_BIA_DURATION_SIZE], int minutes);

#endif
