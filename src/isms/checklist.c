/* Checklists (checklist.h): templates, runs and their results. */
#include "isms_setup.h"
#include "catalog/checklist_templates.h"
#include "isms/checklist.h"
#include "isms/soa.h"
#include "store/checklists.h"
#include "util/array.h"
#include "util/csv_reader.h"
#include "util/error.h"
#include "util/text.h"

#define CUSTOM_PREFIX "custom-"

/* A built-in template as the model holds any. */
static int from_builtin(struct isms_checklist_template *out, const struct isms_builtin_checklist *b)
{
    memset(out, 0, sizeof(*out));
    snprintf(out->key, sizeof(out->key), "%s", b->id);
    snprintf(out->name_ja, sizeof(out->name_ja), "%s", b->name_ja);
    snprintf(out->name_en, sizeof(out->name_en), "%s", b->name_en);
    snprintf(out->control_id, sizeof(out->control_id), "A.%s", b->control);
    snprintf(out->source, sizeof(out->source), "%s", b->source_ja);
    out->builtin = true;
    if (!(out->items = calloc(b->item_count ? b->item_count : 1, sizeof(*out->items))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    for (size_t i = 0; i < b->item_count; i++) {
        struct isms_checklist_item *it = &out->items[i];
        snprintf(it->control_id, sizeof(it->control_id), "A.%s", b->items[i].control);
        snprintf(it->text_ja, sizeof(it->text_ja), "%s", b->items[i].text_ja);
        snprintf(it->text_en, sizeof(it->text_en), "%s", b->items[i].text_en);
    }
    out->item_count = b->item_count;
    return 0;
}

int isms_checklist_templates(struct isms_checklist_template **out, size_t *count,
                             struct isms_store *store, int64_t org_id)
{
    struct isms_checklist_template *own = NULL, *all;
    size_t n = 0, builtins = isms_builtin_checklist_count();
    int error;

    *out = NULL;
    *count = 0;
    if ((error = isms_store_checklist_templates(&own, &n, store, org_id)) < 0)
        return error;
    if (!(all = calloc(builtins + n + 1, sizeof(*all)))) {
        free(own);
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    }
    for (size_t i = 0; error == 0 && i < builtins; i++)
        if ((error = from_builtin(&all[i], isms_builtin_checklist_at(i))) == 0)
            (*count)++;
    if (n)
        memcpy(all + builtins, own, n * sizeof(*own));
    free(own);
    *count += error == 0 ? n : 0;
    *out = all;
    return error;
}

void isms_checklist_templates_free(struct isms_checklist_template *t, size_t count)
{
    for (size_t i = 0; t && i < count; i++)
        isms_checklist_template_release(&t[i]);
    free(t);
}

int isms_checklist_template_load(struct isms_checklist_template *out, struct isms_store *store,
                                 int64_t org_id, const char *key)
{
    const struct isms_builtin_checklist *b = isms_builtin_checklist_find(key);
    char *end;
    long long id;
    int error;

    if (b)
        return from_builtin(out, b);
    memset(out, 0, sizeof(*out));
    if (!key || strncmp(key, CUSTOM_PREFIX, strlen(CUSTOM_PREFIX)) != 0 ||
        (id = strtoll(key + strlen(CUSTOM_PREFIX), &end, 10)) <= 0 || *end)
        return isms_error_set(ISMS_ENOTFOUND, _("there is no checklist '%.40s'"), key ? key : "");
    if ((error = isms_store_checklist_template_get(out, store, org_id, id)) == ISMS_ENOTFOUND)
        return isms_error_set(ISMS_ENOTFOUND, _("there is no checklist '%.40s'"), key);
    return error;
}

/* The control a line starts with ("A.8.28", "8.9:"), copied canonical into
 * `control`; returns where the item's text begins. */
static const char *take_control(char control[ISMS_SOA_ID_MAX + 1], const char *line)
{
    char first[32];
    size_t n = strcspn(line, " \t:：");

    control[0] = '\0';
    if (n == 0 || n >= sizeof(first))
        return line;
    memcpy(first, line, n);
    first[n] = '\0';
    if (isms_soa_control_resolve(control, NULL, NULL, first) < 0) {
        control[0] = '\0';
        return line;
    }
    line += n;
    while (*line == ' ' || *line == '\t' || *line == ':')
        line++;
    if (strncmp(line, "：", strlen("：")) == 0)
        line += strlen("：");
    return line;
}

int isms_checklist_items_parse(struct isms_checklist_item **out, size_t *count, const char *text)
{
    struct isms_checklist_item *items = NULL;
    size_t n = 0, room = 0, line_no = 0;
    const char *p = text ? text : "";

    *out = NULL;
    *count = 0;
    while (*p) {
        size_t len = strcspn(p, "\r\n");
        char line[ISMS_CHECKLIST_TEXT_MAX + 64], control[ISMS_SOA_ID_MAX + 1];
        const char *body;
        line_no++;
        if (len >= sizeof(line) - 1) {
            free(items);
            return isms_error_set(ISMS_EINVALID, _("checklist line %zu is longer than 1000 bytes"),
                                  line_no);
        }
        isms_csv_trim_copy(line, sizeof(line), p, len);
        p += len;
        p += (*p == '\r');
        p += (*p == '\n');
        body = take_control(control, line);
        if (!*body)
            continue;
        if (isms_text_check(body, ISMS_CHECKLIST_TEXT_MAX, false, "item") < 0) {
            free(items);
            return isms_error_set(ISMS_EINVALID, _("checklist line %zu: %s"), line_no,
                                  isms_error_last());
        }
        if (n == ISMS_CHECKLIST_ITEMS_MAX || ISMS_ARRAY_RESERVE(items, room, n) < 0) {
            free(items);
            return n == ISMS_CHECKLIST_ITEMS_MAX
                       ? isms_error_set(ISMS_ETOOBIG, _("a checklist has at most 500 items"))
                       : isms_error_set(ISMS_ENOMEM, "out of memory");
        }
        memset(&items[n], 0, sizeof(items[n]));
        snprintf(items[n].control_id, sizeof(items[n].control_id), "%s", control);
        snprintf(items[n].text_ja, sizeof(items[n].text_ja), "%.*s", ISMS_CHECKLIST_TEXT_MAX, body);
        snprintf(items[n].text_en, sizeof(items[n].text_en), "%.*s", ISMS_CHECKLIST_TEXT_MAX, body);
        n++;
    }
    if (!n)
        return isms_error_set(ISMS_EINVALID, _("a checklist needs at least one item"));
    *out = items;
    *count = n;
    return 0;
}

/* "8.28" or "A.8.28" as the SoA writes it; "" stays "". */
static int resolve_control(char out[ISMS_SOA_ID_MAX + 1], const char *control)
{
    out[0] = '\0';
    if (!control || !*control)
        return 0;
    if (isms_soa_control_resolve(out, NULL, NULL, control) < 0)
        return isms_error_set(ISMS_EINVALID, _("'%.40s' is not an Annex A or CLD control"),
                              control);
    return 0;
}

int isms_checklist_template_create(int64_t *id_out, struct isms_store *store, int64_t org_id,
                                   const char *name, const char *control, const char *source,
                                   const struct isms_checklist_item *items, size_t count,
                                   const struct isms_actor *actor)
{
    struct isms_checklist_template t = {0};
    int error;

    if ((error = isms_text_take(t.name_ja, sizeof(t.name_ja), name, true, false, "name")) < 0 ||
        (error = isms_text_take(t.source, sizeof(t.source), source, false, false, "source")) < 0 ||
        (error = resolve_control(t.control_id, control)) < 0)
        return error;
    if (!count)
        return isms_error_set(ISMS_EINVALID, _("a checklist needs at least one item"));
    if (count > ISMS_CHECKLIST_ITEMS_MAX)
        return isms_error_set(ISMS_ETOOBIG, _("a checklist has at most 500 items"));
    t.items = (struct isms_checklist_item *)items;
    t.item_count = count;
    if ((error = isms_store_checklist_template_add(id_out, store, org_id, &t, actor)) ==
        ISMS_ECONFLICT)
        return isms_error_set(ISMS_ECONFLICT, _("a checklist '%.80s' exists already"), name);
    return error;
}

int isms_checklist_run_start(int64_t *id_out, struct isms_store *store, int64_t org_id,
                             const char *key, const char *title, const struct isms_actor *actor)
{
    struct isms_checklist_template t;
    char checked[ISMS_CHECKLIST_NAME_MAX + 1];
    int error;

    if ((error = isms_text_take(checked, sizeof(checked), title, true, false, "title")) < 0 ||
        (error = isms_checklist_template_load(&t, store, org_id, key)) < 0)
        return error;
    error = isms_store_checklist_run_start(id_out, store, org_id, &t, checked, actor);
    isms_checklist_template_release(&t);
    return error;
}

int isms_checklist_runs(struct isms_checklist_run **out, size_t *count, struct isms_store *store,
                        int64_t org_id, const char *control)
{
    char id[ISMS_SOA_ID_MAX + 1];
    int error;

    if ((error = resolve_control(id, control)) < 0)
        return error;
    return isms_store_checklist_runs(out, count, store, org_id, *id ? id : NULL);
}

int isms_checklist_run_get(struct isms_checklist_run *run, struct isms_checklist_result **results,
                           size_t *count, struct isms_store *store, int64_t org_id, int64_t id)
{
    int error = isms_store_checklist_run_get(run, store, org_id, id);

    *results = NULL;
    *count = 0;
    if (error == ISMS_ENOTFOUND)
        return isms_error_set(ISMS_ENOTFOUND, _("no such checklist run"));
    if (error < 0)
        return error;
    return isms_store_checklist_results(results, count, store, org_id, id);
}

int isms_checklist_record(struct isms_store *store, int64_t org_id, int64_t run_id,
                          const struct isms_checklist_answer *answers, size_t count,
                          const struct isms_actor *actor)
{
    struct isms_checklist_result *results;
    int error = 0;

    if (!(results = calloc(count ? count : 1, sizeof(*results))))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    for (size_t i = 0; error == 0 && i < count; i++) {
        struct isms_checklist_result *r = &results[i];
        r->no = answers[i].no;
        if ((error = isms_check_result_parse(&r->result, answers[i].result)) < 0 ||
            (error = isms_text_take(r->note, sizeof(r->note), answers[i].note, false, true,
                                    "note")) < 0 ||
            (error = isms_text_take(r->evidence, sizeof(r->evidence), answers[i].evidence, false,
                                    true, "evidence")) < 0)
            error = isms_error_set(ISMS_EINVALID, _("item %d: %s"), r->no, isms_error_last());
        else if (r->result == ISMS_CHECK_NG && !*r->note)
            error = isms_error_set(ISMS_EINVALID,
                                   _("item %d is not ok: say what was found in its note"), r->no);
    }
    if (error == 0)
        error = isms_store_checklist_record(store, org_id, run_id, results, count, actor);
    free(results);
    return error;
}
