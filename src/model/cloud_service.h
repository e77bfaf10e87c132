/*
 * The cloud service register (ISO/IEC 27001:2022 A.5.23, ISO/IEC 27017): every
 * cloud service the organization uses, its provider, service model and the
 * responsibility split that follows from it, who manages it, whether its
 * risks were assessed, whether its use is within the approved purpose and who
 * pays. From the last four follows the shadow-cloud (野良クラウド) category
 * 1-4 and whether the use is legitimate (正規) or shadow (野良).
 */
#ifndef ISMS_MODEL_CLOUD_SERVICE_H
#define ISMS_MODEL_CLOUD_SERVICE_H

#include "util/time.h"

enum isms_cloud_model {
    ISMS_CLOUD_IAAS = 1,
    ISMS_CLOUD_PAAS,
    ISMS_CLOUD_SAAS,
};

/* Who manages the service (管理主体). */
enum isms_cloud_managed_by {
    ISMS_CLOUD_MANAGED_IT = 1,     /* IT department, known company-wide (情シス管理) */
    ISMS_CLOUD_MANAGED_DEPARTMENT, /* a department; IT does not know it (部門管理) */
    ISMS_CLOUD_MANAGED_INDIVIDUAL, /* only the staff member using it (担当(個人)把握) */
};

enum isms_cloud_risk_assessment {
    ISMS_CLOUD_RISK_DONE = 1,     /* リスクアセスメント実施 */
    ISMS_CLOUD_RISK_INSUFFICIENT, /* リスクアセスメント不十分 */
    ISMS_CLOUD_RISK_NOT_DONE,     /* リスクアセスメント未実施 */
};

/* Is the use within the purpose it was approved for (利用目的範囲内外)? */
enum isms_cloud_purpose {
    ISMS_CLOUD_PURPOSE_WITHIN = 1, /* 利用目的内 */
    ISMS_CLOUD_PURPOSE_OUTSIDE,    /* 利用目的外 */
    ISMS_CLOUD_PURPOSE_UNAPPROVED, /* 未承認 */
};

enum isms_cloud_cost_bearer {
    ISMS_CLOUD_COST_COMPANY = 1, /* 会社負担 (free tiers included) */
    ISMS_CLOUD_COST_INDIVIDUAL,  /* 個人: a personal contract */
};

/* Why a service is shadow cloud; a bit set. */
#define ISMS_CLOUD_WHY_NOT_IT_MANAGED 0x1u    /* not managed by IT under company rules */
#define ISMS_CLOUD_WHY_RISK_NOT_ASSESSED 0x2u /* risk assessment not done or insufficient */
#define ISMS_CLOUD_WHY_PURPOSE 0x4u           /* used outside the approved purpose / unapproved */
#define ISMS_CLOUD_WHY_PERSONAL_CONTRACT 0x8u /* paid for by an individual */

struct isms_cloud_judgement {
    int category;     /* 1..4 */
    bool legitimate;  /* 正規; false: 野良 (shadow) */
    unsigned reasons; /* ISMS_CLOUD_WHY_* when shadow; 0 when legitimate */
};

/* Names used by the API, CLI and exports ("iaas", "it", "done", "within",
 * "company", ...); parse also accepts the Japanese terms of the guide
 * (情シス管理, 部門管理, 実施, 未実施, 利用目的内, 未承認, 会社負担, 個人, ...).
 * parse returns ISMS_EINVALID naming the accepted values. */
const char *isms_cloud_model_name(enum isms_cloud_model model);
int isms_cloud_model_parse(enum isms_cloud_model *out, const char *text);
const char *isms_cloud_managed_by_name(enum isms_cloud_managed_by value);
int isms_cloud_managed_by_parse(enum isms_cloud_managed_by *out, const char *text);
const char *isms_cloud_risk_name(enum isms_cloud_risk_assessment value);
int isms_cloud_risk_parse(enum isms_cloud_risk_assessment *out, const char *text);
const char *isms_cloud_purpose_name(enum isms_cloud_purpose value);
int isms_cloud_purpose_parse(enum isms_cloud_purpose *out, const char *text);
const char *isms_cloud_cost_name(enum isms_cloud_cost_bearer value);
int isms_cloud_cost_parse(enum isms_cloud_cost_bearer *out, const char *text);

