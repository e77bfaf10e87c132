/*
 * The risk register (ISO/IEC 27001 6.1.2 c-e, 6.1.3; JIP-ISMS517 4.2.1):
 * each risk names the assets it is about, its risk source or threat, the
 * event and its consequence, likelihood and impact on the organization's
 * risk matrix, the computed level, the risk owner (6.1.2 c 2), the
 * treatment option, the residual scores and the owner's acceptance.
 *
 * Levels are computed here, never taken from input, on the matrix the risk
 * was assessed with (recorded on the risk): changing the organization's
 * matrix later does not silently reinterpret old scores.
 *
 * Selected controls and the treatment plan are in risk_treatment.h, links
 * between a customer's and a provider's risks in risk_link.h.
 */
#ifndef ISMS_MODEL_RISK_H
#define ISMS_MODEL_RISK_H

#include "model/risk_matrix.h"
#include "model/soa.h"
#include "util/time.h"

enum isms_risk_treatment {
    ISMS_RISK_TREATMENT_UNSET = 0,
    ISMS_RISK_MODIFY, /* reduce with controls */
    ISMS_RISK_RETAIN, /* accept as it is */
    ISMS_RISK_AVOID,  /* stop the activity */
    ISMS_RISK_SHARE,  /* insurance, contract, the provider */
};

/* Derived from the risk's data, never set directly. */
enum isms_risk_status {
    ISMS_RISK_OPEN = 1,            /* no treatment option chosen yet */
    ISMS_RISK_IN_TREATMENT,        /* the plan is not complete (isms_risk_status_of) */
    ISMS_RISK_NOT_ASSESSED,        /* plan complete, residual risk not assessed yet */
    ISMS_RISK_AWAITING_ACCEPTANCE, /* residual level above the acceptance criteria */
    ISMS_RISK_TREATED,             /* plan complete, residual level acceptable */
    ISMS_RISK_ACCEPTED,            /* the owner accepted the residual risk */
};

#define ISMS_RISK_TITLE_MAX 200
#define ISMS_RISK_TEXT_MAX 4000 /* risk source, event, consequence */
#define ISMS_RISK_OWNER_MAX 200
#define ISMS_RISK_THREAT_SOURCE_MAX 31
#define ISMS_RISK_THREAT_ID_MAX 31
#define ISMS_RISK_ASSETS_MAX 100
#define ISMS_RISK_CONTROLS_MAX 100

/* What a user gives for a risk (create and replace). Text fields may be NULL
 * for empty; strings are borrowed. */
struct isms_risk_input {
    const char *title;
    const char *threat;      /* threat library reference "enisa:R9", "ipa:3", "own:12", or NULL */
    const char *risk_source; /* free text: who or what could cause it */
    const char *event;
    const char *consequence;
    const char *owner;      /* the risk owner: a named person or role */
    const char *matrix_key; /* NULL: keep the risk's (new: the org's current matrix) */
    struct isms_risk_score score;
    enum isms_risk_treatment treatment;
    bool has_residual;
    struct isms_risk_score residual;
    bool shared; /* a provider shares it with its customers (risk_link.h) */
    const int64_t *asset_ids;
    size_t asset_count;
};

/* The provider's risk a customer's risk depends on, as the customer may see
 * it (risk_link.h explains the choice of fields). */
struct isms_risk_provider_view {
    int64_t org_id;
    char org_slug[ISMS_ORG_SLUG_MAX + 1];
    char org_name[ISMS_ORG_NAME_MAX + 1];
    int64_t risk_id;
    int64_t risk_number; /* the provider's own number of it */
    char title[ISMS_RISK_TITLE_MAX + 1];
    int level;
    enum isms_risk_band band;
    enum isms_risk_treatment treatment;
    enum isms_risk_status status;
};

