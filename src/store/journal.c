/*
 * Journal hash chain. Row n stores hash_n = SHA-256(fields_n || hash_{n-1})
 * with every field length-prefixed, so no two different rows serialize alike.
 * Sequence numbers are assigned here (previous + 1) rather than by the
 * database, which lets verify tell a deleted row from a gap it caused.
 * Deleting the newest rows leaves a valid shorter chain; verify prints the
 * head hash so it can be recorded outside the database and compared later.
 */
#include "isms_setup.h"
#include <openssl/evp.h>
#include "model/actor.h"
#include "store/db.h"
#include "store/journal.h"
#include "store/store.h"
#include "util/error.h"
#include "util/hex.h"
#include "util/time.h"

/* The genesis "previous hash". */
static const char zero_hash[ISMS_JOURNAL_HASH_HEX + 1] =
    "0000000000000000000000000000000000000000000000000000000000000000";

struct journal_row {
    int64_t seq;
    const char *at;
    int64_t org_id; /* 0 for none */
    int64_t user_id;
    const char *actor_name;
    const char *actor_address;
    const char *action;
    const char *entity;
    const char *detail;
    const char *prev_hash;
};

static void digest_field(EVP_MD_CTX *ctx, const char *value)
{
    char prefix[24];
    size_t len = strlen(value);
    int n = snprintf(prefix, sizeof(prefix), "%zu:", len);

    EVP_DigestUpdate(ctx, prefix, (size_t)n);
    EVP_DigestUpdate(ctx, value, len);
}

static void digest_number(EVP_MD_CTX *ctx, int64_t value)
{
    char text[24];

    snprintf(text, sizeof(text), "%" PRId64, value);
    digest_field(ctx, text);
}

static int row_hash(char out[ISMS_JOURNAL_HASH_HEX + 1], const struct journal_row *row)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int md_len = 0;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();

    if (!ctx || !EVP_DigestInit_ex(ctx, EVP_sha256(), NULL)) {
        EVP_MD_CTX_free(ctx);
        return isms_error_set(ISMS_ERROR, "SHA-256 is not available");
    }
    digest_number(ctx, row->seq);
    digest_field(ctx, row->at);
    digest_number(ctx, row->org_id);
    digest_number(ctx, row->user_id);
    digest_field(ctx, row->actor_name);
    digest_field(ctx, row->actor_address);
    digest_field(ctx, row->action);
    digest_field(ctx, row->entity);
    digest_field(ctx, row->detail);
    digest_field(ctx, row->prev_hash);
    EVP_DigestFinal_ex(ctx, md, &md_len);
    EVP_MD_CTX_free(ctx);
    if (md_len * 2 != ISMS_JOURNAL_HASH_HEX)
        return isms_error_set(ISMS_ERROR, "SHA-256 gave %u bytes", md_len);
    isms_hex_encode(out, md, md_len);
    return 0;
}

/* The newest row's seq and hash (0 and the zero hash for an empty log). */
static int chain_head(int64_t *seq, char hash[ISMS_JOURNAL_HASH_HEX + 1], struct isms_db *db)
{
    struct isms_stmt *st = NULL;
    int error;

    *seq = 0;
    memcpy(hash, zero_hash, sizeof(zero_hash));
    if ((error = isms_db_prepare(&st, db,
                                 "SELECT seq, hash FROM journal "
                                 "ORDER BY seq DESC LIMIT 1")) < 0)
        return error;
    if ((error = isms_stmt_step(st)) == 1) {
        *seq = isms_stmt_int64(st, 0);
        snprintf(hash, ISMS_JOURNAL_HASH_HEX + 1, "%s", isms_stmt_text(st, 1));
        error = 0;
    }
    isms_stmt_finalize(st);
    return error;
}

static int insert_row(struct isms_db *db, const struct journal_row *row, const char *hash)
{
    struct isms_stmt *st = NULL;
    int error;

    if ((error = isms_db_prepare(&st, db,
                                 "INSERT INTO journal (seq, at, org_id, actor_user_id, "
                                 "actor_name, actor_address, action, entity, detail, "
                                 "prev_hash, hash) "
                                 "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")) < 0)
        return error;
    if ((error = isms_stmt_bind_int64(st, 1, row->seq)) < 0 ||
        (error = isms_stmt_bind_text(st, 2, row->at)) < 0 ||
        (error = row->org_id ? isms_stmt_bind_int64(st, 3, row->org_id)
                             : isms_stmt_bind_null(st, 3)) < 0 ||
        (error = isms_stmt_bind_int64(st, 4, row->user_id)) < 0 ||
        (error = isms_stmt_bind_text(st, 5, row->actor_name)) < 0 ||
        (error = isms_stmt_bind_text(st, 6, row->actor_address)) < 0 ||
        (error = isms_stmt_bind_text(st, 7, row->action)) < 0 ||
        (error = isms_stmt_bind_text(st, 8, row->entity)) < 0 ||
        (error = isms_stmt_bind_text(st, 9, row->detail)) < 0 ||
        (error = isms_stmt_bind_text(st, 10, row->prev_hash)) < 0 ||
        (error = isms_stmt_bind_text(st, 11, hash)) < 0)
        goto done;
    error = isms_stmt_step(st);
    error = error < 0 ? error : 0;
done:
    isms_stmt_finalize(st);
    return error;
}

