#include "isms_setup.h"
#include <jansson.h>
#include <strings.h>
#include "isms/control_impl.h"
#include "isms/evidence.h"
#include "isms/membership.h"
#include "isms/soa.h"
#include "sec/random.h"
#include "store/control_impls.h"
#include "util/error.h"
#include "util/text.h"

/* A row for SoA entry `e`: its recorded implementation `stored` (taken
 * over), or nothing started yet. */
static int row_fill(struct isms_control_row *row, const struct isms_soa_entry *e,
                    struct isms_control_impl *stored)
{
    memset(row, 0, sizeof(*row));
    row->control = e->control;
    if (strcmp(e->catalog_key, ISMS_CATALOG_27001_2022) == 0)
        row->guidance = isms_control_guidance_find(e->control->id);
    if (stored) {
        row->impl = *stored;
        return 0;
    }
    snprintf(row->impl.control_id, sizeof(row->impl.control_id), "%s", e->control_id);
    row->impl.status = ISMS_CONTROL_NOT_STARTED;
    if (!(row->impl.notes = strdup("")))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    return 0;
}

void isms_control_rows_free(struct isms_control_row *rows, size_t count)
{
    if (!rows)
        return;
    for (size_t i = 0; i < count; i++)
        isms_control_impl_release(&rows[i].impl);
    free(rows);
}

static struct isms_control_impl *find_record(struct isms_control_impl *records, size_t count,
                                             const char *control_id)
{
    for (size_t i = 0; i < count; i++)
        if (strcmp(records[i].control_id, control_id) == 0)
            return &records[i];
    return NULL;
}