/* The reason bits by name: "not_it_managed", "risk_not_assessed",
 * "outside_purpose", "personal_contract"; NULL for anything else. */
const char *isms_cloud_reason_name(unsigned bit);

#define ISMS_CLOUD_NAME_MAX 200
#define ISMS_CLOUD_TEXT_MAX 2000

/* The provider's certifications a customer relies on (a bit set). */
#define ISMS_CLOUD_CERT_ISMAP 0x1u
#define ISMS_CLOUD_CERT_ISO27001 0x2u
#define ISMS_CLOUD_CERT_ISO27017 0x4u
#define ISMS_CLOUD_CERT_SOC2 0x8u
#define ISMS_CLOUD_CERT_ALL 0xfu

/* "ismap", "iso27001", "iso27017", "soc2" for one bit; NULL otherwise. */
const char *isms_cloud_cert_name(unsigned bit);
/* The printed name: "ISMAP", "ISO/IEC 27001", "ISO/IEC 27017", "SOC 2". */
const char *isms_cloud_cert_label(unsigned bit);
int isms_cloud_cert_parse(unsigned *bit, const char *name);

/* What ISO/IEC 27001:2022 5.23 asks to be agreed for a service. Texts may be
 * NULL for empty; contract_end "YYYY-MM-DD" or NULL/"" (open-ended). */
struct isms_cloud_agreement_input {
    const char *contract;      /* contract or terms of service, with its reference */
    const char *sla;           /* service levels agreed */
    const char *data_location; /* country or region the data is kept in */
    const char *exit_plan;     /* data return and deletion at the end of use */
    unsigned certifications;   /* ISMS_CLOUD_CERT_* */
    const char *contract_end;
};

struct isms_cloud_agreement {
    char contract[ISMS_CLOUD_TEXT_MAX + 1];
    char sla[ISMS_CLOUD_TEXT_MAX + 1];
    char data_location[ISMS_CLOUD_NAME_MAX + 1];
    char exit_plan[ISMS_CLOUD_TEXT_MAX + 1];
    unsigned certifications;
    char contract_end[11]; /* "" when open-ended */
};

/* What a user enters. Texts may be NULL for empty. */
struct isms_cloud_service_input {
    const char *name;
    const char *provider;    /* provider name as free text */
    int64_t provider_org_id; /* 0: none; else a CSP (or both) org of this system */
    enum isms_cloud_model model;
    const char *responsibility_notes; /* how the split is agreed beyond the model's default */
    const char *department;           /* owning department (所管部門) */
    enum isms_cloud_managed_by managed_by;
    enum isms_cloud_risk_assessment risk_assessment;
    enum isms_cloud_purpose purpose;
    enum isms_cloud_cost_bearer cost_bearer;
    const char *notes;
    struct isms_cloud_agreement_input agreement;
};

struct isms_cloud_service {
    int64_t id;
    int64_t org_id;
    char name[ISMS_CLOUD_NAME_MAX + 1];
    char provider[ISMS_CLOUD_NAME_MAX + 1];
    int64_t provider_org_id;                         /* 0: none */
    char provider_org_name[ISMS_CLOUD_NAME_MAX + 1]; /* the only thing shown of that org */
    enum isms_cloud_model model;
    char responsibility_notes[ISMS_CLOUD_TEXT_MAX + 1];
    char department[ISMS_CLOUD_NAME_MAX + 1];
    enum isms_cloud_managed_by managed_by;
    enum isms_cloud_risk_assessment risk_assessment;
    enum isms_cloud_purpose purpose;
    enum isms_cloud_cost_bearer cost_bearer;
    char notes[ISMS_CLOUD_TEXT_MAX + 1];
    struct isms_cloud_agreement agreement;
    struct isms_cloud_judgement judgement; /* computed */
    char created_at[ISMS_TIMESTAMP_SIZE];
    char updated_at[ISMS_TIMESTAMP_SIZE];
};

#endif
