#include "isms_setup.h"
#include "isms/risk_treatment.h"
#include "store/risk_treatment.h"
#include "store/risks.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/text.h"

bool isms_risk_acceptance_required(bool has_residual, bool residual_acceptable,
                                   const char *accepted_at)
{
    return has_residual && !residual_acceptable && !(accepted_at && *accepted_at);
}

/* --- the SoA side of selecting a control --- */

struct merge_ctx {
    int64_t risk_number; /* the org's number of the risk, as its line names it */
    const char *title;
};

/* "risk #42:" - the start of the justification line a risk owns. */
static void line_prefix(char *out, size_t size, int64_t risk_id)
{
    snprintf(out, size, "risk #%" PRId64 ":", risk_id);
}

/* Position of the risk's line in `text`, or NULL. */
static const char *find_line(const char *text, int64_t risk_id)
{
    char prefix[40];
    size_t len;

    line_prefix(prefix, sizeof(prefix), risk_id);
    len = strlen(prefix);
    for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
        if (strncmp(p, prefix, len) == 0)
            return p;
    return NULL;
}

static int replace_justification(struct isms_soa_entry *e, struct isms_buf *text)
{
    char *copy = strdup(isms_buf_cstr(text));

    if (!copy)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    free(e->inclusion_justification);
    e->inclusion_justification = copy;
    return 0;
}

/* Appends "risk #42: <title>" unless the risk has a line already or the
 * justification would outgrow the SoA's limit (risk_controls stays the full
 * record of which risks select a control). */
static int add_line(struct isms_soa_entry *e, const struct merge_ctx *ctx, bool *changed)
{
    struct isms_buf text = ISMS_BUF_INIT(ISMS_SOA_TEXT_MAX);
    int error;

    if (find_line(e->inclusion_justification, ctx->risk_number))
        return 0;
    error = isms_buf_puts(&text, e->inclusion_justification);
    if (error >= 0 && text.len > 0)
        error = isms_buf_putc(&text, '\n');
    if (error >= 0)
        error = isms_buf_printf(&text, "risk #%" PRId64 ": %s", ctx->risk_number, ctx->title);
    if (error == ISMS_ETOOBIG)
        error = 0;
    else if (error >= 0 && (error = replace_justification(e, &text)) >= 0)
        *changed = true;
    isms_buf_release(&text);
    return error;
}

static int remove_line(struct isms_soa_entry *e, int64_t risk_id, bool *changed)
{
    struct isms_buf text = ISMS_BUF_INIT(ISMS_SOA_TEXT_MAX + 1);
    const char *start = find_line(e->inclusion_justification, risk_id), *end;
    int error;

    if (!start)
        return 0;
    end = strchr(start, '\n');
    end = end ? end + 1 : start + strlen(start);
    /* Drop the line and the newline that separated it from the one before. */
    if (!*end && start > e->inclusion_justification)
        start--;
    error = isms_buf_put(&text, e->inclusion_justification,
                         (size_t)(start - e->inclusion_justification));
    if (error >= 0)
        error = isms_buf_puts(&text, end);
    if (error >= 0 && (error = replace_justification(e, &text)) >= 0)
        *changed = true;
    isms_buf_release(&text);
    return error;
}

static int merge_added(struct isms_soa_entry *e, struct isms_store_soa_change *c,
                       const struct merge_ctx *ctx)
{
    if (e->applicability == ISMS_SOA_NOT_APPLICABLE) {
        char *empty = strdup("");
        if (!empty)
            return isms_error_set(ISMS_ENOMEM, "out of memory");
        free(e->exclusion_justification);
        e->exclusion_justification = empty;
        c->was_excluded = true;
    }
    if (e->applicability != ISMS_SOA_APPLICABLE || !(e->inclusion_basis & ISMS_SOA_BASIS_RISK))
        c->changed = true;
    e->applicability = ISMS_SOA_APPLICABLE;
    e->inclusion_basis |= ISMS_SOA_BASIS_RISK;
    return add_line(e, ctx, &c->changed);
}

/* The risk basis goes with the last risk selecting the control, unless
 * nothing else would then justify an applicable control. */