int isms_control_impl_list(struct isms_control_row **out, size_t *count, struct isms_store *store,
                           int64_t org_id)
{
    struct isms_control_impl *records = NULL;
    struct isms_control_row *rows = NULL;
    size_t record_count = 0, n = 0;
    struct isms_soa soa;
    int error;

    if ((error = isms_control_guidance_load()) < 0 ||
        (error = isms_soa_load(&soa, store, org_id)) < 0)
        return error;
    if ((error = isms_store_control_impl_list(&records, &record_count, store, org_id)) < 0)
        goto done;
    if (!(rows = calloc(soa.count + 1, sizeof(*rows)))) {
        error = isms_error_set(ISMS_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < soa.count && error == 0; i++) {
        struct isms_control_impl *stored;
        if (soa.entries[i].applicability != ISMS_SOA_APPLICABLE)
            continue;
        stored = find_record(records, record_count, soa.entries[i].control_id);
        error = row_fill(&rows[n++], &soa.entries[i], stored);
        if (stored)
            stored->notes = NULL; /* the row owns them now */
    }
done:
    isms_control_impls_free(records, record_count);
    isms_soa_release(&soa);
    if (error < 0) {
        isms_control_rows_free(rows, n);
        return error;
    }
    *out = rows;
    *count = n;
    return 0;
}

/* The SoA entry of `id` and its row. */
static int load_row(struct isms_control_row *out, enum isms_soa_applicability *applicability,
                    struct isms_store *store, int64_t org_id, const char *id)
{
    struct isms_control_impl stored;
    struct isms_soa_entry entry;
    int error;

    if ((error = isms_control_guidance_load()) < 0 ||
        (error = isms_soa_get(&entry, store, org_id, id)) < 0)
        return error;
    *applicability = entry.applicability;
    error = isms_store_control_impl_get(&stored, store, org_id, entry.control_id);
    if (error == 0 || error == ISMS_ENOTFOUND)
        error = row_fill(out, &entry, error == 0 ? &stored : NULL);
    isms_soa_entry_release(&entry);
    return error;
}

int isms_control_impl_get(struct isms_control_row *out, struct isms_store *store, int64_t org_id,
                          const char *id)
{
    enum isms_soa_applicability applicability;

    return load_row(out, &applicability, store, org_id, id);
}

int isms_control_review_interval_parse(int *out, const char *text)
{
    char *end;
    long n;

    *out = -1;
    if (!text || !*text)
        return 0;
    n = strtol(text, &end, 10);
    if (end == text || *end || n < 0 || n > ISMS_CONTROL_REVIEW_MONTHS_MAX)
        return isms_error_set(ISMS_EINVALID, _("'review_interval_months' must be 0 to %d"),
                              ISMS_CONTROL_REVIEW_MONTHS_MAX);
    *out = (int)n;
    return 0;
}

static int parse_date_field(struct isms_date *out, const char *text, const char *field)
{
    if (!text)
        return 0;
    if (!*text) {
        *out = (struct isms_date){0};
        return 0;
    }
    if (isms_date_parse(out, text) < 0)
        return isms_error_set(ISMS_EINVALID, _("'%s' must be a date (YYYY-MM-DD), not '%.40s'"),
                              field, text);
    return 0;
}

/* The owner: a member of the org by login name ("" for none). */
static int resolve_owner(struct isms_control_impl *impl, struct isms_store *store, int64_t org_id,
                         const char *name)
{
    struct isms_member *members = NULL;
    size_t count = 0;
    int error;

    if (!name)
        return 0;
    impl->owner_user_id = 0;
    impl->owner[0] = '\0';
    if (!*name)
        return 0;
    if ((error = isms_membership_list(&members, &count, store, org_id)) < 0)
        return error;
    error = isms_error_set(ISMS_EINVALID,
                           _("'owner' must be a member of the organization, not '%.64s'"), name);
    for (size_t i = 0; i < count; i++)
        if (strcmp(members[i].name, name) == 0) {
            impl->owner_user_id = members[i].user_id;
            snprintf(impl->owner, sizeof(impl->owner), "%s",
                     members[i].display_name[0] ? members[i].display_name : members[i].name);
            error = 0;
        }
    free(members);
    return error;
}

static int apply_texts(struct isms_control_impl *impl, const struct isms_control_impl_change *c)
{
    int error;

    if ((c->status && (error = isms_control_status_parse(&impl->status, c->status)) < 0) ||
        (c->level &&
         (error = *c->level ? isms_control_level_parse(&impl->level, c->level) : 0) < 0) ||
        (c->target_level &&
         (error = *c->target_level ? isms_control_level_parse(&impl->target_level, c->target_level)
                                   : 0) < 0))
        return error;
    if (c->level && !*c->level)
        impl->level = ISMS_LEVEL_NONE;
    if (c->target_level && !*c->target_level)
        impl->target_level = ISMS_LEVEL_NONE;
    if ((error = parse_date_field(&impl->due, c->due, "due")) < 0 ||
        (error = parse_date_field(&impl->last_review, c->last_review, "last_review")) < 0 ||
        (error = parse_date_field(&impl->next_review, c->review_due, "review_due")) < 0)
        return error;
    if (c->notes) {
        char *notes;
        if ((error = isms_text_check(c->notes, ISMS_CONTROL_NOTES_MAX, true, "notes")) < 0)
            return error;
        if (!(notes = strdup(c->notes)))
            return isms_error_set(ISMS_ENOMEM, "out of memory");
        free(impl->notes);
        impl->notes = notes;
    }
    return 0;
}

/* The rules a record keeps whatever was changed. */
static int check_record(struct isms_control_impl *impl, const struct isms_control_impl_change *c)
{
    if (c->review_interval_months >= 0) {
        if (c->review_interval_months > ISMS_CONTROL_REVIEW_MONTHS_MAX)
            return isms_error_set(ISMS_EINVALID, _("'review_interval_months' must be 0 to %d"),
                                  ISMS_CONTROL_REVIEW_MONTHS_MAX);
        impl->review_interval_months = c->review_interval_months;
    }
    if (impl->level && impl->target_level && impl->level > impl->target_level)
        return isms_error_set(ISMS_EINVALID,
                              _("the level reached cannot be above the target level"));
    /* The next review follows from the last one unless it was given. */
    if (!c->review_due && impl->review_interval_months && isms_date_is_set(&impl->last_review) &&
        (c->last_review || c->review_interval_months >= 0))
        isms_date_add(&impl->next_review, &impl->last_review,
                      &(struct isms_retention_period){0, impl->review_interval_months, 0, false});
    return 0;
}

static char *change_detail(const struct isms_control_impl *impl)
{
    char due[ISMS_DATE_SIZE], next[ISMS_DATE_SIZE];
    json_t *detail;
    char *text;

    isms_date_format(due, &impl->due);
    isms_date_format(next, &impl->next_review);
    detail = json_pack("{s:s, s:s?, s:s?, s:s, s:s, s:s}", "status",
                       isms_control_status_name(impl->status), "level",
                       isms_control_level_name(impl->level), "target_level",
                       isms_control_level_name(impl->target_level), "owner", impl->owner, "due",
                       due, "next_review", next);
    text = detail ? json_dumps(detail, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    json_decref(detail);
    return text;
}

int isms_control_impl_set(struct isms_control_row *out, struct isms_store *store, int64_t org_id,
                          const char *id, const struct isms_control_impl_change *change,
                          const struct isms_actor *actor)
{
    enum isms_soa_applicability applicability;
    enum isms_control_level old_level;
    char *detail = NULL;
    int error;

    if ((error = load_row(out, &applicability, store, org_id, id)) < 0)
        return error;
    old_level = out->impl.level;
    if (applicability != ISMS_SOA_APPLICABLE)
        error = isms_error_set(ISMS_EINVALID,
                               _("control '%s' is not applicable in the Statement of "
                                 "Applicability: decide it applicable first"),
                               out->impl.control_id);
    if (error == 0 && (error = apply_texts(&out->impl, change)) == 0 &&
        (error = resolve_owner(&out->impl, store, org_id, change->owner)) == 0 &&
        (error = check_record(&out->impl, change)) == 0) {
        isms_time_now(out->impl.updated_at);
        if (!(detail = change_detail(&out->impl)))
            error = isms_error_set(ISMS_ENOMEM, "out of memory");
        else
            error = isms_store_control_impl_save(store, org_id, &out->impl, old_level, detail,
                                                 actor);
    }
    free(detail);
    if (error < 0)
        isms_control_impl_release(&out->impl);
    return error;
}

int isms_control_level_history(struct isms_control_level_change **out, size_t *count,
                               struct isms_store *store, int64_t org_id, const char *id)
{
    char canonical[ISMS_SOA_ID_MAX + 1];
    int error;

    if ((error = isms_soa_control_resolve(canonical, NULL, NULL, id)) < 0)
        return error;
    return isms_store_control_level_history(out, count, store, org_id, canonical);
}

int isms_control_evidence_add(struct isms_evidence *out, struct isms_store *store, int64_t org_id,
                              const char *id, const char *name, const void *data, size_t len,
                              const char *url, const struct isms_actor *actor)
{
    char canonical[ISMS_SOA_ID_MAX + 1];
    int error;

    if ((error = isms_soa_control_resolve(canonical, NULL, NULL, id)) < 0)
        return error;
    return isms_evidence_add(out, store, &isms_store_control_evidence, org_id, canonical, name,
                             data, len, url, actor);
}

int isms_control_evidence_list(struct isms_evidence **out, size_t *count, struct isms_store *store,
                               int64_t org_id, const char *id)
{
    char canonical[ISMS_SOA_ID_MAX + 1];
    int error;

    if ((error = isms_soa_control_resolve(canonical, NULL, NULL, id)) < 0)
        return error;
    return isms_store_evidence_list(out, count, store, &isms_store_control_evidence, org_id,
                                    canonical);
}

int isms_control_evidence_file(struct isms_evidence_file *out, struct isms_store *store,
                               int64_t org_id, const char *id, int64_t evidence_id)
{
    char canonical[ISMS_SOA_ID_MAX + 1];
    int error;

    if ((error = isms_soa_control_resolve(canonical, NULL, NULL, id)) < 0)
        return error;
    if ((error = isms_store_evidence_file(out, store, &isms_store_control_evidence, org_id,
                                          canonical, evidence_id)) == ISMS_ENOTFOUND)
        return isms_error_set(ISMS_ENOTFOUND, _("control '%s' has no such evidence file"),
                              canonical);
    return error;
}
