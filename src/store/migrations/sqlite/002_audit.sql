-- The audit log: an append-only SHA-256 hash chain (see src/store/audit.c).
-- No foreign key to orgs: the record of a change outlives what it changed.
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    org_id INTEGER,
    actor_user_id INTEGER NOT NULL DEFAULT 0,
    actor_name TEXT NOT NULL,
    actor_address TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
) STRICT;

CREATE INDEX audit_log_org ON audit_log (org_id, seq);
