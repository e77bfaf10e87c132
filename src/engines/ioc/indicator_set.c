#include "isms_setup.h"
#include "engines/ioc/indicator_set.h"
#include "util/error.h"

/* The indicators of a table in a dense array; the slots, open addressing
 * at most half full, hold the upper half of a key's hash beside its entry
 * number, so a probe compares hashes without touching the entry. Texts
 * live in a pool of large blocks: no allocation an indicator. */
struct entry {
    const char *key;     /* the key's bytes, in the pool */
    const char *display; /* the canonical text shown for a hit */
    int64_t tag;
    uint32_t len;
    uint8_t type; /* enum isms_ioc_type */
};

/* A bit a hash before the table itself: most tokens of a log are in no
 * list, and the filter (eight bits a slot: 1/8 of the slots' bytes, in
 * cache) answers them without touching the slots (not in cache). */
#define FILTER_BITS_PER_SLOT 8

struct table {
    uint64_t *slots; /* hash >> 32 << 32 | entry number + 1; 0: empty */
    size_t cap;
    struct entry *entries;
    size_t count, room;
    uint64_t *filter; /* cap * FILTER_BITS_PER_SLOT bits */
};

#define POOL_BLOCK (1u << 20)

struct pool_block {
    struct pool_block *next;
    size_t used;
    char data[];
};

static size_t filter_bit(const struct table *t, uint64_t h)
{
    return (size_t)(h >> 32) & (t->cap * FILTER_BITS_PER_SLOT - 1);
}

struct isms_ioc_set {
    struct table strings; /* domains, URLs, e-mail, hashes, paths: by canonical text */
    struct table addrs;   /* 16-byte addresses, as raw bytes */
    struct table nets;    /* 16-byte network + prefix byte */
    bool prefix_used[129];
    size_t count;
    size_t by_type[ISMS_IOC_TYPES];
    /* Bit n: a listed domain has n labels (bit 63: 63 or more). A token's
     * suffixes of other label counts cannot match and are not looked up. */
    uint64_t domain_labels;
    struct isms_ioc_set *allow; /* allowed values; NULL while there are none */
    struct pool_block *pool;    /* newest first */
};

