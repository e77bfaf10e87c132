/*
 * Risk matrices as data (ISO/IEC 27001 6.1.2 b: risk acceptance criteria and
 * criteria for performing risk assessments): how a risk's scores combine
 * into a level, which levels are acceptable and how levels are banded for
 * colouring. Built in:
 *
 *   "iso27005-5x5"  ISO/IEC 27005 example matrix used by ENISA (2009):
 *                   likelihood 0-4 + business impact 0-4 = level 0-8;
 *                   bands low 0-2, medium 3-5, high 6-8; acceptable <= 2
 *   "jp-atv-3"      the common Japanese method: asset value (C/I/A, 1-3)
 *                   x threat (1-3) x vulnerability (1-3) = level 1-27;
 *                   bands low 1-4, medium 5-11, high 12-27; acceptable <= 8
 *
 * An organization uses the default "iso27005-5x5" until it picks another
 * built-in or defines its own (3 to 6 levels per axis, additive or
 * multiplicative, labels in Japanese and English).
 *
 * Nothing here hard-codes a threshold, label or band: callers ask the
 * matrix. The maths functions are pure; only isms_risk_matrix_for_org and
 * the org functions at the end touch the store.
 */
#ifndef ISMS_ISMS_RISK_MATRIX_H
#define ISMS_ISMS_RISK_MATRIX_H

#include "model/risk_matrix.h"

struct isms_store;
struct isms_actor;

/* The built-in matrix `key` ("iso27005-5x5", "jp-atv-3"), or NULL.
 * Borrowed, immutable, lives for the whole process. */
const struct isms_risk_matrix *isms_risk_matrix_builtin(const char *key);
size_t isms_risk_matrix_builtin_count(void);
/* The i-th built-in matrix, NULL past the end. */
const struct isms_risk_matrix *isms_risk_matrix_builtin_at(size_t i);

/* Checks a (custom) definition: key, names, method, 3..6 levels per axis,
 * every label present, threshold and bands within the level range.
 * ISMS_EINVALID with a message naming the field otherwise. */
int isms_risk_matrix_validate(const struct isms_risk_matrix *m);

/* Lowest and highest level the matrix can produce. */
void isms_risk_matrix_level_range(const struct isms_risk_matrix *m, int *min_out, int *max_out);

/* The level of `score`. ISMS_EINVALID naming the out-of-range input
 * ("likelihood 5 is outside 0..4") otherwise; *level_out untouched then. */
int isms_risk_matrix_level(int *level_out, const struct isms_risk_matrix *m,
                           const struct isms_risk_score *score);

/* Whether a risk of `level` meets the acceptance criteria. */
bool isms_risk_matrix_acceptable(const struct isms_risk_matrix *m, int level);

enum isms_risk_band isms_risk_matrix_band(const struct isms_risk_matrix *m, int level);

/* --- An organization's matrices (store-backed) --- */

/* The matrix org `org_id` uses: its choice, else the ISO/IEC 27005 5x5
 * default. Copies into *out. */
int isms_risk_matrix_for_org(struct isms_risk_matrix *out, struct isms_store *store,
                             int64_t org_id);

/* A matrix org `org_id` may use: a built-in by key, else one of its custom
 * ones. ISMS_ENOTFOUND when neither. */
int isms_risk_matrix_find(struct isms_risk_matrix *out, struct isms_store *store, int64_t org_id,
                          const char *key);

/* Org `org_id`'s custom matrices, by key. *out is owned by the caller: free() it. */
int isms_risk_matrix_list_custom(struct isms_risk_matrix **out, size_t *count,
                                 struct isms_store *store, int64_t org_id);

/* Validates `def` and stores it as a custom matrix of org `org_id`,
 * replacing the org's custom matrix with the same key (whose id is kept).
 * A built-in key is ISMS_ECONFLICT. Fills *out with the stored matrix. */
int isms_risk_matrix_define(struct isms_risk_matrix *out, struct isms_store *store,
                            const struct isms_actor *actor, int64_t org_id,
                            const struct isms_risk_matrix *def);

/* Makes org `org_id` use the built-in or custom matrix `key` from now on.
 * ISMS_ENOTFOUND for an unknown key. Fills *out with that matrix. */
int isms_risk_matrix_use(struct isms_risk_matrix *out, struct isms_store *store,
                         const struct isms_actor *actor, int64_t org_id, const char *key);

#endif
