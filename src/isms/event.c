#include "isms_setup.h"
#include <time.h>
#include "engines/ioc/log_time.h"
#include "isms/event.h"
#include "isms/indicator.h"
#include "store/events.h"
#include "util/arena.h"
#include "util/array.h"
#include "util/error.h"
#include "util/text.h"
#include "util/timezone.h"

struct isms_event_sink {
    int64_t window;
    struct isms_arena arena; /* the bursts' texts */
    struct isms_event_burst *bursts;
    size_t count, cap;
    /* key -> index + 1 of the key's latest burst (open addressing) */
    size_t *slots;
    uint64_t *hashes;
    size_t slot_count, used;
    struct isms_log_hourly *hourly; /* what the rules matched, by hour; NULL: none yet */
};

struct isms_event_sink *isms_event_sink_new(int64_t window)
{
    struct isms_event_sink *s = calloc(1, sizeof(*s));

    if (!s) {
        isms_error_set(ISMS_ENOMEM, "out of memory");
        return NULL;
    }
    s->window = window > 0 ? window : ISMS_EVENT_WINDOW_DEFAULT;
    return s;
}

void isms_event_sink_free(struct isms_event_sink *s)
{
    if (!s)
        return;
    isms_arena_release(&s->arena);
    isms_log_hourly_free(s->hourly);
    free(s->bursts);
    free(s->slots);
    free(s->hashes);
    free(s);
}

int isms_event_sink_count(struct isms_event_sink *s, const struct isms_log_rule *rule,
                          const char *source, size_t source_len, int64_t t)
{
    if (t < 0)
        return 0;
    if (!s->hourly && !(s->hourly = isms_log_hourly_new()))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    return isms_log_hourly_add(s->hourly, rule->id, source, source_len, t);
}

size_t isms_event_sink_bursts(const struct isms_event_sink *s)
{
    return s->count;
}

