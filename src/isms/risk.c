#include "isms_setup.h"
#include "isms/org.h"
#include "isms/risk.h"
#include "isms/risk_provider_view.h"
#include "isms/threat.h"
#include "model/actor.h"
#include "store/risk_search.h"
#include "store/risk_treatment.h"
#include "store/risks.h"
#include "util/array.h"
#include "util/error.h"
#include "util/text.h"

/* A stored risk with what the domain derives from it. */
static int read_risk(struct isms_risk *out, struct isms_store *store, int64_t org_id, int64_t id)
{
    int error = isms_store_risk_get(out, store, org_id, id);

    if (error == 0)
        out->status = isms_risk_status_of(out);
    return error;
}

void isms_risk_list_derive(struct isms_risk_list *list)
{
    for (size_t i = 0; i < list->count; i++)
        list->items[i].status = isms_risk_status_of(&list->items[i]);
}

static int check_texts(const struct isms_risk_input *in)
{
    int error;

    if (!in->title || !*in->title)
        return isms_error_set(ISMS_EINVALID, _("'title' is required"));
    if (!in->owner || !*in->owner)
        return isms_error_set(ISMS_EINVALID, _("'owner' is required: the risk owner "
                                               "(ISO/IEC 27001 6.1.2 c 2)"));
    if ((error = isms_text_check(in->title, ISMS_RISK_TITLE_MAX, false, "title")) < 0 ||
        (error = isms_text_check(in->owner, ISMS_RISK_OWNER_MAX, false, "owner")) < 0 ||
        (error = isms_text_check(in->risk_source ? in->risk_source : "", ISMS_RISK_TEXT_MAX, true,
                                 "risk_source")) < 0 ||
        (error = isms_text_check(in->event ? in->event : "", ISMS_RISK_TEXT_MAX, true, "event")) <
            0 ||
        (error = isms_text_check(in->consequence ? in->consequence : "", ISMS_RISK_TEXT_MAX, true,
                                 "consequence")) < 0)
        return error;
    if (in->asset_count > ISMS_RISK_ASSETS_MAX)
        return isms_error_set(ISMS_ETOOBIG, _("a risk names at most %d assets"),
                              ISMS_RISK_ASSETS_MAX);
    for (size_t i = 0; i < in->asset_count; i++)
        if (in->asset_ids[i] <= 0)
            return isms_error_set(ISMS_EINVALID, _("asset ids are positive integers"));
    return 0;
}

static int dup_into(char **field, const char *value)
{
    char *copy = strdup(value ? value : "");

    if (!copy)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    free(*field);
    *field = copy;
    return 0;
}

/* The level of `score` on `m`, naming the field in the error ("residual ..."). */
static int level_of(int *level, struct isms_risk_score *score, const struct isms_risk_matrix *m,
                    const char *what)
{
    char reason[256];
    int error;

    if (m->method != ISMS_RISK_ASSET_THREAT_VULNERABILITY)
        score->vulnerability = 0;
    if ((error = isms_risk_matrix_level(level, m, score)) < 0) {
        snprintf(reason, sizeof(reason), "%s", isms_error_last());
        return isms_error_set(error, "%s%s", what, reason);
    }
    return 0;
}

/* Copies the inputs into `r` and computes level, band and residual on `m`. */
static int assess(struct isms_risk *r, const struct isms_risk_input *in,
                  const struct isms_risk_matrix *m)
{
    int error;

    snprintf(r->title, sizeof(r->title), "%s", in->title);
    snprintf(r->owner, sizeof(r->owner), "%s", in->owner);
    snprintf(r->matrix_key, sizeof(r->matrix_key), "%s", m->key);
    if ((error = dup_into(&r->risk_source, in->risk_source)) < 0 ||
        (error = dup_into(&r->event, in->event)) < 0 ||
        (error = dup_into(&r->consequence, in->consequence)) < 0)
        return error;
    r->score = in->score;
    r->treatment = in->treatment;
    r->shared = in->shared;
    if ((error = level_of(&r->level, &r->score, m, "")) < 0)
        return error;
    r->band = isms_risk_matrix_band(m, r->level);
    /* Retaining a risk changes nothing: its residual risk is the risk itself. */
    r->has_residual = in->has_residual || in->treatment == ISMS_RISK_RETAIN;
    r->residual = in->has_residual ? in->residual : r->score;
    if (!r->has_residual)
        return 0;
    if ((error = level_of(&r->residual_level, &r->residual, m, "residual ")) < 0)
        return error;
    r->residual_band = isms_risk_matrix_band(m, r->residual_level);
    r->residual_acceptable = isms_risk_matrix_acceptable(m, r->residual_level);
    return 0;
}

