/* Business impact analysis (bia.h): checks of the inputs and the gap check. */
#include "isms_setup.h"
#include "isms/bia.h"
#include "store/bia.h"
#include "util/array.h"
#include "util/error.h"
#include "util/text.h"

static const char *const gap_names[] = {"", "rto", "rpo", "unknown"};

const char *isms_bia_gap_reason_name(enum isms_bia_gap_reason r)
{
    return gap_names[r];
}

/* An integer in [min, max] written as digits (and an optional '%'); `unset`
 * for "" or NULL. */
static int take_number(int *out, const char *text, int min, int max, int unset, const char *field)
{
    char *end;
    long n;

    *out = unset;
    if (!text || !*text)
        return 0;
    n = strtol(text, &end, 10);
    if (end == text || (*end && strcmp(end, "%") != 0) || n < min || n > max)
        return isms_error_set(ISMS_EINVALID, _("'%s' must be a number from %d to %d"), field, min,
                              max);
    *out = (int)n;
    return 0;
}

static enum isms_bia_gap_reason gap_of(const struct isms_bia_process *p,
                                       const struct isms_bia_dependency *d);

static int check_process(struct isms_bia_process *p, const struct isms_bia_process_input *in)
{
    int error;

    if ((error = isms_text_take(p->name, sizeof(p->name), in->name, true, false, "name")) < 0 ||
        (error = isms_text_take(p->owner, sizeof(p->owner), in->owner, false, false, "owner")) <
            0 ||
        (error = isms_text_take(p->description, sizeof(p->description), in->description, false,
                                true, "description")) < 0 ||
        (error = isms_bia_duration_parse(&p->mtpd, in->mtpd, "mtpd")) < 0 ||
        (error = isms_bia_duration_parse(&p->rto, in->rto, "rto")) < 0 ||
        (error = isms_bia_duration_parse(&p->rpo, in->rpo, "rpo")) < 0 ||
        (error = take_number(&p->rlo_percent, in->rlo, 1, 100, 0, "rlo")) < 0)
        return error;
    if (p->mtpd >= 0 && p->rto > p->mtpd)
        return isms_error_set(ISMS_EINVALID,
                              _("the RTO cannot be longer than the maximum tolerable period of "
                                "disruption (MTPD)"));
    return 0;
}

int isms_bia_process_save(struct isms_bia_process *out, struct isms_store *store, int64_t org_id,
                          int64_t id, const struct isms_bia_process_input *in,
                          const struct isms_actor *actor)
{
    struct isms_bia_process p = {.id = id};
    int error;

    if ((error = check_process(&p, in)) < 0 ||
        (error = isms_store_bia_process_save(&id, store, org_id, &p, actor)) < 0) {
        if (error == ISMS_ECONFLICT)
            return isms_error_set(ISMS_ECONFLICT, _("a business process '%.80s' exists already"),
                                  p.name);
        return error;
    }
    return isms_bia_process_get(out, store, org_id, id);
}

int isms_bia_dependency_add(int64_t *id_out, struct isms_store *store, int64_t org_id,
                            int64_t process_id, const struct isms_bia_dependency_input *in,
                            const struct isms_actor *actor)
{
    struct isms_bia_dependency d = {.process_id = process_id};
    int ref = 0, error;

    if ((error = isms_bia_dependency_kind_parse(&d.kind, in->kind)) < 0 ||
        (error = isms_text_take(d.name, sizeof(d.name), in->name, d.kind == ISMS_BIA_ICT_SERVICE,
                                false, "name")) < 0 ||
        (error = isms_text_take(d.notes, sizeof(d.notes), in->notes, false, true, "notes")) < 0 ||
        (error = isms_bia_duration_parse(&d.recovery_time, in->recovery_time, "recovery_time")) <
            0 ||
        (error = isms_bia_duration_parse(&d.recovery_point, in->recovery_point, "recovery_point")) <
            0)
        return error;
    if (d.kind != ISMS_BIA_ICT_SERVICE &&
        ((error = take_number(&ref, in->ref, 1, INT32_MAX, 0, "ref")) < 0 || !ref))
        return error < 0 ? error
                         : isms_error_set(ISMS_EINVALID,
                                          _("'ref' is required: the asset or cloud service"));
    d.ref_id = ref;
    return isms_store_bia_dependency_add(id_out, store, org_id, &d, actor);
}

int isms_bia_contact_add(int64_t *id_out, struct isms_store *store, int64_t org_id,
                         const struct isms_bia_contact_input *in, const struct isms_actor *actor)
{
    struct isms_bia_contact c = {0};
    int error;

    if ((error = isms_text_take(c.name, sizeof(c.name), in->name, true, false, "name")) < 0 ||
        (error = isms_text_take(c.role, sizeof(c.role), in->role, false, false, "role")) < 0 ||
        (error = isms_text_take(c.phone, sizeof(c.phone), in->phone, false, false, "phone")) < 0 ||
        (error = isms_text_take(c.email, sizeof(c.email), in->email, false, false, "email")) < 0 ||
        (error = isms_text_take(c.notes, sizeof(c.notes), in->notes, false, true, "notes")) < 0 ||
        (error = take_number(&c.priority, in->priority, 1, 99, 1, "priority")) < 0)
        return error;
    if (!*c.phone && !*c.email)
        return isms_error_set(ISMS_EINVALID, _("an emergency contact needs a phone or an e-mail"));
    return isms_store_bia_contact_add(id_out, store, org_id, &c, actor);
}

