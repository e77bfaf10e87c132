#include "isms_setup.h"
#include "engines/ioc/indicator_set.h"
#include "util/error.h"

/* Open addressing over keys of up to 17 bytes (addresses, networks) or a
 * string (everything else); the table doubles at 50 % load. */
struct entry {
    uint64_t hash;    /* 0: empty */
    const char *text; /* the key's bytes */
    size_t len;
    const char *display; /* the canonical text shown for a hit */
    int64_t tag;
    enum isms_ioc_type type;
};

/* A bit a hash before the table itself: most tokens of a log are in no
 * list, and the filter (eight bits a slot: 1/16 of the table's bytes, in
 * cache) answers them without touching the table (not in cache). */
#define FILTER_BITS_PER_SLOT 8

struct table {
    struct entry *slots;
    size_t cap, count;
    uint64_t *filter; /* cap * FILTER_BITS_PER_SLOT bits */
};

static size_t filter_bit(const struct table *t, uint64_t h)
{
    return (size_t)(h >> 32) & (t->cap * FILTER_BITS_PER_SLOT - 1);
}

struct isms_ioc_set {
    struct table strings; /* domains, URLs, e-mail, hashes: by canonical text */
    struct table addrs;   /* 16-byte addresses, as raw bytes */
    struct table nets;    /* 16-byte network + prefix byte */
    bool prefix_used[129];
    size_t count;
    size_t by_type[ISMS_IOC_TYPES];
    /* Bit n: a listed domain has n labels (bit 63: 63 or more). A token's
     * suffixes of other label counts cannot match and are not looked up. */
    uint64_t domain_labels;
    struct isms_ioc_set *allow; /* allowed values; NULL while there are none */
    char **owned;               /* the texts, freed with the set */
    size_t owned_count, owned_cap;
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
    return h ? h : 1;
}

static bool may_hold(const struct table *t, uint64_t h)
{
    size_t bit = filter_bit(t, h);

    return t->filter[bit / 64] >> (bit % 64) & 1;
}

/* Doubles the table and builds its filter anew at the new size. */
static int grow(struct table *t)
{
    size_t cap = t->cap ? t->cap * 2 : 1024;
    struct entry *slots = calloc(cap, sizeof(*slots));
    uint64_t *filter = calloc(cap * FILTER_BITS_PER_SLOT / 64, sizeof(*filter));

    if (!slots || !filter) {
        free(slots);
        free(filter);
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < t->cap; i++) {
        size_t j;
        if (!t->slots[i].hash)
            continue;
        for (j = t->slots[i].hash & (cap - 1); slots[j].hash; j = (j + 1) & (cap - 1))
            ;
        slots[j] = t->slots[i];
    }
    free(t->slots);
    free(t->filter);
    t->slots = slots;
    t->filter = filter;
    t->cap = cap;
    for (size_t i = 0; i < cap; i++)
        if (slots[i].hash) {
            size_t bit = filter_bit(t, slots[i].hash);
            filter[bit / 64] |= 1ull << (bit % 64);
        }
    return 0;
}

static const struct entry *lookup(const struct table *t, const void *key, size_t len, uint64_t h)
{
    if (!t->cap || !may_hold(t, h))
        return NULL;
    for (size_t j = h & (t->cap - 1); t->slots[j].hash; j = (j + 1) & (t->cap - 1))
        if (t->slots[j].hash == h && t->slots[j].len == len &&
            memcmp(t->slots[j].text, key, len) == 0)
            return &t->slots[j];
    return NULL;
}

static char *keep(struct isms_ioc_set *set, const void *data, size_t len)
{
    char *copy;

    if (set->owned_count == set->owned_cap) {
        size_t cap = set->owned_cap ? set->owned_cap * 2 : 256;
        char **owned = realloc(set->owned, cap * sizeof(*owned));
        if (!owned)
            return NULL;
        set->owned = owned;
        set->owned_cap = cap;
    }
    if (!(copy = malloc(len + 1)))
        return NULL;
    memcpy(copy, data, len);
    copy[len] = '\0';
    return set->owned[set->owned_count++] = copy;
}

/* Inserts `key` with its display text; 1 when it was new, 0 when known. */
static int insert(struct isms_ioc_set *set, struct table *t, const void *key, size_t len,
                  const char *display, int64_t tag, enum isms_ioc_type type)
{
    uint64_t h = hash_bytes(key, len);
    char *stored, *shown;
    size_t j;
    int error;

    if (lookup(t, key, len, h))
        return 0;
    if ((t->count + 1) * 2 > t->cap && (error = grow(t)) < 0)
        return error;
    t->filter[filter_bit(t, h) / 64] |= 1ull << (filter_bit(t, h) % 64);
    if (!(stored = keep(set, key, len)))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    shown = display == key ? stored : keep(set, display, strlen(display));
    if (!shown)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    for (j = h & (t->cap - 1); t->slots[j].hash; j = (j + 1) & (t->cap - 1))
        ;
    t->slots[j] = (struct entry){h, stored, len, shown, tag, type};
    t->count++;
    return 1;
}

struct isms_ioc_set *isms_ioc_set_new(void)
{
    return calloc(1, sizeof(struct isms_ioc_set));
}

void isms_ioc_set_free(struct isms_ioc_set *set)
{
    if (!set)
        return;
    isms_ioc_set_free(set->allow);
    for (size_t i = 0; i < set->owned_count; i++)
        free(set->owned[i]);
    free(set->owned);
    free(set->strings.slots);
    free(set->addrs.slots);
    free(set->nets.slots);
    free(set->strings.filter);
    free(set->addrs.filter);
    free(set->nets.filter);
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