static int resolve_threat(struct isms_risk *r, struct isms_store *store, int64_t org_id,
                          const char *ref)
{
    struct isms_threat_info info;
    int error;

    r->threat_source[0] = r->threat_id[0] = '\0';
    if (!ref || !*ref)
        return 0;
    if (strlen(ref) > ISMS_THREAT_REF_MAX)
        return isms_error_set(ISMS_EINVALID, _("'threat' is not a threat reference"));
    if ((error = isms_threat_resolve(&info, store, org_id, ref)) < 0)
        return error == ISMS_ENOTFOUND
                   ? isms_error_set(ISMS_EINVALID, _("unknown threat '%s'"), ref)
                   : error;
    snprintf(r->threat_source, sizeof(r->threat_source), "%s", info.source);
    snprintf(r->threat_id, sizeof(r->threat_id), "%s", info.id);
    return 0;
}

static int copy_assets(struct isms_risk *r, const struct isms_risk_input *in)
{
    free(r->asset_ids);
    r->asset_ids = NULL;
    r->asset_count = 0;
    if (!in->asset_count)
        return 0;
    if (!(r->asset_ids = malloc(in->asset_count * sizeof(*r->asset_ids))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    memcpy(r->asset_ids, in->asset_ids, in->asset_count * sizeof(*r->asset_ids));
    r->asset_count = in->asset_count;
    return 0;
}

/* Only a provider shares risks with its customers (risk_link.h). */
static int check_sharing(struct isms_store *store, int64_t org_id, bool shared)
{
    struct isms_org org;
    int error;

    if (!shared)
        return 0;
    if ((error = isms_org_get(&org, store, org_id)) < 0)
        return error;
    if (org.role != ISMS_ORG_CSP && org.role != ISMS_ORG_BOTH)
        return isms_error_set(ISMS_EINVALID, _("only a cloud service provider (role csp or both) "
                                               "shares risks with its customers"));
    return 0;
}

/* The owner a user of the org: a member (or a system administrator), by
 * login or display name; the risk records the display name. An owner of
 * before that names no user may stay as it is, not be given anew. */
static int resolve_owner(struct isms_risk *r, struct isms_store *store, int64_t org_id,
                         const char *owner, const struct isms_risk *old)
{
    char shown[ISMS_RISK_OWNER_MAX + 1];
    int64_t user_id;
    int error;

    if ((error = isms_store_risk_owner_find(&user_id, shown, sizeof(shown), store, org_id, owner)) <
        0)
        return error;
    if (user_id) {
        r->owner_user_id = user_id;
        snprintf(r->owner, sizeof(r->owner), "%s", shown);
        return 0;
    }
    if (old && !old->owner_user_id && strcmp(owner, old->owner) == 0) {
        r->owner_user_id = 0;
        return 0;
    }
    return isms_error_set(ISMS_EINVALID,
                          _("the risk owner '%.64s' is not a member of this organization: "
                            "choose one of its members"),
                          owner);
}

static int prepare(struct isms_risk *r, struct isms_store *store, int64_t org_id,
                   const struct isms_risk_input *in, const struct isms_risk_matrix *m,
                   const struct isms_risk *old)
{
    int error;

    if ((error = check_texts(in)) < 0 || (error = check_sharing(store, org_id, in->shared)) < 0 ||
        (error = resolve_threat(r, store, org_id, in->threat)) < 0 ||
        (error = assess(r, in, m)) < 0 ||
        (error = resolve_owner(r, store, org_id, in->owner, old)) < 0 ||
        (error = copy_assets(r, in)) < 0)
        return error;
    isms_time_now(r->updated_at);
    return 0;
}

static int matrix_for(struct isms_risk_matrix *m, struct isms_store *store, int64_t org_id,
                      const char *key)
{
    int error;

    if (!key)
        return isms_risk_matrix_for_org(m, store, org_id);
    if ((error = isms_risk_matrix_find(m, store, org_id, key)) == ISMS_ENOTFOUND)
        return isms_error_set(ISMS_EINVALID, _("unknown risk matrix '%s'"), key);
    return error;
}

int isms_risk_create(struct isms_risk *out, struct isms_store *store, int64_t org_id,
                     const struct isms_risk_input *in, const struct isms_actor *actor)
{
    struct isms_risk r = {.org_id = org_id};
    struct isms_risk_matrix m;
    int error;

    if ((error = matrix_for(&m, store, org_id, in->matrix_key)) < 0 ||
        (error = prepare(&r, store, org_id, in, &m, NULL)) < 0 ||
        (error = isms_store_risk_insert(store, &r, actor)) < 0) {
        isms_risk_release(&r);
        return error;
    }
    isms_risk_release(&r);
    return isms_risk_get(out, store, org_id, r.id);
}

/* The owners of a bulk import, each resolved once before the transaction
 * (which holds the connection a lookup would need). */
struct bulk_owner {
    const char *name; /* as the inputs give it */
    int64_t user_id;
    char shown[ISMS_RISK_OWNER_MAX + 1];
};

struct bulk {
    struct isms_store *store;
    int64_t org_id;
    const struct isms_risk_input *inputs;
    const struct isms_risk_matrix *matrix;
    size_t count;
    struct bulk_owner *owners; /* distinct owner names */
    size_t owner_count;
    size_t *owner_of; /* inputs[i]'s index in owners */
};

static bool own_threat(const char *ref)
{
    return ref && strncmp(ref, ISMS_THREAT_SOURCE_OWN ":", sizeof(ISMS_THREAT_SOURCE_OWN)) == 0;
}

/* Runs inside the store's transaction, which holds a pooled connection:
 * nothing here may go back to the store (own threats were checked before). */
static int bulk_next(struct isms_risk *out, size_t i, void *ctx)
{
    const struct bulk *b = ctx;
    struct isms_risk_input in = b->inputs[i];
    char reason[256];
    int error;

    if (own_threat(in.threat)) {
        snprintf(out->threat_source, sizeof(out->threat_source), "%s", ISMS_THREAT_SOURCE_OWN);
        snprintf(out->threat_id, sizeof(out->threat_id), "%s", strchr(in.threat, ':') + 1);
        in.threat = NULL;
    }
    if ((error = check_texts(&in)) < 0 ||
        (in.threat && (error = resolve_threat(out, NULL, b->org_id, in.threat)) < 0) ||
        (error = assess(out, &in, b->matrix)) < 0 || (error = copy_assets(out, &in)) < 0) {
        snprintf(reason, sizeof(reason), "%s", isms_error_last());
        return isms_error_set(error, "risk %zu: %s", i + 1, reason);
    }
    out->owner_user_id = b->owners[b->owner_of[i]].user_id;
    snprintf(out->owner, sizeof(out->owner), "%s", b->owners[b->owner_of[i]].shown);
    isms_time_now(out->updated_at);
    return 0;
}

/* Resolves each distinct owner name once (resolve_owner's rule, no owner of
 * before in an import); an input's error names its position. */
static int resolve_bulk_owners(struct bulk *b)
{
    struct isms_risk probe = {0};
    size_t cap = 0;
    int error;

    if (!(b->owner_of = calloc(b->count + 1, sizeof(*b->owner_of))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    for (size_t i = 0; i < b->count; i++) {
        const char *name = b->inputs[i].owner ? b->inputs[i].owner : "";
        size_t k = 0;
        while (k < b->owner_count && strcmp(b->owners[k].name, name) != 0)
            k++;
        if (k == b->owner_count) {
            if ((error = ISMS_ARRAY_RESERVE(b->owners, cap, b->owner_count)) < 0)
                return error;
            if (*name && (error = resolve_owner(&probe, b->store, b->org_id, name, NULL)) < 0) {
                char reason[256];
                snprintf(reason, sizeof(reason), "%s", isms_error_last());
                return isms_error_set(error, "risk %zu: %s", i + 1, reason);
            }
            b->owners[k] = (struct bulk_owner){name, probe.owner_user_id, ""};
            snprintf(b->owners[k].shown, sizeof(b->owners[k].shown), "%s",
                     *name ? probe.owner : "");
            b->owner_count++;
        }
        b->owner_of[i] = k;
    }
    return 0;
}

static int check_bulk(struct isms_store *store, int64_t org_id,
                      const struct isms_risk_input *inputs, size_t count, struct isms_risk *scratch)
{
    int error;

    for (size_t i = 0; i < count; i++) {
        if (inputs[i].shared && (error = check_sharing(store, org_id, true)) < 0)
            return error;
        if (inputs[i].matrix_key)
            return isms_error_set(ISMS_EINVALID,
                                  _("risk %zu: an import uses the organization's "
                                    "matrix"),
                                  i + 1);
        if (own_threat(inputs[i].threat) &&
            (error = resolve_threat(scratch, store, org_id, inputs[i].threat)) < 0)
            return error;
    }
    return 0;
}

int isms_risk_create_many(int64_t *first_id_out, struct isms_store *store, int64_t org_id,
                          const struct isms_risk_input *inputs, size_t count,
                          const struct isms_actor *actor)
{
    struct isms_risk_matrix m;
    struct bulk b = {store, org_id, inputs, &m, count, NULL, 0, NULL};
    struct isms_risk scratch = {0};
    int error;

    if ((error = isms_risk_matrix_for_org(&m, store, org_id)) < 0 ||
        (error = resolve_bulk_owners(&b)) < 0) {
        free(b.owners), free(b.owner_of);
        return error;
    }
    error = check_bulk(store, org_id, inputs, count, &scratch);
    if (error == 0)
        error = isms_store_risk_insert_many(first_id_out, store, org_id, count, bulk_next, &b,
                                            actor);
    free(b.owners), free(b.owner_of);
    return error;
}

static bool same_residual(const struct isms_risk *a, const struct isms_risk *b)
{
    return a->has_residual == b->has_residual &&
           (!a->has_residual || (a->residual.likelihood == b->residual.likelihood &&
                                 a->residual.impact == b->residual.impact &&
                                 a->residual.vulnerability == b->residual.vulnerability &&
                                 strcmp(a->matrix_key, b->matrix_key) == 0));
}

int isms_risk_update(struct isms_risk *out, struct isms_store *store, int64_t org_id, int64_t id,
                     const struct isms_risk_input *in, const struct isms_actor *actor)
{
    struct isms_risk old, r;
    struct isms_risk_matrix m;
    bool clear_acceptance;
    int error;

    if ((error = read_risk(&old, store, org_id, id)) < 0)
        return error;
    r = old;
    r.risk_source = r.event = r.consequence = NULL;
    r.accepted_comment = r.accepted_reason = NULL;
    r.asset_ids = NULL;
    r.controls = NULL;
    r.asset_count = r.control_count = 0;
    if ((error = matrix_for(&m, store, org_id, in->matrix_key ? in->matrix_key : old.matrix_key)) <
            0 ||
        (error = prepare(&r, store, org_id, in, &m, &old)) < 0)
        goto done;
    /* ISO/IEC 27001 6.1.2 c) 2): the organization assigns risk owners; an
     * owner handing the risk to themselves could then accept it. */
    if (!actor->is_manager &&
        (r.owner_user_id != old.owner_user_id || strcmp(r.owner, old.owner) != 0)) {
        error = isms_error_set(ISMS_EPERM,
                               "only an ISMS manager or administrator may change "
                               "the owner of risk %" PRId64,
                               id);
        goto done;
    }
    /* An acceptance was given for the residual values the owner saw. */
    clear_acceptance = old.accepted_at[0] && !same_residual(&old, &r);
    error = isms_store_risk_update(store, &r, clear_acceptance, actor);
done:
    isms_risk_release(&old);
    isms_risk_release(&r);
    return error < 0 ? error : isms_risk_get(out, store, org_id, id);
}

int isms_risk_get(struct isms_risk *out, struct isms_store *store, int64_t org_id, int64_t id)
{
    struct isms_risk r = {0};
    int error;

    if ((error = read_risk(&r, store, org_id, id)) < 0 ||
        (r.provider_org_id &&
         (error = isms_risk_link_fill(&r, store, r.provider_org_id, r.provider_risk_id)) < 0)) {
        isms_risk_release(&r);
        return error;
    }
    *out = r;
    return 0;
}

/* Stores an acceptance decided by the callers below, then reloads the risk. */
static int store_acceptance(struct isms_risk *out, struct isms_store *store, int64_t org_id,
                            int64_t id, struct isms_risk_acceptance *acceptance,
                            const struct isms_actor *actor)
{
    char now[ISMS_TIMESTAMP_SIZE];
    int error;

    isms_time_now(now);
    acceptance->accepted_at = now;
    if ((error = isms_store_risk_accept(store, org_id, id, acceptance, actor)) < 0)
        return error;
    return isms_risk_get(out, store, org_id, id);
}

/* `accepted_by`, when given, names the owner: the name shown, or for an
 * owner user their login or display name. */
static int check_accepted_by(struct isms_store *store, const struct isms_risk *r,
                             const char *accepted_by)
{
    char shown[ISMS_RISK_OWNER_MAX + 1];
    int64_t user_id = 0;
    int error;

    if (!accepted_by || strcmp(accepted_by, r->owner) == 0)
        return 0;
    if (r->owner_user_id && (error = isms_store_risk_owner_find(&user_id, shown, sizeof(shown),
                                                                store, r->org_id, accepted_by)) < 0)
        return error;
    if (user_id && user_id == r->owner_user_id)
        return 0;
    return isms_error_set(ISMS_EINVALID, "only the risk owner '%s' can accept risk %" PRId64,
                          r->owner, r->id);
}

static int check_residual(const struct isms_risk *r)
{
    if (!r->has_residual)
        return isms_error_set(ISMS_EINVALID, "risk %" PRId64 " has no residual scores to accept",
                              r->id);
    return 0;
}

int isms_risk_accept(struct isms_risk *out, struct isms_store *store, int64_t org_id, int64_t id,
                     const char *accepted_by, const struct isms_actor *actor)
{
    struct isms_risk_acceptance acceptance = {.accepted_by = accepted_by};
    int64_t overdue = 0;
    struct isms_risk r;
    int error;

    if ((error = read_risk(&r, store, org_id, id)) < 0)
        return error;
    if (!accepted_by || !*accepted_by)
        error = isms_error_set(ISMS_EINVALID,
                               _("'accepted_by' is required: the risk owner's name"));
    else if ((error = check_accepted_by(store, &r, accepted_by)) == 0 &&
             (error = check_residual(&r)) == 0)
        error = isms_risk_overdue_count(&overdue, store, org_id, id);
    acceptance.residual_level = r.residual_level;
    acceptance.overdue_items = (int)overdue;
    isms_risk_release(&r);
    if (error < 0)
        return error;
    return store_acceptance(out, store, org_id, id, &acceptance, actor);
}

bool isms_risk_owned_by(const struct isms_risk *r, int64_t user_id, const char *name,
                        const char *display_name)
{
    if (r->owner_user_id)
        return user_id == r->owner_user_id;
    return (name && strcmp(r->owner, name) == 0) ||
           (display_name && strcmp(r->owner, display_name) == 0);
}

static bool is_owner(const struct isms_risk *r, const struct isms_risk_acceptor *who)
{
    return isms_risk_owned_by(r, who->user_id, who->name, who->display_name);
}

/* Fills `acceptance` for `who`: themselves as owner, or the owner by proxy. */
static int decide_acceptor(struct isms_risk_acceptance *acceptance, const struct isms_risk *r,
                           const struct isms_risk_acceptor *who)
{
    if (is_owner(r, who)) {
        *acceptance = (struct isms_risk_acceptance){.accepted_by = who->display_name,
                                                    .accepted_by_user_id = who->user_id};
        return 0;
    }
    if (!who->may_act_for_owner)
        return isms_error_set(ISMS_EPERM,
                              "only the risk owner '%s' (or a manager on their behalf) can "
                              "accept risk %" PRId64,
                              r->owner, r->id);
    *acceptance = (struct isms_risk_acceptance){.accepted_by = r->owner,
                                                .on_behalf_of_owner = true};
    return 0;
}

int isms_risk_overdue_count(int64_t *out, struct isms_store *store, int64_t org_id, int64_t id)
{
    char now[ISMS_TIMESTAMP_SIZE], today[11];

    isms_time_now(now);
    snprintf(today, sizeof(today), "%.10s", now);
    return isms_store_risk_overdue_count(out, store, org_id, id, today);
}

static int check_statement(const struct isms_risk_acceptance_input *in, bool on_behalf)
{
    int error;

    if (!in->confirmed)
        return isms_error_set(ISMS_EINVALID,
                              _("confirm that the residual risk is accepted as it is"));
    if (in->comment &&
        (error = isms_text_check(in->comment, ISMS_RISK_TEXT_MAX, true, "comment")) < 0)
        return error;
    if (on_behalf && (!in->reason || !*in->reason))
        return isms_error_set(ISMS_EINVALID, _("give the reason for recording the acceptance on "
                                               "the risk owner's behalf"));
    if (in->reason && (error = isms_text_check(in->reason, ISMS_RISK_TEXT_MAX, true, "reason")) < 0)
        return error;
    return 0;
}

int isms_risk_accept_as_user(struct isms_risk *out, struct isms_store *store, int64_t org_id,
                             int64_t id, const struct isms_risk_acceptor *who,
                             const struct isms_risk_acceptance_input *in,
                             const struct isms_actor *actor)
{
    struct isms_risk_acceptance acceptance;
    int64_t overdue = 0;
    struct isms_risk r;
    int error;

    if ((error = read_risk(&r, store, org_id, id)) < 0)
        return error;
    if ((error = check_accepted_by(store, &r, in->accepted_by)) == 0 &&
        (error = decide_acceptor(&acceptance, &r, who)) == 0 && (error = check_residual(&r)) == 0 &&
        (error = check_statement(in, acceptance.on_behalf_of_owner)) == 0 &&
        (error = isms_risk_overdue_count(&overdue, store, org_id, id)) == 0) {
        acceptance.comment = in->comment;
        acceptance.reason = acceptance.on_behalf_of_owner ? in->reason : NULL;
        acceptance.residual_level = r.residual_level;
        acceptance.overdue_items = (int)overdue;
    }
    /* acceptance may point into r: store it before releasing r. */
    if (error == 0)
        error = store_acceptance(out, store, org_id, id, &acceptance, actor);
    isms_risk_release(&r);
    return error;
}

int isms_risk_list(struct isms_risk_list *out, struct isms_store *store, int64_t org_id,
                   const struct isms_risk_filter *filter)
{
    struct isms_risk_filter f = *filter;
    int error;

    if (f.limit == 0)
        f.limit = ISMS_RISK_LIST_DEFAULT;
    if (f.limit < 1 || f.limit > ISMS_RISK_LIST_MAX)
        return isms_error_set(ISMS_EINVALID, _("'limit' must be 1..%d"), ISMS_RISK_LIST_MAX);
    if (f.offset < 0)
        return isms_error_set(ISMS_EINVALID, _("'offset' must not be negative"));
    if (f.query && (error = isms_text_check(f.query, ISMS_RISK_QUERY_MAX, false, "q")) < 0)
        return error;
    if (f.owner && (error = isms_text_check(f.owner, ISMS_RISK_OWNER_MAX, false, "owner")) < 0)
        return error;
    if ((error = isms_store_risk_list(out, store, org_id, &f)) < 0)
        return error;
    isms_risk_list_derive(out);
    /* Linked risks show their provider's risk in lists too: one query per page. */
    if ((error = isms_risk_link_fill_list(out, store, org_id)) < 0)
        isms_risk_list_release(out);
    return error;
}

/* Index of `s` in the heat map layout, or -1 when off the scales. */
static long cell_index(const struct isms_risk_matrix *m, const struct isms_risk_score *s)
{
    long lcount = m->likelihood.max - m->likelihood.min + 1;
    long icount = m->impact.max - m->impact.min + 1;
    long l = s->likelihood - m->likelihood.min, i = s->impact - m->impact.min, v = 0;

    if (m->method == ISMS_RISK_ASSET_THREAT_VULNERABILITY) {
        v = s->vulnerability - m->vulnerability.min;
        if (v < 0 || v > m->vulnerability.max - m->vulnerability.min)
            return -1;
    }
    if (l < 0 || l >= lcount || i < 0 || i >= icount)
        return -1;
    return (v * lcount + l) * icount + i;
}

int isms_risk_heatmap_counts(int64_t **counts_out, size_t *cells_out, int64_t *other_out,
                             struct isms_store *store, int64_t org_id,
                             const struct isms_risk_matrix *m, bool residual)
{
    size_t cells = (size_t)(m->likelihood.max - m->likelihood.min + 1) *
                   (size_t)(m->impact.max - m->impact.min + 1);
    struct isms_risk_cell *rows = NULL;
    size_t n = 0;
    int64_t *counts;
    int error;

    if (m->method == ISMS_RISK_ASSET_THREAT_VULNERABILITY)
        cells *= (size_t)(m->vulnerability.max - m->vulnerability.min + 1);
    if (!(counts = calloc(cells, sizeof(*counts))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    *other_out = 0;
    if ((error = isms_store_risk_heatmap(&rows, &n, other_out, store, org_id, m->key, residual)) <
        0) {
        free(counts);
        return error;
    }
    for (size_t k = 0; k < n; k++) {
        long at = cell_index(m, &rows[k].score);
        if (at >= 0)
            counts[at] += rows[k].count;
    }
    free(rows);
    *counts_out = counts;
    *cells_out = cells;
    return 0;
}
