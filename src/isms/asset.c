#include "isms_setup.h"
#include <strings.h>
#include "isms/asset.h"
#include "store/assets.h"
#include "util/error.h"
#include "util/text.h"

static int fail_field(const char **field_out, const char *field, int error)
{
    if (field_out)
        *field_out = field;
    return error;
}

static int check_text(const char **field_out, const char *s, size_t max, bool multiline,
                      const char *field)
{
    int error = isms_text_check(s ? s : "", max, multiline, field);

    return error < 0 ? fail_field(field_out, field, error) : 0;
}

static int check_cia(const char **field_out, int value, const char *field)
{
    if (value >= ISMS_ASSET_CIA_MIN && value <= ISMS_ASSET_CIA_MAX)
        return 0;
    return fail_field(field_out, field,
                      isms_error_set(ISMS_EINVALID, _("'%s' must be %d to %d, not %d"), field,
                                     ISMS_ASSET_CIA_MIN, ISMS_ASSET_CIA_MAX, value));
}

int isms_asset_check(const struct isms_asset_input *in, const char **field_out)
{
    const struct isms_retention *r = &in->retention;
    int error;

    if (!in->name || !*in->name)
        return fail_field(field_out, "name",
                          isms_error_set(ISMS_EINVALID, _("'name' is required")));
    if (!in->owner || !*in->owner)
        return fail_field(field_out, "owner",
                          isms_error_set(ISMS_EINVALID, _("'owner' is required")));
    if ((error = check_text(field_out, in->name, ISMS_ASSET_NAME_MAX, false, "name")) < 0 ||
        (error = check_text(field_out, in->owner, ISMS_ASSET_OWNER_MAX, false, "owner")) < 0 ||
        (error = check_text(field_out, in->location, ISMS_ASSET_LOCATION_MAX, false, "location")) <
            0 ||
        (error = check_text(field_out, in->notes, ISMS_ASSET_NOTES_MAX, true, "notes")) < 0)
        return error;
    if (in->type < ISMS_ASSET_INFORMATION || in->type > ISMS_ASSET_OTHER)
        return fail_field(field_out, "type",
                          isms_error_set(ISMS_EINVALID, _("'type' is required")));
    if (in->classification < ISMS_CLASS_PUBLIC || in->classification > ISMS_CLASS_SECRET)
        return fail_field(field_out, "classification",
                          isms_error_set(ISMS_EINVALID, _("'classification' is required")));
    if ((error = check_cia(field_out, in->confidentiality, "confidentiality")) < 0 ||
        (error = check_cia(field_out, in->integrity, "integrity")) < 0 ||
        (error = check_cia(field_out, in->availability, "availability")) < 0)
        return error;
    if (in->cloud_service_id < 0)
        return fail_field(field_out, "cloud_service_id",
                          isms_error_set(ISMS_EINVALID, _("'cloud_service_id' must be positive")));
    /* Rules come from isms_retention_parse; a hand-built one must be as sound. */
    if (r->basis > ISMS_RETENTION_FIXED_DATE ||
        (r->basis == ISMS_RETENTION_NONE && !r->period.permanent &&
         (r->period.years || r->period.months || r->period.days)) ||
        (r->basis == ISMS_RETENTION_FIXED_DATE && !isms_date_is_set(&r->basis_date)))
        return fail_field(field_out, "retention_basis",
                          isms_error_set(ISMS_EINVALID, _("the retention rule is incomplete")));
    return 0;
}

bool isms_asset_due(struct isms_date *out, const struct isms_asset_input *in,
                    const struct isms_date *today)
{
    return isms_retention_due(out, &in->retention, today);
}

int isms_asset_get(struct isms_asset *out, struct isms_store *store, int64_t org_id, int64_t id)
{
    return isms_store_asset_get(out, store, org_id, id);
}

int isms_asset_create(struct isms_asset *out, struct isms_store *store, int64_t org_id,
                      const struct isms_asset_input *in, const struct isms_actor *actor)
{
    int64_t id;
    int error;

    if ((error = isms_asset_create_many(&id, store, org_id, in, 1, actor)) < 0)
        return error;
    return isms_asset_get(out, store, org_id, id);
}

