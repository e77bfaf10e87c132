/* The deletion due list and records (deletion.h). */
#include "isms_setup.h"
#include "isms/deletion.h"
#include "store/deletions.h"
#include "util/error.h"
#include "util/text.h"

/* A deletion record marks the asset's information deleted, whatever its date. */
static enum isms_deletion_status status_of(const struct isms_deletion_due *d,
                                           const struct isms_date *today)
{
    struct isms_date soon = *today;

    if (isms_date_is_set(&d->deleted_on))
        return ISMS_DELETION_DELETED;
    if (!isms_date_is_set(&d->due))
        return ISMS_DELETION_NO_DATE;
    if (isms_date_compare(&d->due, today) < 0)
        return ISMS_DELETION_OVERDUE;
    isms_date_add(&soon, today,
                  &(struct isms_retention_period){0, 0, ISMS_DELETION_SOON_DAYS, false});
    return isms_date_compare(&d->due, &soon) <= 0 ? ISMS_DELETION_DUE : ISMS_DELETION_SCHEDULED;
}

int isms_deletion_due_list(struct isms_deletion_due **out, size_t *count, struct isms_store *store,
                           int64_t org_id, const struct isms_date *today,
                           enum isms_deletion_status status)
{
    struct isms_deletion_due *items = NULL;
    size_t n = 0, kept = 0;
    int error;

    *out = NULL;
    *count = 0;
    if ((error = isms_store_deletion_due(&items, &n, store, org_id)) < 0)
        return error;
    for (size_t i = 0; i < n; i++) {
        items[i].status = status_of(&items[i], today);
        if (!status || items[i].status == status)
            items[kept++] = items[i];
    }
    /* The store orders by due date; what is overdue comes first anyway. */
    *out = items;
    *count = kept;
    return 0;
}

int isms_deletion_count(struct isms_deletion_counts *out, struct isms_store *store, int64_t org_id,
                        const struct isms_date *today)
{
    struct isms_deletion_due *items = NULL;
    size_t n = 0;
    int error;

    memset(out, 0, sizeof(*out));
    if ((error = isms_deletion_due_list(&items, &n, store, org_id, today, 0)) < 0)
        return error;
    isms_deletion_count_items(out, items, n);
    free(items);
    return 0;
}

void isms_deletion_count_items(struct isms_deletion_counts *out,
                               const struct isms_deletion_due *items, size_t count)
{
    memset(out, 0, sizeof(*out));
    for (size_t i = 0; i < count; i++)
        out->by_status[items[i].status]++;
}

static int check_date(struct isms_date *out, const char *text)
{
    struct isms_date today;

    if (!text || isms_date_parse(out, text) < 0 || !isms_date_is_set(out))
        return isms_error_set(ISMS_EINVALID, _("'date' must be the day of the deletion "
                                               "(YYYY-MM-DD)"));
    isms_date_today(&today);
    if (isms_date_compare(out, &today) > 0)
        return isms_error_set(ISMS_EINVALID, _("a deletion cannot be recorded before it happens: "
                                               "the date is in the future"));
    return 0;
}

static int parse_asset(int64_t *out, const char *text)
{
    char *end;
    long long v;

    *out = 0;
    if (!text || !*text)
        return 0;
    v = strtoll(text, &end, 10);
    if (*end || v <= 0)
        return isms_error_set(ISMS_EINVALID, _("'asset' must be an asset id, not '%.40s'"), text);
    *out = v;
    return 0;
}

int isms_deletion_record(int64_t *id_out, struct isms_store *store, int64_t org_id,
                         const struct isms_deletion_input *in, const struct isms_actor *actor)
{
    struct isms_deletion_record r;
    int error;

    memset(&r, 0, sizeof(r));
    if ((error = parse_asset(&r.asset_id, in->asset)) < 0 ||
        (error = isms_text_take(r.what, sizeof(r.what), in->what, !r.asset_id, false, "what")) <
            0 ||
        (error = check_date(&r.deleted_on, in->date)) < 0 ||
        (error = isms_deletion_method_parse(&r.method, in->method)) < 0 ||
        (error = isms_text_take(r.responsible, sizeof(r.responsible), in->responsible, true, false,
                                "responsible")) < 0 ||
        (error = isms_text_take(r.evidence, sizeof(r.evidence), in->evidence, false, true,
                                "evidence")) < 0 ||
        (error = isms_text_take(r.notes, sizeof(r.notes), in->notes, false, true, "notes")) < 0)
        return error;
    return isms_store_deletion_record_add(id_out, store, org_id, &r, actor);
}

int isms_deletion_records(struct isms_deletion_record **out, size_t *count,
                          struct isms_store *store, int64_t org_id, int64_t asset_id)
{
    return isms_store_deletion_records(out, count, store, org_id, asset_id);
}
