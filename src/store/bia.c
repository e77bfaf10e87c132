#include "isms_setup.h"
#include "store/bia.h"
#include "store/change.h"
#include "store/db.h"
#include "store/query.h"
#include "util/error.h"

/* A duration column: NULL is -1 (not known), and back. */
static int read_duration(struct isms_stmt *st, int column)
{
    return isms_stmt_is_null(st, column) ? -1 : (int)isms_stmt_int64(st, column);
}

static struct isms_sql_value duration_value(int minutes)
{
    return minutes < 0 ? (struct isms_sql_value){ISMS_SQL_NULL, 0, NULL} : isms_sql_int(minutes);
}

#define PROCESS_COLUMNS                                                                            \
    "id, name, owner, mtpd, rto, rpo, rlo_percent, description, updated_at, (SELECT count(*) "     \
    "FROM bia_dependencies d WHERE d.process_id = p.id)"

static int read_process(void *item, struct isms_stmt *st)
{
    struct isms_bia_process *p = item;

    memset(p, 0, sizeof(*p));
    p->id = isms_stmt_int64(st, 0);
    isms_store_copy_text(p->name, sizeof(p->name), isms_stmt_text(st, 1));
    isms_store_copy_text(p->owner, sizeof(p->owner), isms_stmt_text(st, 2));
    p->mtpd = read_duration(st, 3);
    p->rto = read_duration(st, 4);
    p->rpo = read_duration(st, 5);
    p->rlo_percent = (int)isms_stmt_int64(st, 6);
    isms_store_copy_text(p->description, sizeof(p->description), isms_stmt_text(st, 7));
    isms_store_copy_text(p->updated_at, sizeof(p->updated_at), isms_stmt_text(st, 8));
    p->dependency_count = (int)isms_stmt_int64(st, 9);
    return 0;
}

int isms_store_bia_processes(struct isms_bia_process **out, size_t *count, struct isms_store *store,
                             int64_t org_id)
{
    const struct isms_store_select q = {
        .sql = "SELECT " PROCESS_COLUMNS " FROM bia_processes p WHERE org_id = $1 ORDER BY name",
        .params = &org_id,
        .param_count = 1,
        .read = read_process,
        .item_size = sizeof(**out),
    };
    return isms_store_select_all(out, count, store, &q);
}

int isms_store_bia_process_get(struct isms_bia_process *out, struct isms_store *store,
                               int64_t org_id, int64_t id)
{
    const int64_t params[] = {org_id, id};
    const struct isms_store_select q = {
        .sql = "SELECT " PROCESS_COLUMNS " FROM bia_processes p WHERE org_id = $1 AND id = $2",
        .params = params,
        .param_count = 2,
        .read = read_process,
    };

    memset(out, 0, sizeof(*out));
    return isms_store_select_one(out, store, &q);
}

/* The name of an asset or cloud service is the register's, read with it. */
static int read_dependency(void *item, struct isms_stmt *st)
{
    struct isms_bia_dependency *d = item;

    d->id = isms_stmt_int64(st, 0);
    d->process_id = isms_stmt_int64(st, 1);
    d->ref_id = isms_stmt_is_null(st, 3) ? isms_stmt_int64(st, 4) : isms_stmt_int64(st, 3);
    isms_store_copy_text(d->name, sizeof(d->name), isms_stmt_text(st, 5));
    d->recovery_time = read_duration(st, 6);
    d->recovery_point = read_duration(st, 7);
    isms_store_copy_text(d->notes, sizeof(d->notes), isms_stmt_text(st, 8));
    return isms_bia_dependency_kind_parse(&d->kind, isms_stmt_text(st, 2));
}

int isms_store_bia_dependencies(struct isms_bia_dependency **out, size_t *count,
                                struct isms_store *store, int64_t org_id, int64_t process_id)
{
    const int64_t params[] = {org_id, process_id};
    const struct isms_store_select q = {
        .sql = "SELECT d.id, d.process_id, d.kind, d.asset_id, d.cloud_service_id, "
               "coalesce(a.name, c.name, d.name), d.recovery_time, d.recovery_point, d.notes "
               "FROM bia_dependencies d LEFT JOIN assets a ON a.id = d.asset_id "
               "LEFT JOIN cloud_services c ON c.id = d.cloud_service_id "
               "WHERE d.org_id = $1 AND ($2 = 0 OR d.process_id = $2) ORDER BY d.id",
        .params = params,
        .param_count = 2,
        .read = read_dependency,
        .item_size = sizeof(**out),
    };
    return isms_store_select_all(out, count, store, &q);
}

static int read_contact(void *item, struct isms_stmt *st)
{
    struct isms_bia_contact *c = item;

    c->id = isms_stmt_int64(st, 0);
    isms_store_copy_text(c->name, sizeof(c->name), isms_stmt_text(st, 1));
    isms_store_copy_text(c->role, sizeof(c->role), isms_stmt_text(st, 2));
    isms_store_copy_text(c->phone, sizeof(c->phone), isms_stmt_text(st, 3));
    isms_store_copy_text(c->email, sizeof(c->email), isms_stmt_text(st, 4));
    c->priority = (int)isms_stmt_int64(st, 5);
    isms_store_copy_text(c->notes, sizeof(c->notes), isms_stmt_text(st, 6));
    return 0;
}

