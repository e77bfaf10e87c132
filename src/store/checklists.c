#include "isms_setup.h"
#include "model/actor.h"
#include "store/change.h"
#include "store/checklists.h"
#include "store/db.h"
#include "store/query.h"
#include "util/error.h"

static int read_template(void *item, struct isms_stmt *st)
{
    struct isms_checklist_template *t = item;

    memset(t, 0, sizeof(*t));
    snprintf(t->key, sizeof(t->key), "custom-%" PRId64, isms_stmt_int64(st, 0));
    isms_store_copy_text(t->name_ja, sizeof(t->name_ja), isms_stmt_text(st, 1));
    isms_store_copy_text(t->name_en, sizeof(t->name_en), isms_stmt_text(st, 1));
    isms_store_copy_text(t->control_id, sizeof(t->control_id), isms_stmt_text(st, 2));
    isms_store_copy_text(t->source, sizeof(t->source), isms_stmt_text(st, 3));
    t->item_count = (size_t)isms_stmt_int64(st, 4);
    return 0;
}

#define TEMPLATE_COLUMNS                                                                           \
    "id, name, control_id, source, (SELECT count(*) FROM checklist_template_items i WHERE "        \
    "i.template_id = t.id)"

int isms_store_checklist_templates(struct isms_checklist_template **out, size_t *count,
                                   struct isms_store *store, int64_t org_id)
{
    const struct isms_store_select q = {
        .sql = "SELECT " TEMPLATE_COLUMNS " FROM checklist_templates t WHERE org_id = $1 "
               "ORDER BY name",
        .params = &org_id,
        .param_count = 1,
        .read = read_template,
        .item_size = sizeof(**out),
    };
    return isms_store_select_all(out, count, store, &q);
}

static int read_template_item(void *item, struct isms_stmt *st)
{
    struct isms_checklist_item *i = item;

    memset(i, 0, sizeof(*i));
    isms_store_copy_text(i->control_id, sizeof(i->control_id), isms_stmt_text(st, 0));
    isms_store_copy_text(i->text_ja, sizeof(i->text_ja), isms_stmt_text(st, 1));
    isms_store_copy_text(i->text_en, sizeof(i->text_en), isms_stmt_text(st, 1));
    return 0;
}

int isms_store_checklist_template_get(struct isms_checklist_template *out, struct isms_store *store,
                                      int64_t org_id, int64_t id)
{
    const int64_t params[] = {org_id, id};
    const struct isms_store_select one = {
        .sql = "SELECT " TEMPLATE_COLUMNS " FROM checklist_templates t WHERE org_id = $1 AND "
               "id = $2",
        .params = params,
        .param_count = 2,
        .read = read_template,
    };
    const struct isms_store_select items = {
        .sql = "SELECT i.control_id, i.text FROM checklist_template_items i JOIN "
               "checklist_templates t ON t.id = i.template_id WHERE t.org_id = $1 AND t.id = $2 "
               "ORDER BY i.no",
        .params = params,
        .param_count = 2,
        .read = read_template_item,
        .item_size = sizeof(struct isms_checklist_item),
    };
    int error;

    if ((error = isms_store_select_one(out, store, &one)) < 0)
        return error;
    out->items = NULL;
    return isms_store_select_all(&out->items, &out->item_count, store, &items);
}

struct template_write {
    int64_t org_id, id;
    const struct isms_checklist_template *t;
};

static int template_journaled(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    struct template_write *w = ctx;
    char now[ISMS_TIMESTAMP_SIZE], entity[48];
    int error;
    const struct isms_sql_value template[] = {
        isms_sql_int(w->org_id),     isms_sql_text(w->t->name_ja), isms_sql_text(w->t->control_id),
        isms_sql_text(w->t->source), isms_sql_text(actor->name),   isms_sql_text(now),
    };

    isms_time_now(now);
    if ((error = isms_store_exec(db,
                                 "INSERT INTO checklist_templates (org_id, name, control_id, "
                                 "source, created_by, created_at) VALUES ($1, $2, $3, $4, $5, "
                                 "$6) RETURNING id",
                                 template, ISMS_ARRAY_SIZE(template), &w->id, NULL)) < 0)
        return error;
    for (size_t i = 0; i < w->t->item_count; i++) {
        const struct isms_checklist_item *it = &w->t->items[i];
        const struct isms_sql_value item[] = {isms_sql_int(w->id), isms_sql_int((int64_t)i + 1),
                                              isms_sql_text(it->control_id),
                                              isms_sql_text(it->text_ja)};
        if ((error = isms_store_exec(db,
                                     "INSERT INTO checklist_template_items (template_id, no, "
                                     "control_id, text) VALUES ($1, $2, $3, $4)",
                                     item, ISMS_ARRAY_SIZE(item), NULL, NULL)) < 0)
            return error;
    }
    snprintf(entity, sizeof(entity), "checklist_template:%" PRId64, w->id);
    return isms_store_journal_json(
        db, actor, w->org_id, "checklist.template", entity,
        json_pack("{s:s, s:I}", "name", w->t->name_ja, "items", (json_int_t)w->t->item_count));
}