struct isms_risk {
    int64_t id;
    int64_t number;        /* the org's own risk number (#1 is its first), what people read */
    int64_t owner_user_id; /* the risk owner as a user; 0 for an owner of before */
    int64_t org_id;
    char title[ISMS_RISK_TITLE_MAX + 1];
    char threat_source[ISMS_RISK_THREAT_SOURCE_MAX + 1];
    char threat_id[ISMS_RISK_THREAT_ID_MAX + 1];
    char *risk_source; /* never NULL */
    char *event;       /* never NULL */
    char *consequence; /* never NULL */
    char owner[ISMS_RISK_OWNER_MAX + 1];
    char matrix_key[ISMS_RISK_MATRIX_KEY_MAX + 1];
    struct isms_risk_score score;
    int level;
    enum isms_risk_band band;
    enum isms_risk_treatment treatment;
    bool has_residual;
    struct isms_risk_score residual;
    int residual_level; /* valid when has_residual */
    enum isms_risk_band residual_band;
    bool residual_acceptable;                  /* residual level meets the acceptance criteria */
    char accepted_by[ISMS_RISK_OWNER_MAX + 1]; /* "" while not accepted */
    char accepted_at[ISMS_TIMESTAMP_SIZE];     /* "" while not accepted */
    int64_t accepted_by_user_id; /* the signed-in owner who accepted; 0: CLI or on their behalf */
    /* The acceptance record (6.1.3 f), valid while accepted_at is set. */
    char *accepted_comment;     /* owned, never NULL once read ("" for none) */
    int accepted_level;         /* the residual level that was accepted */
    bool accepted_on_behalf;    /* a manager recorded it for the owner ... */
    char *accepted_reason;      /* ... for this reason; owned, never NULL once read */
    int accepted_overdue_items; /* plan items overdue when it was accepted */
    bool shared;
    enum isms_risk_status status;
    int open_items;     /* treatment plan items planned or in progress */
    int plan_items;     /* treatment plan items not cancelled (open or done) */
    int64_t *asset_ids; /* owned */
    size_t asset_count;
    char (*controls)[ISMS_SOA_ID_MAX + 1]; /* owned; SoA ids, sorted */
    size_t control_count;
    int64_t provider_org_id; /* the link as stored (0: none) */
    int64_t provider_risk_id;
    bool has_provider; /* the linked provider risk is visible (still shared) */
    struct isms_risk_provider_view provider; /* valid when has_provider */
    int dependent_count;                     /* customers' risks linked to this one (risk_link.h) */
    char created_at[ISMS_TIMESTAMP_SIZE];
    char updated_at[ISMS_TIMESTAMP_SIZE];
};

/* Filters of a risk list; zero/NULL fields do not filter. */
struct isms_risk_filter {
    bool has_level_min;
    int level_min;
    bool residual; /* level_min applies to the residual level */
    enum isms_risk_band band;
    const char *owner; /* exact */
    enum isms_risk_treatment treatment;
    bool treatment_unset; /* risks with no treatment option yet */
    int64_t asset_id;
    const char *control_id; /* risks that selected this SoA control */
    int accepted;           /* 1: accepted only, -1: not accepted only, 0: both */
    const char *query;      /* substring of the title */
    int64_t limit;          /* 1..ISMS_RISK_LIST_MAX; 0: default */
    int64_t offset;
};

#define ISMS_RISK_LIST_DEFAULT 100
#define ISMS_RISK_LIST_MAX 1000
#define ISMS_RISK_QUERY_MAX 200

struct isms_risk_list {
    struct isms_risk *items; /* without asset/control lists */
    size_t count;
    int64_t total; /* matching risks, ignoring limit/offset */
};

/* "modify", "retain", "avoid", "share"; NULL for unset. */
const char *isms_risk_treatment_name(enum isms_risk_treatment t);
int isms_risk_treatment_parse(enum isms_risk_treatment *out, const char *name);
/* "open", "in_treatment", "residual_not_assessed", "awaiting_acceptance",
 * "treated", "accepted". */
const char *isms_risk_status_name(enum isms_risk_status s);
/* Japanese labels for exports. */
const char *isms_risk_treatment_label_ja(enum isms_risk_treatment t);
const char *isms_risk_status_label_ja(enum isms_risk_status s);

/* The signed-in user accepting a risk (web UI / API). */
struct isms_risk_acceptor {
    int64_t user_id;
    const char *name; /* login name */
    const char *display_name;
    bool may_act_for_owner; /* org admin or manager */
};

/* What the accepting user states (ISO/IEC 27001 6.1.3 f). */
struct isms_risk_acceptance_input {
    bool confirmed;          /* "I accept the residual risk": required */
    const char *comment;     /* the owner's words; may be NULL */
    const char *reason;      /* required when recorded on the owner's behalf */
    const char *accepted_by; /* may be NULL; else must be risk.owner */
};
void isms_risk_list_release(struct isms_risk_list *list);

/* How many risks have one combination of scores. */
struct isms_risk_cell {
    struct isms_risk_score score;
    int64_t count;
};

/* Frees the contents of a risk (not the struct). */
void isms_risk_release(struct isms_risk *risk);

#endif