static uint64_t hash_key(enum isms_event_kind kind, const char *sig, const char *source,
                         size_t source_len)
{
    uint64_t h = 1469598103934665603ull ^ (uint64_t)kind;

    for (const char *p = sig; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ull;
    h = (h ^ 0xff) * 1099511628211ull;
    for (size_t i = 0; i < source_len; i++)
        h = (h ^ (unsigned char)source[i]) * 1099511628211ull;
    return h;
}

static bool same_key(const struct isms_event_burst *b, enum isms_event_kind kind, const char *sig,
                     const char *source, size_t source_len)
{
    return b->kind == kind && strcmp(b->signature, sig) == 0 && strlen(b->source) == source_len &&
           memcmp(b->source, source, source_len) == 0;
}

static int grow_slots(struct isms_event_sink *s)
{
    size_t n = s->slot_count ? s->slot_count * 2 : 64;
    size_t *slots = calloc(n, sizeof(*slots));
    uint64_t *hashes = calloc(n, sizeof(*hashes));

    if (!slots || !hashes) {
        free(slots);
        free(hashes);
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < s->slot_count; i++) {
        size_t j;
        if (!s->slots[i])
            continue;
        for (j = s->hashes[i] & (n - 1); slots[j]; j = (j + 1) & (n - 1))
            ;
        slots[j] = s->slots[i];
        hashes[j] = s->hashes[i];
    }
    free(s->slots);
    free(s->hashes);
    s->slots = slots;
    s->hashes = hashes;
    s->slot_count = n;
    return 0;
}

/* The slot of the key: its burst, or the empty slot where it goes. */
static size_t *find_slot(struct isms_event_sink *s, uint64_t h, enum isms_event_kind kind,
                         const char *sig, const char *source, size_t source_len)
{
    size_t j = h & (s->slot_count - 1);

    for (; s->slots[j]; j = (j + 1) & (s->slot_count - 1))
        if (s->hashes[j] == h &&
            same_key(&s->bursts[s->slots[j] - 1], kind, sig, source, source_len))
            break;
    s->hashes[j] = h;
    return &s->slots[j];
}

static char *take(struct isms_arena *a, const char *text, size_t len, size_t max)
{
    char *out = isms_arena_alloc(a, (len < max ? len : max) + 1);

    if (out) {
        memcpy(out, text, len < max ? len : max);
        isms_text_make_utf8(out);
    }
    return out;
}

struct occurrence {
    enum isms_event_kind kind;
    const char *signature, *type, *name;
    const char *source, *line;
    size_t source_len, line_len;
    int64_t line_no, t, count, indicator_id;
};

static int add_burst(struct isms_event_sink *s, const struct occurrence *o, size_t *slot)
{
    struct isms_event_burst *b;
    int error;

    if ((error = ISMS_ARRAY_RESERVE(s->bursts, s->cap, s->count)) < 0)
        return error;
    b = &s->bursts[s->count];
    memset(b, 0, sizeof(*b));
    b->kind = o->kind;
    if (!(b->signature = take(&s->arena, o->signature, strlen(o->signature),
                              ISMS_EVENT_TEXT_MAX)) ||
        !(b->type = take(&s->arena, o->type, strlen(o->type), 15)) ||
        !(b->name = take(&s->arena, o->name, strlen(o->name), ISMS_EVENT_TEXT_MAX)) ||
        !(b->source = take(&s->arena, o->source, o->source_len, ISMS_EVENT_TEXT_MAX)) ||
        !(b->sample = take(&s->arena, o->line, o->line_len, ISMS_EVENT_SAMPLE_MAX)))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    b->line = o->line_no;
    b->first = b->last = o->t;
    b->count = o->count;
    b->indicator_id = o->indicator_id;
    if (!*slot)
        s->used++;
    *slot = ++s->count;
    return 0;
}

static int add_occurrence(struct isms_event_sink *s, const struct occurrence *o)
{
    size_t source_len = o->source_len < ISMS_EVENT_TEXT_MAX ? o->source_len : ISMS_EVENT_TEXT_MAX;
    uint64_t h;
    size_t *slot;
    int error;

    if ((s->used + 1) * 2 > s->slot_count && (error = grow_slots(s)) < 0)
        return error;
    h = hash_key(o->kind, o->signature, o->source, source_len);
    slot = find_slot(s, h, o->kind, o->signature, o->source, source_len);
    if (*slot) {
        struct isms_event_burst *b = &s->bursts[*slot - 1];
        /* Within the window of the burst: one more of it (logs are not
         * always in order, so an earlier time widens it backwards). */
        if (o->t <= b->last + s->window && o->t >= b->first - s->window) {
            b->count += o->count;
            b->first = o->t < b->first ? o->t : b->first;
            b->last = o->t > b->last ? o->t : b->last;
            return 0;
        }
    }
    return add_burst(s, o, slot);
}

int isms_event_sink_hit(struct isms_event_sink *s, const struct isms_ioc_hit *hit, int64_t t)
{
    const struct occurrence o = {
        .kind = ISMS_EVENT_HIT,
        .signature = hit->match.indicator,
        .type = isms_ioc_type_name(hit->match.type),
        .name = "",
        .source = hit->token->text,
        .source_len = hit->token->len,
        .line = hit->text,
        .line_len = hit->text_len,
        .line_no = (int64_t)hit->line,
        .t = t,
        .count = 1,
        .indicator_id = hit->match.tag,
    };
    return add_occurrence(s, &o);
}

int isms_event_sink_alert(struct isms_event_sink *s, const struct isms_log_alert *a,
                          const char *line, size_t len)
{
    const struct occurrence o = {
        .kind = ISMS_EVENT_ALERT,
        .signature = a->rule->id,
        .type = "rule",
        .name = a->rule->name,
        .source = a->key,
        .source_len = a->key_len,
        .line = line,
        .line_len = len,
        .line_no = (int64_t)a->line,
        .t = a->last,
        .count = 1,
    };
    return add_occurrence(s, &o);
}

int isms_event_sink_record(struct isms_event_record_counts *out, struct isms_event_sink *s,
                           struct isms_store *store, int64_t org_id, const char *origin,
                           const struct isms_log_offset *offset, const struct isms_actor *actor)
{
    const struct isms_event_batch batch = {s->bursts, s->count, s->window,
                                           origin,    offset,   s->hourly};

    return isms_store_events_record(out, store, org_id, &batch, actor);
}

struct scan_run {
    struct isms_event_sink *sink;
    struct isms_log_rules_state *rules;
    enum isms_log_format format;
    int64_t now;
    int local_offset;
    int64_t line_base;
    const char *line;
    size_t line_len;
    int64_t t; /* the line's time; -1 for none */
};

static int on_alert(const struct isms_log_alert *a, void *ctx)
{
    struct scan_run *r = ctx;

    return isms_event_sink_alert(r->sink, a, r->line, r->line_len);
}

static int on_match(const struct isms_log_rule *rule, const char *key, size_t n, void *ctx)
{
    struct scan_run *r = ctx;

    return isms_event_sink_count(r->sink, rule, key, n, r->t);
}

static int on_line(size_t line, const char *text, size_t len, void *ctx)
{
    struct scan_run *r = ctx;

    if (!r->rules)
        return 0;
    r->line = text;
    r->line_len = len;
    r->t = isms_log_time_local(r->format, text, len, r->now, r->local_offset);
    return isms_log_rules_feed(r->rules, text, len, line + (size_t)r->line_base, r->t, on_match,
                               on_alert, r);
}

static int on_hit(const struct isms_ioc_hit *hit, void *ctx)
{
    struct scan_run *r = ctx;
    int64_t t = isms_log_time_local(r->format, hit->text, hit->text_len, r->now, r->local_offset);

    struct isms_ioc_hit numbered = *hit;

    numbered.line += (size_t)r->line_base;
    return isms_event_sink_hit(r->sink, &numbered, t > 0 ? t : r->now);
}

static int scan_into(struct isms_event_scan_result *out, struct isms_store *store, int64_t org_id,
                     FILE *in, const struct isms_ioc_set *set,
                     const struct isms_event_scan_options *o, const struct isms_actor *actor)
{
    struct scan_run r = {.sink = isms_event_sink_new(o->window),
                         .rules = o->rules_state,
                         .format = o->format,
                         .now = (int64_t)time(NULL),
                         .local_offset = o->local_offset,
                         .line_base = o->first_line > 1 ? o->first_line - 1 : 0};
    int error = r.sink ? 0 : ISMS_ENOMEM;

    if (error == 0 && !r.rules && o->rule_count &&
        !(r.rules = isms_log_rules_state_new(o->rules, o->rule_count)))
        error = isms_error_set(ISMS_ENOMEM, "out of memory");
    if (error == 0)
        error = isms_ioc_scan(in, o->origin, set, on_hit, on_line, &r, &out->stats);
    if (error == 0)
        error = isms_event_sink_record(&out->recorded, r.sink, store, org_id, o->origin, o->offset,
                                       actor);
    if (r.rules != o->rules_state)
        isms_log_rules_state_free(r.rules);
    isms_event_sink_free(r.sink);
    return error;
}

int isms_event_scan(struct isms_event_scan_result *out, struct isms_store *store, int64_t org_id,
                    FILE *in, const struct isms_event_scan_options *o,
                    const struct isms_actor *actor)
{
    struct isms_ioc_set *own = NULL;
    struct isms_date today;
    size_t loaded = 0;
    int error;

    memset(out, 0, sizeof(*out));
    if (!o->set) {
        if (!(own = isms_ioc_set_new()))
            return isms_error_set(ISMS_ENOMEM, "out of memory");
        isms_date_today(&today);
        if ((error = isms_indicator_load_set(own, &loaded, store, org_id, &today)) < 0) {
            isms_ioc_set_free(own);
            return error;
        }
    }
    error = scan_into(out, store, org_id, in, o->set ? o->set : own, o, actor);
    isms_ioc_set_free(own);
    return error;
}

int isms_events_list(struct isms_event **out, size_t *count, int64_t *total,
                     struct isms_store *store, int64_t org_id, const struct isms_event_filter *f)
{
    enum isms_event_kind kind;
    enum isms_ioc_type type;
    int error;

    *out = NULL;
    *count = 0;
    if (f->kind && *f->kind && (error = isms_event_kind_parse(&kind, f->kind)) < 0)
        return error;
    if (f->type && *f->type && strcmp(f->type, "rule") != 0 &&
        (error = isms_ioc_type_parse(&type, f->type)) < 0)
        return error;
    if (f->limit < 0 || f->limit > 1000 || f->offset < 0)
        return isms_error_set(ISMS_EINVALID, _("'limit' must be 1 to 1000 and 'offset' 0 or more"));
    return isms_store_events_list(out, count, total, store, org_id, f);
}

int isms_event_get(struct isms_event *out, struct isms_store *store, int64_t org_id, int64_t id)
{
    return isms_store_event_get(out, store, org_id, id);
}

int isms_event_scan_upload(struct isms_event_scan_result *out, struct isms_store *store,
                           int64_t org_id, const struct isms_event_upload *u,
                           const struct isms_actor *actor)
{
    struct isms_event_scan_options o = {.origin = u->origin && *u->origin ? u->origin : "upload",
                                        .local_offset = isms_tz_offset_now(u->zone)};
    struct isms_log_rule *rules = NULL;
    const char *builtin = isms_log_rules_builtin();
    FILE *in;
    int error = 0;

    memset(out, 0, sizeof(*out));
    if (u->format && *u->format && (error = isms_log_format_parse(&o.format, u->format)) < 0)
        return error;
    if (u->builtin_rules &&
        (error = isms_log_rules_parse(&rules, &o.rule_count, builtin, strlen(builtin))) < 0)
        return error;
    o.rules = rules;
    /* A zero-length buffer is an empty log; fmemopen wants one byte. */
    if (!(in = fmemopen((void *)(u->len ? u->data : " "), u->len ? u->len : 1, "rb")))
        error = isms_error_set(ISMS_ENOMEM, "out of memory");
    else if (u->len)
        error = isms_event_scan(out, store, org_id, in, &o, actor);
    if (in)
        fclose(in);
    free(rules);
    return error;
}

int isms_event_counts_load(struct isms_log_hourly *out, struct isms_store *store, int64_t org_id,
                           int64_t since)
{
    return isms_store_log_counts_load(out, store, org_id, since);
}
