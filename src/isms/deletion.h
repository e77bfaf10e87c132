/*
 * Retention and deletion (capability A17, ISO/IEC 27001:2022 A.8.10; see
 * model/deletion.h): the due list of every asset with a retention rule and
 * where it stands today, and the deletion records.
 */
#ifndef ISMS_ISMS_DELETION_H
#define ISMS_ISMS_DELETION_H

#include "model/deletion.h"

struct isms_store;
struct isms_actor;

/* The due list on `today`, only items of `status` unless it is 0; overdue
 * first, then by due date. *out: free(). */
int isms_deletion_due_list(struct isms_deletion_due **out, size_t *count, struct isms_store *store,
                           int64_t org_id, const struct isms_date *today,
                           enum isms_deletion_status status);

/* Counts of the due list by status ([status] for 1..ISMS_DELETION_DELETED). */
struct isms_deletion_counts {
    size_t by_status[ISMS_DELETION_DELETED + 1];
};
int isms_deletion_count(struct isms_deletion_counts *out, struct isms_store *store, int64_t org_id,
                        const struct isms_date *today);
/* The same of a due list already read. */
void isms_deletion_count_items(struct isms_deletion_counts *out,
                               const struct isms_deletion_due *items, size_t count);

/* What a form, request or command line gives for a record. */
struct isms_deletion_input {
    const char *asset; /* an asset id, or "" / NULL for information outside the register */
    const char *what;  /* required without an asset */
    const char *date;  /* YYYY-MM-DD, not after today */
    const char *method, *responsible, *evidence, *notes;
};

/* Validates and stores a record; *id_out gets its id. ISMS_EINVALID naming
 * the field, ISMS_ENOTFOUND for an asset that is not the org's. */
int isms_deletion_record(int64_t *id_out, struct isms_store *store, int64_t org_id,
                         const struct isms_deletion_input *in, const struct isms_actor *actor);

/* The records, newest first (of one asset when `asset_id` is not 0). */
int isms_deletion_records(struct isms_deletion_record **out, size_t *count,
                          struct isms_store *store, int64_t org_id, int64_t asset_id);

#endif