int isms_store_checklist_template_add(int64_t *id_out, struct isms_store *store, int64_t org_id,
                                      const struct isms_checklist_template *t,
                                      const struct isms_actor *actor)
{
    struct template_write w = {org_id, 0, t};
    int error = isms_store_write(store, actor, NULL, template_journaled, &w);

    *id_out = w.id;
    return error;
}

struct run_start {
    int64_t org_id, id;
    const struct isms_checklist_template *t;
    const char *title;
};

static int start_journaled(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    struct run_start *w = ctx;
    char now[ISMS_TIMESTAMP_SIZE], entity[48];
    const struct isms_sql_value run[] = {
        isms_sql_int(w->org_id),      isms_sql_text(w->t->key), isms_sql_text(w->t->name_ja),
        isms_sql_text(w->t->name_en), isms_sql_text(w->title),  isms_sql_text(w->t->control_id),
        isms_sql_text(actor->name),   isms_sql_text(now),
    };
    int error;

    isms_time_now(now);
    if ((error = isms_store_exec(db,
                                 "INSERT INTO checklist_runs (org_id, template_key, name_ja, "
                                 "name_en, title, control_id, started_by, started_at, updated_at) "
                                 "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
                                 run, ISMS_ARRAY_SIZE(run), &w->id, NULL)) < 0)
        return error;
    for (size_t i = 0; i < w->t->item_count; i++) {
        const struct isms_checklist_item *it = &w->t->items[i];
        const struct isms_sql_value item[] = {
            isms_sql_int(w->id), isms_sql_int((int64_t)i + 1), isms_sql_text(it->control_id),
            isms_sql_text(it->text_ja), isms_sql_text(it->text_en)};
        if ((error = isms_store_exec(db,
                                     "INSERT INTO checklist_results (run_id, no, control_id, "
                                     "text_ja, text_en) VALUES ($1, $2, $3, $4, $5)",
                                     item, ISMS_ARRAY_SIZE(item), NULL, NULL)) < 0)
            return error;
    }
    snprintf(entity, sizeof(entity), "checklist_run:%" PRId64, w->id);
    return isms_store_journal_json(db, actor, w->org_id, "checklist.start", entity,
                                   json_pack("{s:s, s:s, s:s}", "template", w->t->key, "title",
                                             w->title, "control", w->t->control_id));
}

int isms_store_checklist_run_start(int64_t *id_out, struct isms_store *store, int64_t org_id,
                                   const struct isms_checklist_template *t, const char *title,
                                   const struct isms_actor *actor)
{
    struct run_start w = {org_id, 0, t, title};
    int error = isms_store_write(store, actor, NULL, start_journaled, &w);

    *id_out = w.id;
    return error;
}

#define RUN_COLUMNS                                                                                \
    "r.id, r.template_key, r.name_ja, r.name_en, r.title, r.control_id, r.started_by, "            \
    "r.started_at, r.updated_at, (SELECT count(*) FROM checklist_results x WHERE x.run_id = "      \
    "r.id AND x.result = ''), (SELECT count(*) FROM checklist_results x WHERE x.run_id = r.id "    \
    "AND x.result = 'ok'), (SELECT count(*) FROM checklist_results x WHERE x.run_id = r.id AND "   \
    "x.result = 'ng'), (SELECT count(*) FROM checklist_results x WHERE x.run_id = r.id AND "       \
    "x.result = 'na')"

static int read_run(void *item, struct isms_stmt *st)
{
    struct isms_checklist_run *r = item;

    memset(r, 0, sizeof(*r));
    r->id = isms_stmt_int64(st, 0);
    isms_store_copy_text(r->template_key, sizeof(r->template_key), isms_stmt_text(st, 1));
    isms_store_copy_text(r->name_ja, sizeof(r->name_ja), isms_stmt_text(st, 2));
    isms_store_copy_text(r->name_en, sizeof(r->name_en), isms_stmt_text(st, 3));
    isms_store_copy_text(r->title, sizeof(r->title), isms_stmt_text(st, 4));
    isms_store_copy_text(r->control_id, sizeof(r->control_id), isms_stmt_text(st, 5));
    isms_store_copy_text(r->started_by, sizeof(r->started_by), isms_stmt_text(st, 6));
    isms_store_copy_text(r->started_at, sizeof(r->started_at), isms_stmt_text(st, 7));
    isms_store_copy_text(r->updated_at, sizeof(r->updated_at), isms_stmt_text(st, 8));
    for (int i = 0; i < ISMS_CHECK_RESULTS; i++)
        r->counts[i] = (int)isms_stmt_int64(st, 9 + i);
    return 0;
}

