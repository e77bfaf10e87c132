-- Organizations and their Statements of Applicability.
CREATE TABLE orgs (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 63),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    role TEXT NOT NULL CHECK (role IN ('csc', 'csp', 'both')),
    created_at TEXT NOT NULL
) STRICT;

-- One row per decided control; a control without a row is undecided.
CREATE TABLE soa_entries (
    org_id INTEGER NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    control_id TEXT NOT NULL,
    applicable INTEGER NOT NULL CHECK (applicable IN (0, 1)),
    inclusion_basis INTEGER NOT NULL DEFAULT 0 CHECK (inclusion_basis BETWEEN 0 AND 15),
    inclusion_justification TEXT NOT NULL DEFAULT '',
    implementation TEXT CHECK (implementation IN ('yes', 'partial', 'no', 'planned')),
    exclusion_justification TEXT NOT NULL DEFAULT '',
    responsibility TEXT NOT NULL CHECK (responsibility IN ('csc', 'csp', 'shared')),
    owner TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (org_id, control_id)
) STRICT;
