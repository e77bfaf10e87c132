/*
 * A per-request arena (in the spirit of h2o's request pool and APR pools):
 * handlers take their temporary strings and structs from it and never free
 * them one by one; the server releases the whole arena when the request is
 * done, whichever way the handler left.
 */
#ifndef ISMS_UTIL_ARENA_H
#define ISMS_UTIL_ARENA_H

struct isms_arena_chunk;

struct isms_arena {
    struct isms_arena_chunk *chunks; /* newest first */
};

#define ISMS_ARENA_INIT                                                                            \
    {                                                                                              \
        NULL                                                                                       \
    }

/* `size` zeroed bytes aligned for any type, valid until the arena is
 * released; NULL (ISMS_ENOMEM set) when memory is out. */
void *isms_arena_alloc(struct isms_arena *arena, size_t size);

/* A copy of `text` / the formatted text in the arena; NULL when memory is out. */
char *isms_arena_strdup(struct isms_arena *arena, const char *text);
char *isms_arena_printf(struct isms_arena *arena, const char *fmt, ...) ISMS_PRINTF(2, 3);

/* Frees everything taken from the arena; it can be used again afterwards. */
void isms_arena_release(struct isms_arena *arena);

#endif
