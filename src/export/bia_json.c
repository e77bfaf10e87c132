#include "isms_setup.h"
#include "export/bia_json.h"
#include "export/json_util.h"

static bool set_duration(json_t *obj, const char *key, int minutes)
{
    char text[ISMS_BIA_DURATION_SIZE], minutes_key[48];

    isms_bia_duration_format(text, minutes);
    snprintf(minutes_key, sizeof(minutes_key), "%s_minutes", key);
    return isms_json_set(obj, key, isms_json_string_or_null(text)) &&
           isms_json_set(obj, minutes_key, minutes < 0 ? json_null() : json_integer(minutes));
}

json_t *isms_json_bia_process(const struct isms_bia_process *p)
{
    json_t *o = json_pack("{s:I, s:s, s:s, s:o, s:s, s:s, s:i, s:i}", "id", (json_int_t)p->id,
                          "name", p->name, "owner", p->owner, "rlo_percent",
                          p->rlo_percent ? json_integer(p->rlo_percent) : json_null(),
                          "description", p->description, "updated_at", p->updated_at,
                          "dependency_count", p->dependency_count, "gap_count", p->gap_count);
    bool ok = o && set_duration(o, "mtpd", p->mtpd) && set_duration(o, "rto", p->rto) &&
              set_duration(o, "rpo", p->rpo);

    return isms_json_done(o, ok);
}

json_t *isms_json_bia_dependency(const struct isms_bia_dependency *d)
{
    json_t *o = json_pack("{s:I, s:I, s:s, s:o, s:s, s:s}", "id", (json_int_t)d->id, "process_id",
                          (json_int_t)d->process_id, "kind", isms_bia_dependency_kind_name(d->kind),
                          "ref_id", d->ref_id ? json_integer(d->ref_id) : json_null(), "name",
                          d->name, "notes", d->notes);
    bool ok = o && set_duration(o, "recovery_time", d->recovery_time) &&
              set_duration(o, "recovery_point", d->recovery_point);

    return isms_json_done(o, ok);
}

json_t *isms_json_bia_contact(const struct isms_bia_contact *c)
{
    return json_pack("{s:I, s:s, s:s, s:s, s:s, s:i, s:s}", "id", (json_int_t)c->id, "name",
                     c->name, "role", c->role, "phone", c->phone, "email", c->email, "priority",
                     c->priority, "notes", c->notes);
}

json_t *isms_json_bia_exercise(const struct isms_bia_exercise *e)
{
    char date[ISMS_DATE_SIZE];

    isms_date_format(date, &e->date);
    return json_pack("{s:I, s:s, s:o, s:s, s:s, s:s, s:s}", "id", (json_int_t)e->id, "date", date,
                     "process_id", e->process_id ? json_integer(e->process_id) : json_null(),
                     "scenario", e->scenario, "result", e->result, "lessons", e->lessons,
                     "follow_up", e->follow_up);
}

json_t *isms_json_bia_gap(const struct isms_bia_gap *g)
{
    json_t *o = json_pack("{s:I, s:s, s:I, s:s, s:s}", "process_id", (json_int_t)g->process->id,
                          "process", g->process->name, "dependency_id",
                          (json_int_t)g->dependency->id, "dependency", g->dependency->name,
                          "reason", isms_bia_gap_reason_name(g->reason));
    bool ok = o && set_duration(o, "rto", g->process->rto) &&
              set_duration(o, "rpo", g->process->rpo) &&
              set_duration(o, "recovery_time", g->dependency->recovery_time) &&
              set_duration(o, "recovery_point", g->dependency->recovery_point);

    return isms_json_done(o, ok);
}

static json_t *process_with_dependencies(const struct isms_bia *bia, size_t i)
{
    json_t *o = isms_json_bia_process(&bia->processes[i]), *deps = json_array();
    bool ok = o && deps;

    for (size_t k = 0; ok && k < bia->dependency_count; k++)
        if (bia->dependencies[k].process_id == bia->processes[i].id)
            ok = isms_json_append(deps, isms_json_bia_dependency(&bia->dependencies[k]));
    if (!ok)
        json_decref(deps);
    return isms_json_done(o, ok && isms_json_set(o, "dependencies", deps));
}

json_t *isms_json_bia(const struct isms_bia *bia)
{
    json_t *processes = json_array(), *gaps = json_array(), *contacts = json_array(),
           *exercises = json_array();
    bool ok = processes && gaps && contacts && exercises;

    for (size_t i = 0; ok && i < bia->process_count; i++)
        ok = isms_json_append(processes, process_with_dependencies(bia, i));
    for (size_t i = 0; ok && i < bia->gap_count; i++)
        ok = isms_json_append(gaps, isms_json_bia_gap(&bia->gaps[i]));
    for (size_t i = 0; ok && i < bia->contact_count; i++)
        ok = isms_json_append(contacts, isms_json_bia_contact(&bia->contacts[i]));
    for (size_t i = 0; ok && i < bia->exercise_count; i++)
        ok = isms_json_append(exercises, isms_json_bia_exercise(&bia->exercises[i]));
    if (!ok) {
        json_decref(processes);
        json_decref(gaps);
        json_decref(contacts);
        json_decref(exercises);
        return NULL;
    }
    return json_pack("{s:o, s:o, s:o, s:o}", "processes", processes, "gaps", gaps, "contacts",
                     contacts, "exercises", exercises);
}
