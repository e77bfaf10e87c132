/* The per-request arena: aligned, zeroed memory that is freed all at once. */
#include "isms_setup.h"
#include <setjmp.h>
#include <stddef.h>
#include <cmocka.h>
#include "util/arena.h"

static void allocations_are_aligned_zeroed_and_distinct(void **state)
{
    struct isms_arena arena = ISMS_ARENA_INIT;
    unsigned char *previous = NULL;

    for (size_t size = 1; size < 300; size += 7) {
        unsigned char *p = isms_arena_alloc(&arena, size);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
        for (size_t i = 0; i < size; i++)
            assert_int_equal(p[i], 0);
        memset(p, 0xab, size);
        /* Writing one allocation never reaches into the one before. */
        if (previous)
            assert_true(previous[0] == 0xab);
        previous = p;
    }
    isms_arena_release(&arena);
    assert_null(arena.chunks);
}

static void big_allocations_get_their_own_room(void **state)
{
    struct isms_arena arena = ISMS_ARENA_INIT;
    char *small = isms_arena_alloc(&arena, 16);
    char *big = isms_arena_alloc(&arena, 100000);
    char *after = isms_arena_alloc(&arena, 16);

    assert_non_null(small);
    assert_non_null(big);
    assert_non_null(after);
    memset(big, 'x', 100000);
    assert_int_equal(small[0], 0);
    assert_int_equal(after[0], 0);
    isms_arena_release(&arena);
}

static void strings_are_copied_and_formatted(void **state)
{
    struct isms_arena arena = ISMS_ARENA_INIT;
    char original[] = "リスク所有者";
    char *copy = isms_arena_strdup(&arena, original);
    char *text = isms_arena_printf(&arena, "/orgs/%s/risks/%d", "acme", 42);

    original[0] = 'x';
    assert_string_equal(copy, "リスク所有者");
    assert_string_equal(text, "/orgs/acme/risks/42");
    isms_arena_release(&arena);
    /* Released, the arena is empty and usable again. */
    assert_non_null(isms_arena_strdup(&arena, "again"));
    isms_arena_release(&arena);
}

static void impossible_sizes_fail_cleanly(void **state)
{
    struct isms_arena arena = ISMS_ARENA_INIT;

    assert_null(isms_arena_alloc(&arena, SIZE_MAX - 8));
    assert_non_null(isms_arena_alloc(&arena, 8));
    isms_arena_release(&arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(allocations_are_aligned_zeroed_and_distinct),
        cmocka_unit_test(big_allocations_get_their_own_room),
        cmocka_unit_test(strings_are_copied_and_formatted),
        cmocka_unit_test(impossible_sizes_fail_cleanly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