/* Eight bytes a step, each step a multiply and a rotation. */
static uint64_t hash_bytes(const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t h = 0x9e3779b97f4a7c15u ^ len, w;

    for (; len >= 8; p += 8, len -= 8) {
        memcpy(&w, p, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdu;
        h ^= h >> 32;
    }
    w = 0;
    memcpy(&w, p, len);
    h = (h ^ w) * 0xc4ceb9fe1a85ec53u;
    h ^= h >> 29;
    return h;
}

static bool may_hold(const struct table *t, uint64_t h)
{
    size_t bit = filter_bit(t, h);

    return t->filter[bit / 64] >> (bit % 64) & 1;
}

static void place(uint64_t *slots, size_t cap, uint64_t h, size_t number)
{
    size_t j;

    for (j = h & (cap - 1); slots[j]; j = (j + 1) & (cap - 1))
        ;
    slots[j] = (h >> 32 << 32) | (uint64_t)number;
}

/* Doubles the slots and builds the filter anew at the new size. */
static int grow(struct table *t)
{
    size_t cap = t->cap ? t->cap * 2 : 1024;
    uint64_t *slots = calloc(cap, sizeof(*slots));
    uint64_t *filter = calloc(cap * FILTER_BITS_PER_SLOT / 64, sizeof(*filter));

    if (!slots || !filter) {
        free(slots);
        free(filter);
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    }
    free(t->slots);
    free(t->filter);
    t->slots = slots;
    t->filter = filter;
    t->cap = cap;
    for (size_t i = 0; i < t->count; i++) {
        uint64_t h = hash_bytes(t->entries[i].key, t->entries[i].len);
        size_t bit = filter_bit(t, h);
        place(slots, cap, h, i + 1);
        filter[bit / 64] |= 1ull << (bit % 64);
    }
    return 0;
}

static const struct entry *lookup(const struct table *t, const void *key, size_t len, uint64_t h)
{
    uint64_t tag = h >> 32 << 32;

    if (!t->cap || !may_hold(t, h))
        return NULL;
    for (size_t j = h & (t->cap - 1); t->slots[j]; j = (j + 1) & (t->cap - 1)) {
        const struct entry *e;
        if ((t->slots[j] & ~0xffffffffull) != tag)
            continue;
        e = &t->entries[(t->slots[j] & 0xffffffffu) - 1];
        if (e->len == len && memcmp(e->key, key, len) == 0)
            return e;
    }
    return NULL;
}

/* A copy of `len` bytes (and a NUL) in the set's pool. */
static char *keep(struct isms_ioc_set *set, const void *data, size_t len)
{
    struct pool_block *b = set->pool;
    char *copy;

    if (!b || b->used + len + 1 > POOL_BLOCK) {
        if (len + 1 > POOL_BLOCK || !(b = malloc(sizeof(*b) + POOL_BLOCK)))
            return NULL;
        b->next = set->pool;
        b->used = 0;
        set->pool = b;
    }
    copy = b->data + b->used;
    memcpy(copy, data, len);
    copy[len] = '\0';
    b->used += len + 1;
    return copy;
}

/* Inserts `key` with its display text; 1 when it was new, 0 when known. */
static int insert(struct isms_ioc_set *set, struct table *t, const void *key, size_t len,
                  const char *display, int64_t tag, enum isms_ioc_type type)
{
    uint64_t h = hash_bytes(key, len);
    char *stored, *shown;
    int error;

    if (lookup(t, key, len, h))
        return 0;
    if (t->count >= UINT32_MAX - 1)
        return isms_error_set(ISMS_ETOOBIG, "too many indicators");
    if ((t->count + 1) * 2 > t->cap && (error = grow(t)) < 0)
        return error;
    if (t->count == t->room) {
        size_t room = t->room ? t->room * 2 : 1024;
        struct entry *grown = realloc(t->entries, room * sizeof(*grown));
        if (!grown)
            return isms_error_set(ISMS_ENOMEM, "out of memory");
        t->entries = grown;
        t->room = room;
    }
    if (!(stored = keep(set, key, len)))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    shown = display == key ? stored : keep(set, display, strlen(display));
    if (!shown)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    t->entries[t->count] = (struct entry){stored, shown, tag, (uint32_t)len, (uint8_t)type};
    place(t->slots, t->cap, h, ++t->count);
    t->filter[filter_bit(t, h) / 64] |= 1ull << (filter_bit(t, h) % 64);
    return 1;
}

struct isms_ioc_set *isms_ioc_set_new(void)
{
    return calloc(1, sizeof(struct isms_ioc_set));
}

static void table_free(struct table *t)
{
    free(t->slots);
    free(t->entries);
    free(t->filter);
}

void isms_ioc_set_free(struct isms_ioc_set *set)
{
    if (!set)
        return;
    isms_ioc_set_free(set->allow);
    for (struct pool_block *b = set->pool, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    table_free(&set->strings);
    table_free(&set->addrs);
    table_free(&set->nets);
    free(set);
}

int isms_ioc_set_allow(struct isms_ioc_set *set, const char *value, size_t len)
{
    if (!set->allow && !(set->allow = isms_ioc_set_new()))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    return isms_ioc_set_add(set->allow, value, len, 0, NULL);
}

size_t isms_ioc_set_count(const struct isms_ioc_set *set)
{
    return set->count;
}

unsigned isms_ioc_set_wanted(const struct isms_ioc_set *set)
{
    unsigned wanted = 0;

    for (int t = 1; t < ISMS_IOC_TYPES; t++)
        if (set->by_type[t])
            wanted |= 1u << t;
    if (wanted & (1u << ISMS_IOC_IPV4 | 1u << ISMS_IOC_IPV6 | 1u << ISMS_IOC_CIDR))
        wanted |= 1u << ISMS_IOC_IPV4 | 1u << ISMS_IOC_IPV6; /* a CIDR holds addresses */
    return wanted;
}

bool isms_ioc_set_has_paths(const struct isms_ioc_set *set)
{
    return set->by_type[ISMS_IOC_FILE_PATH] || set->by_type[ISMS_IOC_REGISTRY_KEY];
}

static unsigned label_count(const char *text, size_t len)
{
    unsigned labels = 1;

    for (size_t i = 0; i < len; i++)
        labels += text[i] == '.';
    return labels < 63 ? labels : 63;
}

int isms_ioc_set_add(struct isms_ioc_set *set, const char *value, size_t len, int64_t tag,
                     enum isms_ioc_type *type_out)
{
    char canonical[ISMS_IOC_VALUE_MAX + 1];
    struct isms_ioc_addr addr;
    enum isms_ioc_type type;
    uint8_t net[17];
    int prefix, added;

    type = isms_ioc_classify(canonical, &addr, &prefix, value, len);
    if (type_out)
        *type_out = type;
    if (type == ISMS_IOC_NONE)
        return isms_error_set(ISMS_EINVALID,
                              "'%.60s' is no IP address, network, domain, URL, e-mail "
                              "address, hash, file path or registry key",
                              len > 60 ? "(long value)" : value);
    if (type == ISMS_IOC_IPV4 || type == ISMS_IOC_IPV6) {
        added = insert(set, &set->addrs, addr.b, 16, canonical, tag, type);
    } else if (type == ISMS_IOC_CIDR) {
        memcpy(net, addr.b, 16);
        net[16] = (uint8_t)prefix;
        set->prefix_used[prefix] = true;
        added = insert(set, &set->nets, net, 17, canonical, tag, type);
    } else {
        added = insert(set, &set->strings, canonical, strlen(canonical), canonical, tag, type);
    }
    if (added > 0 && type == ISMS_IOC_DOMAIN)
        set->domain_labels |= 1ull << label_count(canonical, strlen(canonical));
    if (added > 0) {
        set->count++;
        set->by_type[type]++;
    }
    return added < 0 ? added : 0;
}

static bool found(const struct entry *e, struct isms_ioc_match *out)
{
    if (!e)
        return false;
    *out = (struct isms_ioc_match){e->type, e->display, e->tag};
    return true;
}

static bool find_string(const struct isms_ioc_set *set, const char *text, size_t len,
                        struct isms_ioc_match *out)
{
    return found(lookup(&set->strings, text, len, hash_bytes(text, len)), out);
}

/* The address itself, then each network that holds it, longest prefix first. */
static bool find_addr(const struct isms_ioc_set *set, const struct isms_ioc_addr *a,
                      struct isms_ioc_match *out)
{
    uint8_t net[17];

    if (found(lookup(&set->addrs, a->b, 16, hash_bytes(a->b, 16)), out))
        return true;
    if (!set->nets.count)
        return false;
    for (int prefix = 128; prefix >= (a->v4 ? 96 : 0); prefix--) {
        if (!set->prefix_used[prefix])
            continue;
        memcpy(net, a->b, 16);
        for (int bit = prefix; bit < 128; bit++)
            net[bit / 8] &= (uint8_t) ~(0x80u >> (bit % 8));
        net[16] = (uint8_t)prefix;
        if (found(lookup(&set->nets, net, 17, hash_bytes(net, 17)), out))
            return true;
    }
    return false;
}

/* "a.b.evil.example": itself, then "b.evil.example", "evil.example" - at
 * label boundaries only, and never the last label alone (a listed domain
 * has two labels at least). */
static bool find_domain(const struct isms_ioc_set *set, const char *lower, size_t len,
                        struct isms_ioc_match *out)
{
    const char *end = lower + len;
    unsigned labels = label_count(lower, len);

    for (const char *p = lower; p < end && labels >= 2; labels--) {
        const char *dot = memchr(p, '.', (size_t)(end - p));
        if (!dot)
            break;
        if ((set->domain_labels >> labels & 1) && find_string(set, p, (size_t)(end - p), out))
            return true;
        p = dot + 1;
    }
    return false;
}

static bool find_listed(const struct isms_ioc_set *set, const struct isms_ioc_token *t,
                        struct isms_ioc_match *out);

bool isms_ioc_set_find(const struct isms_ioc_set *set, const struct isms_ioc_token *t,
                       struct isms_ioc_match *out)
{
    struct isms_ioc_match allowed;

    return find_listed(set, t, out) && !(set->allow && find_listed(set->allow, t, &allowed));
}

static bool find_listed(const struct isms_ioc_set *set, const struct isms_ioc_token *t,
                        struct isms_ioc_match *out)
{
    char lower[ISMS_IOC_VALUE_MAX + 1];
    size_t len = t->len < ISMS_IOC_VALUE_MAX ? t->len : ISMS_IOC_VALUE_MAX;

    if (t->type == ISMS_IOC_IPV4 || t->type == ISMS_IOC_IPV6)
        return (set->by_type[ISMS_IOC_IPV4] || set->by_type[ISMS_IOC_IPV6] ||
                set->by_type[ISMS_IOC_CIDR]) &&
               find_addr(set, &t->addr, out);
    /* A token of a kind the list has none of looks nothing up. */
    if (!set->by_type[t->type])
        return false;
    if (t->type == ISMS_IOC_FILE_PATH)
        return isms_ioc_canonical_path(lower, t->text, len) &&
               find_string(set, lower, strlen(lower), out);
    if (t->type == ISMS_IOC_REGISTRY_KEY)
        return isms_ioc_canonical_registry_key(lower, t->text, len) &&
               find_string(set, lower, strlen(lower), out);
    for (size_t i = 0; i < len; i++)
        lower[i] = (t->text[i] >= 'A' && t->text[i] <= 'Z') ? (char)(t->text[i] + 32) : t->text[i];
    lower[len] = '\0';
    if (t->type == ISMS_IOC_DOMAIN)
        return find_domain(set, lower, len, out);
    return find_string(set, lower, len, out);
}