int isms_bia_exercise_add(int64_t *id_out, struct isms_store *store, int64_t org_id,
                          const struct isms_bia_exercise_input *in, const struct isms_actor *actor)
{
    struct isms_bia_exercise e = {0};
    int process = 0, error;

    if (!in->date || isms_date_parse(&e.date, in->date) < 0 || !isms_date_is_set(&e.date))
        return isms_error_set(ISMS_EINVALID, _("'date' must be a date (YYYY-MM-DD)"));
    if ((error = take_number(&process, in->process, 1, INT32_MAX, 0, "process")) < 0 ||
        (error = isms_text_take(e.scenario, sizeof(e.scenario), in->scenario, true, true,
                                "scenario")) < 0 ||
        (error = isms_text_take(e.result, sizeof(e.result), in->result, false, true, "result")) <
            0 ||
        (error = isms_text_take(e.lessons, sizeof(e.lessons), in->lessons, false, true,
                                "lessons")) < 0 ||
        (error = isms_text_take(e.follow_up, sizeof(e.follow_up), in->follow_up, false, true,
                                "follow_up")) < 0)
        return error;
    e.process_id = process;
    return isms_store_bia_exercise_add(id_out, store, org_id, &e, actor);
}

int isms_bia_delete(struct isms_store *store, int64_t org_id, enum isms_bia_record what, int64_t id,
                    const struct isms_actor *actor)
{
    return isms_store_bia_delete(store, org_id, what, id, actor);
}

static enum isms_bia_gap_reason gap_of(const struct isms_bia_process *p,
                                       const struct isms_bia_dependency *d)
{
    if (p->rto >= 0 && d->recovery_time < 0)
        return ISMS_BIA_GAP_UNKNOWN;
    if (p->rto >= 0 && d->recovery_time > p->rto)
        return ISMS_BIA_GAP_RTO;
    if (p->rpo >= 0 && d->recovery_point > p->rpo)
        return ISMS_BIA_GAP_RPO;
    return 0;
}

int isms_bia_process_get(struct isms_bia_process *out, struct isms_store *store, int64_t org_id,
                         int64_t id)
{
    struct isms_bia_dependency *deps = NULL;
    size_t n = 0;
    int error = isms_store_bia_process_get(out, store, org_id, id);

    if (error == ISMS_ENOTFOUND)
        return isms_error_set(ISMS_ENOTFOUND, _("no such business process"));
    if (error < 0 || (error = isms_store_bia_dependencies(&deps, &n, store, org_id, id)) < 0)
        return error;
    for (size_t i = 0; i < n; i++)
        out->gap_count += gap_of(out, &deps[i]) != 0;
    free(deps);
    return 0;
}

static int check(struct isms_bia *bia)
{
    size_t room = 0;

    for (size_t i = 0; i < bia->dependency_count; i++) {
        const struct isms_bia_dependency *d = &bia->dependencies[i];
        enum isms_bia_gap_reason reason;
        for (size_t k = 0; k < bia->process_count; k++) {
            struct isms_bia_process *p = &bia->processes[k];
            if (p->id != d->process_id || !(reason = gap_of(p, d)))
                continue;
            if (ISMS_ARRAY_RESERVE(bia->gaps, room, bia->gap_count) < 0)
                return isms_error_set(ISMS_ENOMEM, "out of memory");
            bia->gaps[bia->gap_count++] = (struct isms_bia_gap){p, d, reason};
            p->gap_count++;
        }
    }
    return 0;
}

int isms_bia_load(struct isms_bia *out, struct isms_store *store, int64_t org_id)
{
    int error;

    memset(out, 0, sizeof(*out));
    if ((error = isms_store_bia_processes(&out->processes, &out->process_count, store, org_id)) <
            0 ||
        (error = isms_store_bia_dependencies(&out->dependencies, &out->dependency_count, store,
                                             org_id, 0)) < 0 ||
        (error = isms_store_bia_contacts(&out->contacts, &out->contact_count, store, org_id)) < 0 ||
        (error = isms_store_bia_exercises(&out->exercises, &out->exercise_count, store, org_id)) <
            0 ||
        (error = check(out)) < 0)
        isms_bia_release(out);
    return error;
}

void isms_bia_release(struct isms_bia *bia)
{
    free(bia->processes);
    free(bia->dependencies);
    free(bia->contacts);
    free(bia->exercises);
    free(bia->gaps);
    memset(bia, 0, sizeof(*bia));
}