int isms_store_bia_contacts(struct isms_bia_contact **out, size_t *count, struct isms_store *store,
                            int64_t org_id)
{
    const struct isms_store_select q = {
        .sql = "SELECT id, name, role, phone, email, priority, notes FROM bia_contacts "
               "WHERE org_id = $1 ORDER BY priority, id",
        .params = &org_id,
        .param_count = 1,
        .read = read_contact,
        .item_size = sizeof(**out),
    };
    return isms_store_select_all(out, count, store, &q);
}

static int read_exercise(void *item, struct isms_stmt *st)
{
    struct isms_bia_exercise *e = item;

    e->id = isms_stmt_int64(st, 0);
    e->process_id = isms_stmt_is_null(st, 2) ? 0 : isms_stmt_int64(st, 2);
    isms_store_copy_text(e->scenario, sizeof(e->scenario), isms_stmt_text(st, 3));
    isms_store_copy_text(e->result, sizeof(e->result), isms_stmt_text(st, 4));
    isms_store_copy_text(e->lessons, sizeof(e->lessons), isms_stmt_text(st, 5));
    isms_store_copy_text(e->follow_up, sizeof(e->follow_up), isms_stmt_text(st, 6));
    return isms_date_parse(&e->date, isms_stmt_text(st, 1));
}

int isms_store_bia_exercises(struct isms_bia_exercise **out, size_t *count,
                             struct isms_store *store, int64_t org_id)
{
    const struct isms_store_select q = {
        .sql = "SELECT id, held_on, process_id, scenario, result, lessons, follow_up FROM "
               "bia_exercises WHERE org_id = $1 ORDER BY held_on DESC, id DESC",
        .params = &org_id,
        .param_count = 1,
        .read = read_exercise,
        .item_size = sizeof(**out),
    };
    return isms_store_select_all(out, count, store, &q);
}

int isms_store_bia_process_save(int64_t *id_out, struct isms_store *store, int64_t org_id,
                                const struct isms_bia_process *p, const struct isms_actor *actor)
{
    char now[ISMS_TIMESTAMP_SIZE];
    const struct isms_sql_value values[] = {
        isms_sql_int(org_id),    isms_sql_int(p->id),          isms_sql_text(p->name),
        isms_sql_text(p->owner), duration_value(p->mtpd),      duration_value(p->rto),
        duration_value(p->rpo),  isms_sql_int(p->rlo_percent), isms_sql_text(p->description),
        isms_sql_text(now),
    };
    struct isms_store_change c = {
        .org_id = org_id,
        .sql = p->id ? "UPDATE bia_processes SET name = $3, owner = $4, mtpd = $5, rto = $6, "
                       "rpo = $7, rlo_percent = $8, description = $9, updated_at = $10 "
                       "WHERE org_id = $1 AND id = $2"
                     : "INSERT INTO bia_processes (org_id, name, owner, mtpd, rto, rpo, "
                       "rlo_percent, description, updated_at) SELECT $1, $3, $4, $5, $6, $7, $8, "
                       "$9, $10 WHERE $2 = 0 RETURNING id",
        .values = values,
        .count = ISMS_ARRAY_SIZE(values),
        .action = p->id ? "bia.process.update" : "bia.process.create",
        .kind = "bia_process",
        .id = p->id,
        .detail = json_pack("{s:s, s:i, s:i, s:i, s:i}", "name", p->name, "mtpd", p->mtpd, "rto",
                            p->rto, "rpo", p->rpo, "rlo_percent", p->rlo_percent),
    };

    isms_time_now(now);
    return isms_store_change(id_out, store, actor, &c, _("no such business process"));
}

