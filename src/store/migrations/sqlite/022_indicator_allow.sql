-- An allowed value (a MISP warning list entry: a known-good address or
-- domain) suppresses the hits of a log scan instead of raising them.
ALTER TABLE indicators ADD COLUMN allow INTEGER NOT NULL DEFAULT 0 CHECK (allow IN (0, 1));
