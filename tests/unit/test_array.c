/* The growable array: room doubles, and a failed allocation loses nothing.
 * This test links with -Wl,--wrap=realloc (tests/CMakeLists.txt) so that it
 * can make the next realloc fail. */
#include "isms_setup.h"
#include <setjmp.h>
#include <cmocka.h>
#include "util/array.h"
#include "util/error.h"

void *__real_realloc(void *ptr, size_t size);
void *__wrap_realloc(void *ptr, size_t size);

static int reallocs_before_failure = -1; /* -1: never fail */
static int realloc_calls;

void *__wrap_realloc(void *ptr, size_t size)
{
    realloc_calls++;
    if (reallocs_before_failure == 0)
        return NULL;
    if (reallocs_before_failure > 0)
        reallocs_before_failure--;
    return __real_realloc(ptr, size);
}

static int reset(void **state)
{
    reallocs_before_failure = -1;
    realloc_calls = 0;
    return 0;
}

static void room_doubles_as_items_are_added(void **state)
{
    int64_t *items = NULL;
    size_t cap = 0;

    for (size_t i = 0; i < 1000; i++) {
        assert_int_equal(ISMS_ARRAY_RESERVE(items, cap, i), 0);
        items[i] = (int64_t)i * 3;
    }
    assert_int_equal(cap, 1024);
    /* 16, 32, ..., 1024: seven allocations for a thousand items. */
    assert_int_equal(realloc_calls, 7);
    for (size_t i = 0; i < 1000; i++)
        assert_int_equal(items[i], (int64_t)i * 3);
    free(items);
}

static void a_failed_allocation_keeps_the_old_array(void **state)
{
    int *items = NULL;
    size_t cap = 0;
    int *before;

    for (size_t i = 0; i < ISMS_ARRAY_FIRST_CAP; i++) {
        assert_int_equal(ISMS_ARRAY_RESERVE(items, cap, i), 0);
        items[i] = (int)i + 100;
    }
    before = items;
    reallocs_before_failure = 0;
    assert_int_equal(ISMS_ARRAY_RESERVE(items, cap, ISMS_ARRAY_FIRST_CAP), ISMS_ENOMEM);
    assert_string_equal(isms_error_last(), "out of memory");
    /* The room said is the room there is: writing items[cap - 1] is still safe,
     * items[cap] would not be, and the caller frees the one array it has. */
    assert_ptr_equal(items, before);
    assert_int_equal(cap, ISMS_ARRAY_FIRST_CAP);
    for (size_t i = 0; i < ISMS_ARRAY_FIRST_CAP; i++)
        assert_int_equal(items[i], (int)i + 100);
    /* Once memory is back the same call succeeds. */
    reallocs_before_failure = -1;
    assert_int_equal(ISMS_ARRAY_RESERVE(items, cap, ISMS_ARRAY_FIRST_CAP), 0);
    assert_int_equal(cap, 2 * ISMS_ARRAY_FIRST_CAP);
    free(items);
}

static void room_that_is_there_needs_no_allocation(void **state)
{
    char *items = NULL;
    size_t cap = 0;

    assert_int_equal(ISMS_ARRAY_RESERVE(items, cap, 0), 0);
    realloc_calls = 0;
    reallocs_before_failure = 0;
    assert_int_equal(ISMS_ARRAY_RESERVE(items, cap, cap - 1), 0);
    assert_int_equal(realloc_calls, 0);
    free(items);
}

static void a_size_that_overflows_is_refused_before_allocating(void **state)
{
    struct big {
        char bytes[1 << 20];
    } *items = NULL;
    size_t cap = 0;

    assert_int_equal(ISMS_ARRAY_RESERVE(items, cap, SIZE_MAX / 4), ISMS_ENOMEM);
    assert_int_equal(realloc_calls, 0);
    assert_null(items);
    assert_int_equal(cap, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(room_doubles_as_items_are_added, reset),
        cmocka_unit_test_setup(a_failed_allocation_keeps_the_old_array, reset),
        cmocka_unit_test_setup(room_that_is_there_needs_no_allocation, reset),
        cmocka_unit_test_setup(a_size_that_overflows_is_refused_before_allocating, reset),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
