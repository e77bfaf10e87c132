-- How far each control of an organization's SoA is implemented, at which
-- level (梅 basic / 竹 standard / 松 advanced), by whom, until when, with what
-- evidence; and every change of level (ISO/IEC 27001 6.1.3 d, 8.1, 9.1).
CREATE TABLE control_implementations (
    org_id INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    control_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('not_started', 'planned', 'partial', 'implemented')),
    level TEXT CHECK (level IN ('basic', 'standard', 'advanced')),
    target_level TEXT CHECK (target_level IN ('basic', 'standard', 'advanced')),
    owner_user_id INTEGER REFERENCES users(id),
    due_date TEXT,
    review_interval_months INTEGER NOT NULL DEFAULT 0 CHECK (review_interval_months BETWEEN 0 AND 120),
    last_review TEXT,
    next_review TEXT,
    notes TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (org_id, control_id)
) STRICT;

CREATE TABLE control_level_changes (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    control_id TEXT NOT NULL,
    from_level TEXT,
    to_level TEXT,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
CREATE INDEX control_level_changes_control ON control_level_changes (org_id, control_id, id);

-- Evidence: a file kept in the database with its SHA-256, or a link.
CREATE TABLE control_evidence (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    control_id TEXT NOT NULL,
    name TEXT NOT NULL,
    url TEXT NOT NULL DEFAULT '',
    sha256 TEXT NOT NULL DEFAULT '',
    size INTEGER NOT NULL DEFAULT 0,
    content BLOB,
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL
) STRICT;
CREATE INDEX control_evidence_control ON control_evidence (org_id, control_id, id);
