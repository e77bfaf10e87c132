/* SQL for an org's custom risk matrices and its matrix choice (rules live in
 * isms/risk_matrix*.c). Every statement is scoped by org_id. */
#ifndef ISMS_STORE_RISK_MATRICES_H
#define ISMS_STORE_RISK_MATRICES_H

struct isms_store;
struct isms_actor;
struct isms_risk_matrix;

/* Custom matrix `key` of org `org_id`; ISMS_ENOTFOUND when it has none. */
int isms_store_risk_matrix_get(struct isms_risk_matrix *out, struct isms_store *store,
                               int64_t org_id, const char *key);

/* All custom matrices of org `org_id` by key; *out is owned by the caller (free()). */
int isms_store_risk_matrix_list(struct isms_risk_matrix **out, size_t *count,
                                struct isms_store *store, int64_t org_id);

/* Inserts `m` (already validated) as org `org_id`'s or replaces its matrix
 * with the same key, sets m->id, journals "risk_matrix.define" in one transaction. */
int isms_store_risk_matrix_save(struct isms_store *store, const struct isms_actor *actor,
                                int64_t org_id, struct isms_risk_matrix *m);

/* The key of the matrix org `org_id` chose, into key[ISMS_RISK_MATRIX_KEY_MAX + 1];
 * ISMS_ENOTFOUND while it has not chosen. */
int isms_store_risk_matrix_choice(char *key, struct isms_store *store, int64_t org_id);

/* Records that org `org_id` uses matrix `key`, journaled as "risk_matrix.use". */
int isms_store_risk_matrix_choose(struct isms_store *store, const struct isms_actor *actor,
                                  int64_t org_id, const char *key);

#endif