static int merge_removed(struct isms_soa_entry *e, struct isms_store_soa_change *c,
                         const struct merge_ctx *ctx)
{
    int error;

    if ((error = remove_line(e, ctx->risk_number, &c->changed)) < 0)
        return error;
    if (c->other_risks == 0 && (e->inclusion_basis & ISMS_SOA_BASIS_RISK) &&
        ((e->inclusion_basis & ~ISMS_SOA_BASIS_RISK) || *e->inclusion_justification)) {
        e->inclusion_basis &= ~ISMS_SOA_BASIS_RISK;
        c->changed = true;
    }
    return 0;
}

static int merge(struct isms_soa_entry *e, struct isms_store_soa_change *c, void *ctx)
{
    int error = c->added ? merge_added(e, c, ctx) : merge_removed(e, c, ctx);

    if (error >= 0 && c->changed)
        isms_time_now(e->updated_at);
    return error;
}

/* --- selecting controls --- */

struct control_set {
    struct isms_soa_entry *entries;
    bool *selected;
    size_t count;
};

static void control_set_release(struct control_set *s)
{
    for (size_t i = 0; i < s->count; i++)
        isms_soa_entry_release(&s->entries[i]);
    free(s->entries);
    free(s->selected);
}

static int control_set_add(struct control_set *s, struct isms_store *store, int64_t org_id,
                           const char *canonical, bool selected)
{
    int error;

    for (size_t i = 0; i < s->count; i++)
        if (strcmp(s->entries[i].control_id, canonical) == 0) {
            s->selected[i] |= selected;
            return 0;
        }
    error = isms_soa_get(&s->entries[s->count], store, org_id, canonical);

    if (error < 0)
        return error;
    s->selected[s->count++] = selected;
    return 0;
}

/* The entries of `wanted` (selected) and of the risk's current controls
 * (not selected unless wanted too). */
static int control_set_build(struct control_set *s, struct isms_store *store,
                             const struct isms_risk *r, const char *const *wanted, size_t count)
{
    char canonical[ISMS_SOA_ID_MAX + 1];
    int error;

    memset(s, 0, sizeof(*s));
    s->entries = calloc(count + r->control_count + 1, sizeof(*s->entries));
    s->selected = calloc(count + r->control_count + 1, sizeof(*s->selected));
    if (!s->entries || !s->selected)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    for (size_t i = 0; i < count; i++) {
        if (isms_soa_control_resolve(canonical, NULL, NULL, wanted[i]) < 0)
            return isms_error_set(ISMS_EINVALID,
                                  _("'%s' is not an Annex A or ISO/IEC 27017 "
                                    "control"),
                                  wanted[i]);
        if ((error = control_set_add(s, store, r->org_id, canonical, true)) < 0)
            return error;
    }
    for (size_t i = 0; i < r->control_count; i++)
        if ((error = control_set_add(s, store, r->org_id, r->controls[i], false)) < 0)
            return error;
    return 0;
}

int isms_risk_controls_set(struct isms_risk *out, struct isms_store *store, int64_t org_id,
                           int64_t risk_id, const char *const *controls, size_t count,
                           const struct isms_actor *actor)
{
    struct control_set set = {0};
    struct isms_risk r;
    struct merge_ctx ctx;
    int error;

    if (count > ISMS_RISK_CONTROLS_MAX)
        return isms_error_set(ISMS_ETOOBIG, _("a risk selects at most %d controls"),
                              ISMS_RISK_CONTROLS_MAX);
    if ((error = isms_risk_get(&r, store, org_id, risk_id)) < 0)
        return error;
    ctx = (struct merge_ctx){r.number, r.title};
    if ((error = control_set_build(&set, store, &r, controls, count)) >= 0)
        error = isms_store_risk_controls_apply(store, org_id, risk_id, set.entries, set.selected,
                                               set.count, merge, &ctx, false, actor);
    control_set_release(&set);
    isms_risk_release(&r);
    return error < 0 ? error : isms_risk_get(out, store, org_id, risk_id);
}

