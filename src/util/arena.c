#include "isms_setup.h"
#include <stdarg.h>
#include <stddef.h>
#include "util/arena.h"
#include "util/error.h"

/* Most requests fit in one chunk; a bigger allocation gets a chunk of its own. */
#define CHUNK_SIZE 8192

struct isms_arena_chunk {
    struct isms_arena_chunk *next;
    size_t used, size; /* in bytes of data[] */
    max_align_t data[];
};

static size_t aligned(size_t size)
{
    size_t align = sizeof(max_align_t);

    return (size + align - 1) / align * align;
}

static struct isms_arena_chunk *add_chunk(struct isms_arena *arena, size_t need)
{
    size_t size = need > CHUNK_SIZE ? need : CHUNK_SIZE;
    struct isms_arena_chunk *chunk;

    if (size > SIZE_MAX - sizeof(*chunk) || !(chunk = malloc(sizeof(*chunk) + size)))
        return NULL;
    *chunk = (struct isms_arena_chunk){arena->chunks, 0, size};
    arena->chunks = chunk;
    return chunk;
}

void *isms_arena_alloc(struct isms_arena *arena, size_t size)
{
    struct isms_arena_chunk *chunk = arena->chunks;
    size_t need;
    char *p;

    if (size > SIZE_MAX / 2) {
        isms_error_set(ISMS_ENOMEM, "out of memory");
        return NULL;
    }
    need = aligned(size ? size : 1);
    if ((!chunk || chunk->size - chunk->used < need) && !(chunk = add_chunk(arena, need))) {
        isms_error_set(ISMS_ENOMEM, "out of memory");
        return NULL;
    }
    p = (char *)chunk->data + chunk->used;
    chunk->used += need;
    return memset(p, 0, size);
}

char *isms_arena_strdup(struct isms_arena *arena, const char *text)
{
    size_t len = strlen(text);
    char *copy = isms_arena_alloc(arena, len + 1);

    return copy ? memcpy(copy, text, len + 1) : NULL;
}

char *isms_arena_printf(struct isms_arena *arena, const char *fmt, ...)
{
    va_list ap;
    char *text;
    int len;

    va_start(ap, fmt);
    len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (len < 0 || !(text = isms_arena_alloc(arena, (size_t)len + 1)))
        return NULL;
    va_start(ap, fmt);
    vsnprintf(text, (size_t)len + 1, fmt, ap);
    va_end(ap);
    return text;
}

void isms_arena_release(struct isms_arena *arena)
{
    while (arena->chunks) {
        struct isms_arena_chunk *next = arena->chunks->next;
        free(arena->chunks);
        arena->chunks = next;
    }
}
