-- The hash-chained change log is the journal; "audit" now means ISO/IEC 27001
-- clause 9.2 internal audit. Row hashes do not cover the table name, so the
-- chain stays intact across the rename.
ALTER TABLE audit_log RENAME TO journal;
DROP INDEX audit_log_org;
CREATE INDEX journal_org ON journal (org_id, seq);