int isms_store_bia_dependency_add(int64_t *id_out, struct isms_store *store, int64_t org_id,
                                  const struct isms_bia_dependency *d,
                                  const struct isms_actor *actor)
{
    const struct isms_sql_value values[] = {
        isms_sql_int(org_id),
        isms_sql_int(d->process_id),
        isms_sql_text(isms_bia_dependency_kind_name(d->kind)),
        isms_sql_id(d->kind == ISMS_BIA_ASSET ? d->ref_id : 0),
        isms_sql_id(d->kind == ISMS_BIA_CLOUD_SERVICE ? d->ref_id : 0),
        isms_sql_text(d->kind == ISMS_BIA_ICT_SERVICE ? d->name : ""),
        duration_value(d->recovery_time),
        duration_value(d->recovery_point),
        isms_sql_text(d->notes),
    };
    /* The process, asset and cloud service must all be the org's. */
    struct isms_store_change c = {
        .org_id = org_id,
        .sql = "INSERT INTO bia_dependencies (org_id, process_id, kind, asset_id, "
               "cloud_service_id, name, recovery_time, recovery_point, notes) SELECT $1, $2, $3, "
               "$4, $5, $6, $7, $8, $9 WHERE EXISTS (SELECT 1 FROM bia_processes WHERE org_id = "
               "$1 AND id = $2) AND ($4 IS NULL OR EXISTS (SELECT 1 FROM assets WHERE org_id = $1 "
               "AND id = $4)) AND ($5 IS NULL OR EXISTS (SELECT 1 FROM cloud_services WHERE "
               "org_id = $1 AND id = $5)) RETURNING id",
        .values = values,
        .count = ISMS_ARRAY_SIZE(values),
        .action = "bia.dependency.add",
        .kind = "bia_dependency",
        .detail = json_pack("{s:I, s:s, s:I, s:s, s:i, s:i}", "process", (json_int_t)d->process_id,
                            "kind", isms_bia_dependency_kind_name(d->kind), "ref",
                            (json_int_t)d->ref_id, "name", d->name, "recovery_time",
                            d->recovery_time, "recovery_point", d->recovery_point),
    };

    return isms_store_change(id_out, store, actor, &c,
                             _("no such business process, asset or cloud service"));
}

int isms_store_bia_contact_add(int64_t *id_out, struct isms_store *store, int64_t org_id,
                               const struct isms_bia_contact *k, const struct isms_actor *actor)
{
    const struct isms_sql_value values[] = {
        isms_sql_int(org_id),    isms_sql_text(k->name),  isms_sql_text(k->role),
        isms_sql_text(k->phone), isms_sql_text(k->email), isms_sql_int(k->priority),
        isms_sql_text(k->notes),
    };
    struct isms_store_change c = {
        .org_id = org_id,
        .sql = "INSERT INTO bia_contacts (org_id, name, role, phone, email, priority, notes) "
               "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        .values = values,
        .count = ISMS_ARRAY_SIZE(values),
        .action = "bia.contact.add",
        .kind = "bia_contact",
        .detail = json_pack("{s:s, s:s, s:i}", "name", k->name, "role", k->role, "priority",
                            k->priority),
    };

    return isms_store_change(id_out, store, actor, &c, "not found");
}

int isms_store_bia_exercise_add(int64_t *id_out, struct isms_store *store, int64_t org_id,
                                const struct isms_bia_exercise *e, const struct isms_actor *actor)
{
    char date[ISMS_DATE_SIZE];
    const struct isms_sql_value values[] = {
        isms_sql_int(org_id),        isms_sql_text(date),      isms_sql_id(e->process_id),
        isms_sql_text(e->scenario),  isms_sql_text(e->result), isms_sql_text(e->lessons),
        isms_sql_text(e->follow_up),
    };
    struct isms_store_change c = {
        .org_id = org_id,
        .sql = "INSERT INTO bia_exercises (org_id, held_on, process_id, scenario, result, "
               "lessons, follow_up) SELECT $1, $2, $3, $4, $5, $6, $7 WHERE $3 IS NULL OR EXISTS "
               "(SELECT 1 FROM bia_processes WHERE org_id = $1 AND id = $3) RETURNING id",
        .values = values,
        .count = ISMS_ARRAY_SIZE(values),
        .action = "bia.exercise.add",
        .kind = "bia_exercise",
    };

    isms_date_format(date, &e->date);
    c.detail = json_pack("{s:s, s:s}", "date", date, "scenario", e->scenario);
    return isms_store_change(id_out, store, actor, &c, _("no such business process"));
}

int isms_store_bia_delete(struct isms_store *store, int64_t org_id, enum isms_bia_record what,
                          int64_t id, const struct isms_actor *actor)
{
    static const struct {
        const char *sql, *action, *kind;
    } records[] = {
        [ISMS_BIA_PROCESS] = {"DELETE FROM bia_processes WHERE org_id = $1 AND id = $2",
                              "bia.process.delete", "bia_process"},
        [ISMS_BIA_DEPENDENCY] = {"DELETE FROM bia_dependencies WHERE org_id = $1 AND id = $2",
                                 "bia.dependency.delete", "bia_dependency"},
        [ISMS_BIA_CONTACT] = {"DELETE FROM bia_contacts WHERE org_id = $1 AND id = $2",
                              "bia.contact.delete", "bia_contact"},
        [ISMS_BIA_EXERCISE] = {"DELETE FROM bia_exercises WHERE org_id = $1 AND id = $2",
                               "bia.exercise.delete", "bia_exercise"},
    };
    const struct isms_sql_value values[] = {isms_sql_int(org_id), isms_sql_int(id)};
    struct isms_store_change c = {
        .org_id = org_id,
        .sql = records[what].sql,
        .values = values,
        .count = 2,
        .action = records[what].action,
        .kind = records[what].kind,
        .id = id,
    };

    return isms_store_change(NULL, store, actor, &c, _("not found"));
}
