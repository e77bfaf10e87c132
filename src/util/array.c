#include "isms_setup.h"
#include "util/array.h"
#include "util/error.h"

int isms_array_reserve(void *items_ptr, size_t *cap, size_t index, size_t item_size)
{
    size_t new_cap = *cap ? *cap : ISMS_ARRAY_FIRST_CAP;
    void *items, *grown;

    if (index < *cap)
        return 0;
    while (new_cap <= index) {
        if (new_cap > SIZE_MAX / 2)
            return isms_error_set(ISMS_ENOMEM, "out of memory");
        new_cap *= 2;
    }
    if (item_size && new_cap > SIZE_MAX / item_size)
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    /* The pointer is copied as bytes: items_ptr points at a T *, not a void *. */
    memcpy(&items, items_ptr, sizeof(items));
    if (!(grown = realloc(items, new_cap * item_size)))
        return isms_error_set(ISMS_ENOMEM, "out of memory");
    memcpy(items_ptr, &grown, sizeof(grown));
    *cap = new_cap;
    return 0;
}
