/*
 * Retention rules (ISO/IEC 27001:2022 A.8.10 information deletion): how long
 * information is kept, counted from which start date (起算日), and the date
 * by which it is due for deletion. The start date is often an event still in
 * the future ("10 years from contract end"): until it is known there is no
 * due date.
 */
#ifndef ISMS_MODEL_RETENTION_H
#define ISMS_MODEL_RETENTION_H

/* A calendar date; {0, 0, 0} is "no date". */
struct isms_date {
    int year, month, day;
};

#define ISMS_DATE_SIZE 11 /* "YYYY-MM-DD" + NUL */
#define ISMS_RETENTION_PERIOD_SIZE 24

/* What the retention period is counted from. */
enum isms_retention_basis {
    ISMS_RETENTION_NONE = 0,       /* no retention rule */
    ISMS_RETENTION_CREATED,        /* creation or receipt of the information (作成日) */
    ISMS_RETENTION_CONTRACT_END,   /* expiry or termination of a contract (契約終了日) */
    ISMS_RETENTION_EMPLOYMENT_END, /* the day an employee leaves (退職日) */
    ISMS_RETENTION_LAST_USE,       /* last use of the information (最終利用日) */
    ISMS_RETENTION_FIXED_DATE,     /* a date the organization sets (指定日) */
};

struct isms_retention_period {
    int years, months, days;
    bool permanent; /* kept for good (永年保存): never due */
};

struct isms_retention {
    enum isms_retention_basis basis;
    struct isms_retention_period period;
    struct isms_date basis_date; /* {0} while not known */
};

bool isms_date_is_set(const struct isms_date *date);

/* "YYYY-MM-DD", also "YYYY/M/D" as spreadsheets write it; the date must exist.
 * ISMS_EINVALID otherwise. */
int isms_date_parse(struct isms_date *out, const char *text);

/* "YYYY-MM-DD", or "" for no date. */
void isms_date_format(char out[ISMS_DATE_SIZE], const struct isms_date *date);

/* -1, 0, 1 as a is before, equal to or after b. */
int isms_date_compare(const struct isms_date *a, const struct isms_date *b);

/* Today's date in UTC. */
void isms_date_today(struct isms_date *out);

/* `date` plus the period: years and months first, the day clamped to the end
 * of the month (31 Jan + 1 month = 28/29 Feb), then days. */
void isms_date_add(struct isms_date *out, const struct isms_date *date,
                   const struct isms_retention_period *period);

/* Accepts "10y", "6m", "90d", "1y6m", "10 years", "6 months", "10年", "10年間",
 * "6ヶ月" (also か月/カ月/ケ月/箇月), "90日", "1年6ヶ月", full-width digits, and
 * "permanent" / "永年" / "永久". ISMS_EINVALID for anything else or a zero
 * period. */
int isms_retention_period_parse(struct isms_retention_period *out, const char *text);

/* Canonical form: "10y", "1y6m", "90d", "permanent". */
void isms_retention_period_format(char out[ISMS_RETENTION_PERIOD_SIZE],
                                  const struct isms_retention_period *period);

/* The period as a Japanese reader writes it: "10年", "1年6か月", "90日", "永年". */
void isms_retention_period_format_ja(char out[ISMS_RETENTION_PERIOD_SIZE * 2],
                                     const struct isms_retention_period *period);

/* "created", "contract_end", "employment_end", "last_use", "fixed_date";
 * NULL for none. parse also takes the Japanese labels (作成日, 契約終了日,
 * 退職日, 最終利用日, 指定日). */
const char *isms_retention_basis_name(enum isms_retention_basis basis);
const char *isms_retention_basis_label_ja(enum isms_retention_basis basis);
/* Creation date, Contract end, ... ("" for none). */
const char *isms_retention_basis_label_en(enum isms_retention_basis basis);
int isms_retention_basis_parse(enum isms_retention_basis *out, const char *text);

/* Builds a rule from its three user-given texts, any of which may be NULL or
 * "": no period and no basis is "no rule". A period needs a basis (a
 * permanent one may go without) and vice versa; a fixed-date basis needs its
 * date. Messages name the field. A rule exists when basis != NONE or the
 * period is permanent. */
int isms_retention_parse(struct isms_retention *out, const char *period, const char *basis,
                         const char *basis_date);

/* The deletion due date: basis date + period. False (and *out zeroed) when
 * there is no rule, the information is kept permanently, or the start date
 * is not known yet. `created` stands in for the basis date of a rule counted
 * from creation when none was given (may be NULL). */
bool isms_retention_due(struct isms_date *out, const struct isms_retention *rule,
                        const struct isms_date *created);

#endif
