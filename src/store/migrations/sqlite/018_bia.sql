-- Business impact analysis (ISO/IEC 27001:2022 A.5.30): business processes
-- with MTPD/RTO/RPO/RLO, what they depend on with its own recovery
-- capability, the emergency contact list and the exercises. Durations are
-- minutes; NULL is "not known".
CREATE TABLE bia_processes (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    owner TEXT NOT NULL DEFAULT '',
    mtpd INTEGER CHECK (mtpd >= 0),
    rto INTEGER CHECK (rto >= 0),
    rpo INTEGER CHECK (rpo >= 0),
    rlo_percent INTEGER NOT NULL DEFAULT 0 CHECK (rlo_percent BETWEEN 0 AND 100),
    description TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    UNIQUE (org_id, name)
) STRICT;

CREATE TABLE bia_dependencies (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    process_id INTEGER NOT NULL REFERENCES bia_processes(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('ict_service', 'asset', 'cloud_service')),
    asset_id INTEGER REFERENCES assets(id) ON DELETE CASCADE,
    cloud_service_id INTEGER REFERENCES cloud_services(id) ON DELETE CASCADE,
    name TEXT NOT NULL DEFAULT '',
    recovery_time INTEGER CHECK (recovery_time >= 0),
    recovery_point INTEGER CHECK (recovery_point >= 0),
    notes TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX bia_dependencies_process ON bia_dependencies (org_id, process_id);

CREATE TABLE bia_contacts (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    priority INTEGER NOT NULL DEFAULT 1 CHECK (priority BETWEEN 1 AND 99),
    notes TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE bia_exercises (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    held_on TEXT NOT NULL,
    process_id INTEGER REFERENCES bia_processes(id) ON DELETE SET NULL,
    scenario TEXT NOT NULL,
    result TEXT NOT NULL DEFAULT '',
    lessons TEXT NOT NULL DEFAULT '',
    follow_up TEXT NOT NULL DEFAULT ''
) STRICT;