int isms_store_checklist_runs(struct isms_checklist_run **out, size_t *count,
                              struct isms_store *store, int64_t org_id, const char *control_id)
{
    const struct isms_store_select q = {
        .sql = control_id ? "SELECT " RUN_COLUMNS " FROM checklist_runs r WHERE r.org_id = $1 "
                            "AND r.control_id = $2 ORDER BY r.id DESC"
                          : "SELECT " RUN_COLUMNS " FROM checklist_runs r WHERE r.org_id = $1 "
                            "ORDER BY r.id DESC",
        .params = &org_id,
        .param_count = 1,
        .text = control_id,
        .read = read_run,
        .item_size = sizeof(**out),
    };
    return isms_store_select_all(out, count, store, &q);
}

int isms_store_checklist_run_get(struct isms_checklist_run *out, struct isms_store *store,
                                 int64_t org_id, int64_t id)
{
    const int64_t params[] = {org_id, id};
    const struct isms_store_select q = {
        .sql = "SELECT " RUN_COLUMNS " FROM checklist_runs r WHERE r.org_id = $1 AND r.id = $2",
        .params = params,
        .param_count = 2,
        .read = read_run,
    };
    return isms_store_select_one(out, store, &q);
}

static int read_result(void *item, struct isms_stmt *st)
{
    struct isms_checklist_result *r = item;

    memset(r, 0, sizeof(*r));
    r->no = (int)isms_stmt_int64(st, 0);
    isms_store_copy_text(r->item.control_id, sizeof(r->item.control_id), isms_stmt_text(st, 1));
    isms_store_copy_text(r->item.text_ja, sizeof(r->item.text_ja), isms_stmt_text(st, 2));
    isms_store_copy_text(r->item.text_en, sizeof(r->item.text_en), isms_stmt_text(st, 3));
    isms_store_copy_text(r->note, sizeof(r->note), isms_stmt_text(st, 5));
    isms_store_copy_text(r->evidence, sizeof(r->evidence), isms_stmt_text(st, 6));
    return isms_check_result_parse(&r->result, isms_stmt_text(st, 4));
}

int isms_store_checklist_results(struct isms_checklist_result **out, size_t *count,
                                 struct isms_store *store, int64_t org_id, int64_t run_id)
{
    const int64_t params[] = {org_id, run_id};
    const struct isms_store_select q = {
        .sql = "SELECT x.no, x.control_id, x.text_ja, x.text_en, x.result, x.note, x.evidence "
               "FROM checklist_results x JOIN checklist_runs r ON r.id = x.run_id WHERE "
               "r.org_id = $1 AND r.id = $2 ORDER BY x.no",
        .params = params,
        .param_count = 2,
        .read = read_result,
        .item_size = sizeof(**out),
    };
    return isms_store_select_all(out, count, store, &q);
}

struct record_write {
    int64_t org_id, run_id;
    const struct isms_checklist_result *results;
    size_t count;
};

static int record_journaled(struct isms_db *db, const struct isms_actor *actor, void *ctx)
{
    struct record_write *w = ctx;
    char now[ISMS_TIMESTAMP_SIZE], entity[48];
    const struct isms_sql_value touch[] = {isms_sql_int(w->org_id), isms_sql_int(w->run_id),
                                           isms_sql_text(now)};
    json_t *answered = json_object();
    int64_t changes = 0;
    int error;

    isms_time_now(now);
    if ((error = isms_store_exec(db,
                                 "UPDATE checklist_runs SET updated_at = $3 WHERE org_id = $1 "
                                 "AND id = $2",
                                 touch, ISMS_ARRAY_SIZE(touch), NULL, &changes)) < 0 ||
        (changes == 0 && (error = isms_error_set(ISMS_ENOTFOUND, _("no such checklist run"))))) {
        json_decref(answered);
        return error;
    }
    for (size_t i = 0; i < w->count; i++) {
        const struct isms_checklist_result *r = &w->results[i];
        const struct isms_sql_value v[] = {isms_sql_int(w->run_id), isms_sql_int(r->no),
                                           isms_sql_text(isms_check_result_name(r->result)),
                                           isms_sql_text(r->note), isms_sql_text(r->evidence)};
        char no[16];
        if ((error = isms_store_exec(db,
                                     "UPDATE checklist_results SET result = $3, note = $4, "
                                     "evidence = $5 WHERE run_id = $1 AND no = $2",
                                     v, ISMS_ARRAY_SIZE(v), NULL, &changes)) < 0 ||
            (changes == 0 &&
             (error = isms_error_set(ISMS_ENOTFOUND, _("no such checklist item"))))) {
            json_decref(answered);
            return error;
        }
        snprintf(no, sizeof(no), "%d", r->no);
        json_object_set_new(answered, no, json_string(isms_check_result_name(r->result)));
    }
    snprintf(entity, sizeof(entity), "checklist_run:%" PRId64, w->run_id);
    return isms_store_journal_json(db, actor, w->org_id, "checklist.record", entity, answered);
}

int isms_store_checklist_record(struct isms_store *store, int64_t org_id, int64_t run_id,
                                const struct isms_checklist_result *results, size_t count,
                                const struct isms_actor *actor)
{
    struct record_write w = {org_id, run_id, results, count};

    return isms_store_write(store, actor, NULL, record_journaled, &w);
}
