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
#ifndef ISMS_ISMS_RISK_H
#define ISMS_ISMS_RISK_H

#include "isms/risk_matrix.h"
#include "isms/soa.h"
#include "model/risk.h"

struct isms_store;
struct isms_actor;

/* Derives the status from treatment, residual, acceptance and open items. */
enum isms_risk_status isms_risk_status_of(const struct isms_risk *risk);
/* Sets the status of every risk of a list read from the store. */
void isms_risk_list_derive(struct isms_risk_list *list);

/* Validates `in`, computes the levels on the org's matrix (or in->matrix_key)
 * and stores a new risk of org `org_id`. Fills *out (isms_risk_release it).
 * ISMS_EINVALID naming the field; ISMS_ENOTFOUND for an asset of no such id
 * in this org. Journaled as "risk.create". */
int isms_risk_create(struct isms_risk *out, struct isms_store *store, int64_t org_id,
                     const struct isms_risk_input *in, const struct isms_actor *actor);

/* Validates and stores `count` new risks of org `org_id` in one transaction
 * with one journal event ("risk.import"): all or none (the bulk path of
 * imports and benchmarks). Memory stays constant whatever `count` is.
 * *first_id_out (may be NULL) gets the first id; the others follow. */
int isms_risk_create_many(int64_t *first_id_out, struct isms_store *store, int64_t org_id,
                          const struct isms_risk_input *inputs, size_t count,
                          const struct isms_actor *actor);

/* Replaces the inputs of risk `id` (controls, plan, link and acceptance are
 * kept). Changing the residual scores clears the owner's acceptance: it was
 * given for other values. Turning `shared` off while customers' risks link
 * to it is ISMS_ECONFLICT. Changing the owner needs an actor that is a
 * manager (actor->is_manager), ISMS_EPERM otherwise. Journaled as
 * "risk.update". */
int isms_risk_update(struct isms_risk *out, struct isms_store *store, int64_t org_id, int64_t id,
                     const struct isms_risk_input *in, const struct isms_actor *actor);

/* Risk `id` of org `org_id` with assets, controls and its provider link.
 * ISMS_ENOTFOUND when org `org_id` has no such risk. */
int isms_risk_get(struct isms_risk *out, struct isms_store *store, int64_t org_id, int64_t id);

/* Deletes risk `id`; its controls' SoA justifications drop the risk (see
 * risk_treatment.h). ISMS_ECONFLICT while customers' risks link to it. */
int isms_risk_delete(struct isms_store *store, int64_t org_id, int64_t id,
                     const struct isms_actor *actor);

/* The risk owner accepts the residual risk: `accepted_by` must be the
 * owner's name, the risk must have residual scores. Sets accepted_at. For
 * the command line (`--by NAME`), where nobody is signed in. */
int isms_risk_accept(struct isms_risk *out, struct isms_store *store, int64_t org_id, int64_t id,
                     const char *accepted_by, const struct isms_actor *actor);

/* True when the user owns risk `r`: its owner user, or for an owner of
 * before that names no user, their login or display name. */
bool isms_risk_owned_by(const struct isms_risk *r, int64_t user_id, const char *name,
                        const char *display_name);

/* Acceptance by a signed-in user. The user is the owner when risk.owner is
 * their login or display name: the acceptance records their display name
 * and user id. Otherwise an org admin or manager may record the owner's
 * acceptance on their behalf, giving the reason: accepted_by is then the
 * owner as written on the risk, marked as recorded on their behalf. Anyone
 * else gets ISMS_EPERM. The record keeps the comment, the residual level
 * accepted and how many plan items were overdue then (accepting is allowed
 * while they are, and remembered). ISMS_EINVALID without residual scores,
 * without the confirmation, or on the owner's behalf without a reason. */
int isms_risk_accept_as_user(struct isms_risk *out, struct isms_store *store, int64_t org_id,
                             int64_t id, const struct isms_risk_acceptor *who,
                             const struct isms_risk_acceptance_input *in,
                             const struct isms_actor *actor);

/* The open plan items of risk `id` past their due date (today in UTC), for
 * the warning shown before an acceptance and the acceptance record. */
int isms_risk_overdue_count(int64_t *out, struct isms_store *store, int64_t org_id, int64_t id);

/* Risks of org `org_id` matching `filter`, highest level first. Release
 * with isms_risk_list_release(). */
int isms_risk_list(struct isms_risk_list *out, struct isms_store *store, int64_t org_id,
                   const struct isms_risk_filter *filter);

/* Counts of org `org_id`'s risks per cell of matrix `m`, laid out row-major
 * [vulnerability - min][likelihood - min][impact - min] (the vulnerability
 * dimension only for the asset x threat x vulnerability method), the layout
 * export/heatmap_svg.h draws. `residual` counts residual scores. Only risks
 * assessed on `m` are counted; *other_out gets the number assessed on
 * another matrix. *counts_out is malloc'd (free() it), *cells_out entries. */
int isms_risk_heatmap_counts(int64_t **counts_out, size_t *cells_out, int64_t *other_out,
                             struct isms_store *store, int64_t org_id,
                             const struct isms_risk_matrix *m, bool residual);

#endif