int isms_store_journal_append(struct isms_db *db, const struct isms_actor *actor,
                              const struct isms_journal_event *event)
{
    char prev[ISMS_JOURNAL_HASH_HEX + 1], hash[ISMS_JOURNAL_HASH_HEX + 1];
    char now[ISMS_TIMESTAMP_SIZE];
    struct journal_row row;
    int error;

    if (!actor || !event || !event->action)
        return isms_error_set(ISMS_ERROR, "journal event without actor or action");
    if ((error = chain_head(&row.seq, prev, db)) < 0)
        return error;
    isms_time_now(now);
    row.seq += 1;
    row.at = now;
    row.org_id = event->org_id;
    row.user_id = actor->user_id;
    row.actor_name = actor->name ? actor->name : "";
    row.actor_address = actor->address ? actor->address : "";
    row.action = event->action;
    row.entity = event->entity ? event->entity : "";
    row.detail = event->detail ? event->detail : "{}";
    row.prev_hash = prev;
    if ((error = row_hash(hash, &row)) < 0)
        return error;
    return insert_row(db, &row, hash);
}

static void report_break(struct isms_journal_report *report, int64_t seq, const char *reason)
{
    report->first_bad = seq;
    snprintf(report->reason, sizeof(report->reason), "%s", reason);
}

/* Checks one stored row against the chain so far; records the first break. */
static int check_row(struct isms_journal_report *report, struct isms_stmt *st, int64_t expected_seq,
                     char prev[ISMS_JOURNAL_HASH_HEX + 1])
{
    char hash[ISMS_JOURNAL_HASH_HEX + 1];
    const char *stored_prev = isms_stmt_text(st, 9), *stored_hash = isms_stmt_text(st, 10);
    struct journal_row row = {
        .seq = isms_stmt_int64(st, 0),
        .at = isms_stmt_text(st, 1),
        .org_id = isms_stmt_is_null(st, 2) ? 0 : isms_stmt_int64(st, 2),
        .user_id = isms_stmt_int64(st, 3),
        .actor_name = isms_stmt_text(st, 4),
        .actor_address = isms_stmt_text(st, 5),
        .action = isms_stmt_text(st, 6),
        .entity = isms_stmt_text(st, 7),
        .detail = isms_stmt_text(st, 8),
        .prev_hash = prev,
    };
    int error;

    if (row.seq != expected_seq) {
        report_break(report, expected_seq, "row missing (deleted) before this sequence number");
        return 0;
    }
    if (!stored_prev || strcmp(stored_prev, prev) != 0) {
        report_break(report, row.seq, "previous-hash link does not match the row before");
        return 0;
    }
    if ((error = row_hash(hash, &row)) < 0)
        return error;
    if (!stored_hash || strcmp(stored_hash, hash) != 0) {
        report_break(report, row.seq, "row content does not match its hash (edited)");
        return 0;
    }
    memcpy(prev, hash, sizeof(hash));
    return 0;
}

int isms_store_journal_verify(struct isms_journal_report *report, struct isms_store *store)
{
    struct isms_db *db = isms_store_acquire(store);
    struct isms_stmt *st = NULL;
    char prev[ISMS_JOURNAL_HASH_HEX + 1];
    int error;

    memset(report, 0, sizeof(*report));
    memcpy(prev, zero_hash, sizeof(zero_hash));
    if ((error = isms_db_prepare(&st, db,
                                 "SELECT seq, at, org_id, actor_user_id, actor_name, "
                                 "actor_address, action, entity, detail, prev_hash, hash "
                                 "FROM journal ORDER BY seq")) < 0)
        goto done;
    while ((error = isms_stmt_step(st)) == 1) {
        if ((error = check_row(report, st, report->rows + 1, prev)) < 0)
            goto done;
        if (report->first_bad)
            break;
        report->rows++;
    }
    if (error >= 0 && !report->first_bad && report->rows)
        memcpy(report->head, prev, sizeof(prev));
    error = error < 0 ? error : 0;
done:
    isms_stmt_finalize(st);
    isms_store_release(store, db);
    return error;
}
