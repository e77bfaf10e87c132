/*
 * Growable arrays: a pointer to the items, how many there are and how many
 * fit. Every list the code builds grows through this one function, so the
 * doubling, the overflow check and the failure path are written once.
 */
#ifndef ISMS_UTIL_ARRAY_H
#define ISMS_UTIL_ARRAY_H

#define ISMS_ARRAY_FIRST_CAP 16

/* Makes room for item `index` in the array *items_ptr points at (a T *
 * whose room is *cap items of `item_size` bytes), doubling the room as
 * needed. The pointer and *cap change only when the allocation succeeds:
 * on failure the old array is intact and still the caller's to free, and
 * the result is ISMS_ENOMEM with the message set. */
int isms_array_reserve(void *items_ptr, size_t *cap, size_t index, size_t item_size);

/* isms_array_reserve for a typed pointer: ISMS_ARRAY_RESERVE(list, cap, count). */
#define ISMS_ARRAY_RESERVE(items, cap, index)                                                      \
    isms_array_reserve(&(items), &(cap), (index), sizeof(*(items)))

#endif