int isms_risk_delete(struct isms_store *store, int64_t org_id, int64_t id,
                     const struct isms_actor *actor)
{
    struct control_set set = {0};
    struct isms_risk r;
    struct merge_ctx ctx;
    int error;

    if ((error = isms_store_risk_get(&r, store, org_id, id)) < 0)
        return error;
    ctx = (struct merge_ctx){r.number, r.title};
    if ((error = control_set_build(&set, store, &r, NULL, 0)) >= 0)
        error = isms_store_risk_controls_apply(store, org_id, id, set.entries, set.selected,
                                               set.count, merge, &ctx, true, actor);
    control_set_release(&set);
    isms_risk_release(&r);
    return error;
}

/* --- the treatment plan --- */

static bool valid_date(const char *s)
{
    int y, m, d;
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    m = (s[5] - '0') * 10 + (s[6] - '0');
    d = (s[8] - '0') * 10 + (s[9] - '0');
    if (y < 1970 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return false;
    return m != 2 || d < 29 || (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
}

static int check_item(const struct isms_risk_item_input *in)
{
    int error;

    if (!in->action || !*in->action)
        return isms_error_set(ISMS_EINVALID, _("'action' is required"));
    if (!in->owner || !*in->owner)
        return isms_error_set(ISMS_EINVALID, _("'owner' is required"));
    if ((error = isms_text_check(in->action, ISMS_RISK_ACTION_MAX, true, "action")) < 0 ||
        (error = isms_text_check(in->owner, ISMS_RISK_OWNER_MAX, false, "owner")) < 0)
        return error;
    if (!valid_date(in->due_date))
        return isms_error_set(ISMS_EINVALID, _("'due_date' must be a date YYYY-MM-DD"));
    if (in->status &&
        (in->status < ISMS_RISK_ITEM_PLANNED || in->status > ISMS_RISK_ITEM_CANCELLED))
        return isms_error_set(ISMS_EINVALID, _("unknown treatment item status"));
    return 0;
}

int isms_risk_items_list(struct isms_risk_treatment_item **out, size_t *count,
                         struct isms_store *store, int64_t org_id, int64_t risk_id)
{
    return isms_store_risk_items(out, count, store, org_id, risk_id);
}

/* The item as stored (created_at is the store's). */
static int read_back(struct isms_risk_treatment_item *out, struct isms_store *store,
                     const struct isms_risk_treatment_item *it)
{
    struct isms_risk_treatment_item *items = NULL;
    size_t n = 0;
    int error;

    if ((error = isms_store_risk_items(&items, &n, store, it->org_id, it->risk_id)) < 0)
        return error;
    error = isms_error_set(ISMS_ENOTFOUND, "treatment item %" PRId64 " not found", it->id);
    for (size_t i = 0; i < n; i++)
        if (items[i].id == it->id) {
            *out = items[i];
            error = 0;
        }
    free(items);
    return error;
}

int isms_risk_item_save(struct isms_risk_treatment_item *out, struct isms_store *store,
                        int64_t org_id, int64_t risk_id, int64_t item_id,
                        const struct isms_risk_item_input *in, const struct isms_actor *actor)
{
    struct isms_risk_treatment_item it = {.id = item_id, .org_id = org_id, .risk_id = risk_id};
    int error;

    if ((error = check_item(in)) < 0)
        return error;
    snprintf(it.action, sizeof(it.action), "%s", in->action);
    snprintf(it.owner, sizeof(it.owner), "%s", in->owner);
    snprintf(it.due_date, sizeof(it.due_date), "%s", in->due_date);
    it.status = in->status ? in->status : ISMS_RISK_ITEM_PLANNED;
    isms_time_now(it.updated_at);
    if ((error = isms_store_risk_item_save(store, &it, actor)) < 0)
        return error;
    return read_back(out, store, &it);
}

int isms_risk_item_delete(struct isms_store *store, int64_t org_id, int64_t risk_id,
                          int64_t item_id, const struct isms_actor *actor)
{
    return isms_store_risk_item_delete(store, org_id, risk_id, item_id, actor);
}

int isms_risk_plan_load(struct isms_risk_plan_row **out, size_t *count, struct isms_store *store,
                        int64_t org_id)
{
    return isms_store_risk_plan(out, count, store, org_id);
}
