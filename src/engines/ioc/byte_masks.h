/*
 * The classes of a log line's bytes as bit masks, 64 bytes at a time: bit i
 * of a mask is byte i of the block. The tokenizer goes from one byte that
 * can be in a token to the next with bit operations, never looking at the
 * plain words between; the masks come from AVX2 compares where the CPU has
 * them, else from a table.
 */
#ifndef ISMS_ENGINES_IOC_BYTE_MASKS_H
#define ISMS_ENGINES_IOC_BYTE_MASKS_H

#include <stddef.h>
#include <stdint.h>

enum isms_byte_class {
    ISMS_BYTE_RUN,   /* letters, digits, . - _ @ + % : (what tokens are made of) */
    ISMS_BYTE_HEX,   /* hex digits (what a hash is made of) */
    ISMS_BYTE_ALPHA, /* letters */
    ISMS_BYTE_DOT,   /* . : @ each a class: every token but a hash holds one */
    ISMS_BYTE_COLON,
    ISMS_BYTE_AT,
    ISMS_BYTE_CLASSES
};

struct isms_byte_masks {
    uint64_t m[ISMS_BYTE_CLASSES];
};

#define ISMS_BYTE_BLOCKS(len) (((len) + 63) / 64)

/* The masks of each 64 bytes of `line`, ISMS_BYTE_BLOCKS(len) of them in
 * `out`; bytes past the end are in no class. */
void isms_byte_masks_line(struct isms_byte_masks *out, const char *line, size_t len);

#endif
