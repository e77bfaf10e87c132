-- The cloud service register (ISO/IEC 27001:2022 A.5.23) and the information
-- asset register (A.5.9), whose assets may live in one of those services.
CREATE TABLE cloud_services (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    provider TEXT NOT NULL DEFAULT '',
    -- The provider as an organization of this system (a CSP); only its name is shown.
    provider_org_id INTEGER REFERENCES orgs (id) ON DELETE SET NULL,
    service_model TEXT NOT NULL CHECK (service_model IN ('iaas', 'paas', 'saas')),
    responsibility_notes TEXT NOT NULL DEFAULT '',
    department TEXT NOT NULL DEFAULT '',
    managed_by TEXT NOT NULL CHECK (managed_by IN ('it', 'department', 'individual')),
    risk_assessment TEXT NOT NULL CHECK (risk_assessment IN ('done', 'insufficient', 'not_done')),
    purpose TEXT NOT NULL CHECK (purpose IN ('within', 'outside', 'unapproved')),
    cost_bearer TEXT NOT NULL CHECK (cost_bearer IN ('company', 'individual')),
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (org_id, id),
    UNIQUE (org_id, name)
) STRICT;

CREATE TABLE assets (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    type TEXT NOT NULL,
    owner TEXT NOT NULL,
    classification TEXT NOT NULL,
    confidentiality INTEGER NOT NULL CHECK (confidentiality BETWEEN 1 AND 3),
    integrity INTEGER NOT NULL CHECK (integrity BETWEEN 1 AND 3),
    availability INTEGER NOT NULL CHECK (availability BETWEEN 1 AND 3),
    location TEXT NOT NULL DEFAULT '',
    -- A service of the same org: the composite key makes a cross-org link impossible.
    cloud_service_id INTEGER,
    retention_period TEXT,         -- canonical "10y", "1y6m", "90d", "permanent"; NULL: no rule
    retention_basis TEXT,          -- created, contract_end, employment_end, last_use, fixed_date
    retention_basis_date TEXT,     -- YYYY-MM-DD; NULL while the start date is not known
    deletion_due TEXT,             -- computed from the three above; NULL: no due date
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, cloud_service_id) REFERENCES cloud_services (org_id, id)
) STRICT;

-- The list filters of GET /api/orgs/{org}/assets, each usable on 100k rows.
CREATE INDEX assets_org_type ON assets (org_id, type, id);
CREATE INDEX assets_org_classification ON assets (org_id, classification, id);
CREATE INDEX assets_org_cloud_service ON assets (org_id, cloud_service_id, id);
CREATE INDEX assets_org_deletion_due ON assets (org_id, deletion_due);
CREATE INDEX assets_org_name ON assets (org_id, name);
