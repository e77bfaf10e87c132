/*
 * The journal as it is read back: one row of the hash-chained change log,
 * and the result of checking the chain (store/journal.h writes and checks
 * it; isms/journal.h is what the commands and the API call).
 */
#ifndef ISMS_MODEL_JOURNAL_H
#define ISMS_MODEL_JOURNAL_H

#include "util/time.h"

#define ISMS_JOURNAL_HASH_HEX 64

struct isms_journal_entry {
    int64_t seq;
    char at[ISMS_TIMESTAMP_SIZE];
    int64_t org_id; /* 0: none */
    int64_t user_id;
    char actor_name[80];
    char actor_address[64];
    char action[64];
    char entity[160];
    char *detail; /* JSON text, owned by the array (isms_journal_entries_free) */
};

void isms_journal_entries_free(struct isms_journal_entry *entries, size_t count);

struct isms_journal_report {
    int64_t rows;      /* rows checked */
    int64_t first_bad; /* sequence number of the first broken row; 0 when intact */
    char reason[160];  /* why first_bad is broken */
    char head[ISMS_JOURNAL_HASH_HEX + 1]; /* hash of the last row ("" when empty) */
};

#endif
