/*
 * Evidence of a control or an incident: a file kept in the database with
 * its SHA-256, or a link (store/evidence.h keeps both kinds).
 */
#ifndef ISMS_MODEL_EVIDENCE_H
#define ISMS_MODEL_EVIDENCE_H

#include <stdint.h>
#include "util/hex.h"
#include "util/time.h"

#define ISMS_EVIDENCE_FILE_MAX (10u << 20) /* bytes of one evidence file */

struct isms_evidence {
    int64_t id;
    char name[256];
    char url[1024]; /* "" for a file */
    char sha256[ISMS_SHA256_HEX_SIZE];
    int64_t size;
    char added_by[80];
    char added_at[ISMS_TIMESTAMP_SIZE];
};

/* An evidence file with its content, for a download. */
struct isms_evidence_file {
    struct isms_evidence meta;
    char *content; /* owned: free() */
    size_t len;
};

#endif
