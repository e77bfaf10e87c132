-- A Statement of Applicability kept against ISO/IEC 27001:2013, imported to
-- carry an ISMS over to the 2022 edition (ISO/IEC 27001 6.1.3 c): one row per
-- 2013 control as the file decided it. A new import replaces the last one.
CREATE TABLE transition_decisions (
    org_id INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    control_id TEXT NOT NULL,
    applicable INTEGER NOT NULL CHECK (applicable IN (0, 1)),
    implemented TEXT NOT NULL DEFAULT '' CHECK (implemented IN ('', 'yes', 'partial', 'no')),
    justification TEXT NOT NULL DEFAULT '',
    line INTEGER NOT NULL,
    PRIMARY KEY (org_id, control_id)
) STRICT;

CREATE TABLE transition_imports (
    org_id INTEGER PRIMARY KEY REFERENCES orgs(id) ON DELETE CASCADE,
    file_sha256 TEXT NOT NULL,
    rows INTEGER NOT NULL,
    imported_by TEXT NOT NULL,
    imported_at TEXT NOT NULL
) STRICT;