/* The "created" basis without a date counts from the day the asset is registered. */
int isms_asset_create_many(int64_t *first_id_out, struct isms_store *store, int64_t org_id,
                           const struct isms_asset_input *inputs, size_t count,
                           const struct isms_actor *actor)
{
    char now[ISMS_TIMESTAMP_SIZE];
    struct isms_date today, *dues;
    int64_t first_id = 0;
    int error = 0;

    for (size_t i = 0; i < count; i++) {
        char reason[256];
        if ((error = isms_asset_check(&inputs[i], NULL)) == 0)
            continue;
        if (count == 1)
            return error;
        snprintf(reason, sizeof(reason), "%s", isms_error_last());
        return isms_error_set(error, "asset %zu: %s", i + 1, reason);
    }
    if (!(dues = calloc(count ? count : 1, sizeof(*dues))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    isms_time_now(now);
    isms_date_today(&today);
    for (size_t i = 0; i < count; i++)
        isms_asset_due(&dues[i], &inputs[i], &today);
    error = isms_store_asset_insert(&first_id, store, org_id, inputs, dues, count, now, count > 1,
                                    actor);
    free(dues);
    if (error == 0 && first_id_out)
        *first_id_out = first_id;
    return error;
}

int isms_asset_update(struct isms_asset *out, struct isms_store *store, int64_t org_id, int64_t id,
                      const struct isms_asset_input *in, const struct isms_actor *actor)
{
    struct isms_asset current;
    char now[ISMS_TIMESTAMP_SIZE];
    struct isms_date created, due;
    int error;

    if ((error = isms_asset_get(&current, store, org_id, id)) < 0)
        return error;
    /* "Counted from creation" keeps meaning the asset's original registration. */
    snprintf(now, sizeof(now), "%.10s", current.created_at);
    if (isms_date_parse(&created, now) < 0)
        isms_date_today(&created);
    isms_asset_release(&current);
    if ((error = isms_asset_check(in, NULL)) < 0)
        return error;
    isms_asset_due(&due, in, &created);
    isms_time_now(now);
    if ((error = isms_store_asset_update(store, org_id, id, in, &due, now, actor)) < 0)
        return error;
    return isms_asset_get(out, store, org_id, id);
}

int isms_asset_delete(struct isms_store *store, int64_t org_id, int64_t id,
                      const struct isms_actor *actor)
{
    return isms_store_asset_delete(store, org_id, id, actor);
}

static int page_add(void *ctx, const struct isms_asset *asset)
{
    struct isms_asset_page *page = ctx;
    struct isms_asset *slot = &page->items[page->count];
    const char *const texts[] = {asset->name, asset->owner, asset->location,
                                 asset->cloud_service_name, asset->notes};
    char **copies[] = {&slot->name, &slot->owner, &slot->location, &slot->cloud_service_name,
                       &slot->notes};

    *slot = *asset;
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(texts); i++)
        *copies[i] = NULL;
    page->count++;
    for (size_t i = 0; i < ISMS_ARRAY_SIZE(texts); i++)
        if (!(*copies[i] = strdup(texts[i])))
            return isms_error_set(ISMS_ENOMEM, "out of memory");
    return 0;
}

int isms_asset_list(struct isms_asset_page *out, struct isms_store *store, int64_t org_id,
                    const struct isms_asset_filter *filter)
{
    struct isms_asset_filter f = *filter;
    struct isms_asset_page page = {0};
    int error;

    memset(out, 0, sizeof(*out));
    if (f.limit > ISMS_ASSET_LIST_MAX)
        return isms_error_set(ISMS_EINVALID, _("'limit' must be at most %d"), ISMS_ASSET_LIST_MAX);
    if (f.name_contains && strlen(f.name_contains) > ISMS_ASSET_QUERY_MAX)
        return isms_error_set(ISMS_ETOOBIG, _("the name filter is longer than %d bytes"),
                              ISMS_ASSET_QUERY_MAX);
    if (f.limit == 0)
        f.limit = ISMS_ASSET_LIST_DEFAULT;
    if ((error = isms_store_asset_count(&page.total, store, org_id, &f)) < 0)
        return error;
    if (!(page.items = calloc(f.limit, sizeof(*page.items))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    if ((error = isms_store_asset_query(store, org_id, &f, page_add, &page)) < 0) {
        isms_asset_page_release(&page);
        return error;
    }
    *out = page;
    return 0;
}

int isms_asset_each(struct isms_store *store, int64_t org_id,
                    const struct isms_asset_filter *filter, isms_asset_visit_fn visit, void *ctx)
{
    if (filter->name_contains && strlen(filter->name_contains) > ISMS_ASSET_QUERY_MAX)
        return isms_error_set(ISMS_ETOOBIG, _("the name filter is longer than %d bytes"),
                              ISMS_ASSET_QUERY_MAX);
    return isms_store_asset_query(store, org_id, filter, visit, ctx);
}
