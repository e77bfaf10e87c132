-- Deletion records (ISO/IEC 27001:2022 A.8.10): for each deletion or
-- disposal of information, when, what, how, by whom, with what evidence.
-- A record of an asset of the register keeps the asset's name as it was,
-- so the record outlives the asset.
CREATE TABLE deletion_records (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    asset_id INTEGER REFERENCES assets(id) ON DELETE SET NULL,
    what TEXT NOT NULL CHECK (length(what) BETWEEN 1 AND 200),
    deleted_on TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('erase', 'overwrite', 'crypto_erase', 'degauss',
                                           'physical', 'shredding', 'provider', 'other')),
    responsible TEXT NOT NULL CHECK (length(responsible) BETWEEN 1 AND 200),
    evidence TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX deletion_records_asset ON deletion_records (org_id, asset_id);
