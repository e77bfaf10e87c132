-- The risk register (ISO/IEC 27001 6.1.2, 6.1.3): risks with their scores,
-- the level the domain computed from them, treatment, residual risk and
-- owner acceptance; the assets and selected controls of each risk; the
-- treatment plan items; links from a customer's risk to a provider's.
--
-- level/band and residual_* are computed by src/isms/risk.c on every change
-- and stored so list filters by level or band use an index. matrix_key
-- records the matrix the scores were given on: a later change of the
-- organization's matrix does not reinterpret old scores.
CREATE TABLE risks (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    threat_source TEXT NOT NULL DEFAULT '',
    threat_id TEXT NOT NULL DEFAULT '',
    risk_source TEXT NOT NULL DEFAULT '',
    event TEXT NOT NULL DEFAULT '',
    consequence TEXT NOT NULL DEFAULT '',
    owner TEXT NOT NULL CHECK (length(owner) BETWEEN 1 AND 200),
    matrix_key TEXT NOT NULL,
    likelihood INTEGER NOT NULL,
    impact INTEGER NOT NULL,
    vulnerability INTEGER NOT NULL DEFAULT 0,
    level INTEGER NOT NULL,
    band INTEGER NOT NULL CHECK (band BETWEEN 1 AND 3),
    treatment TEXT CHECK (treatment IN ('modify', 'retain', 'avoid', 'share')),
    residual_likelihood INTEGER,
    residual_impact INTEGER,
    residual_vulnerability INTEGER,
    residual_level INTEGER,
    residual_band INTEGER CHECK (residual_band BETWEEN 1 AND 3),
    residual_acceptable INTEGER CHECK (residual_acceptable IN (0, 1)),
    accepted_by TEXT,
    accepted_at TEXT,
    shared INTEGER NOT NULL DEFAULT 0 CHECK (shared IN (0, 1)),
    provider_org_id INTEGER,
    provider_risk_id INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (org_id, id),
    FOREIGN KEY (provider_org_id, provider_risk_id) REFERENCES risks (org_id, id)
        ON DELETE SET NULL,
    CHECK ((provider_org_id IS NULL) = (provider_risk_id IS NULL)),
    CHECK (provider_org_id IS NULL OR provider_org_id <> org_id),
    CHECK ((accepted_at IS NULL) = (accepted_by IS NULL)),
    CHECK ((residual_level IS NULL) = (residual_likelihood IS NULL))
) STRICT;

-- The list is ordered by level (highest first); the same index serves
-- ?level_min= and the total count.
CREATE INDEX risks_org_level ON risks (org_id, level DESC, id);
CREATE INDEX risks_org_residual ON risks (org_id, residual_level);
CREATE INDEX risks_org_residual_scores ON risks (org_id, matrix_key, residual_likelihood,
                                                residual_impact, residual_vulnerability);
CREATE INDEX risks_org_band ON risks (org_id, band, level DESC, id);
CREATE INDEX risks_org_owner ON risks (org_id, owner);
CREATE INDEX risks_org_treatment ON risks (org_id, treatment);
CREATE INDEX risks_org_accepted ON risks (org_id, accepted_at);
-- ?q= is a substring search: scanning this index reads far less than the table.
CREATE INDEX risks_org_title ON risks (org_id, title);
CREATE INDEX risks_org_scores ON risks (org_id, matrix_key, likelihood, impact, vulnerability);
CREATE INDEX risks_provider ON risks (provider_org_id, provider_risk_id)
    WHERE provider_org_id IS NOT NULL;

-- The assets a risk is about. The composite keys make a link to another
-- organization's asset impossible, whatever the code above does.
CREATE TABLE risk_assets (
    org_id INTEGER NOT NULL,
    risk_id INTEGER NOT NULL,
    asset_id INTEGER NOT NULL,
    PRIMARY KEY (org_id, risk_id, asset_id),
    FOREIGN KEY (org_id, risk_id) REFERENCES risks (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, asset_id) REFERENCES assets (org_id, id)
) STRICT, WITHOUT ROWID;

CREATE INDEX risk_assets_asset ON risk_assets (org_id, asset_id, risk_id);

-- Controls selected to treat a risk: SoA ids ("A.5.23", "CLD.6.3.1").
CREATE TABLE risk_controls (
    org_id INTEGER NOT NULL,
    risk_id INTEGER NOT NULL,
    control_id TEXT NOT NULL,
    PRIMARY KEY (org_id, risk_id, control_id),
    FOREIGN KEY (org_id, risk_id) REFERENCES risks (org_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE INDEX risk_controls_control ON risk_controls (org_id, control_id, risk_id);

-- The risk treatment plan (ISO/IEC 27001 6.1.3 e): what is done, by whom, by when.
CREATE TABLE risk_treatment_items (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL,
    risk_id INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 2000),
    owner TEXT NOT NULL CHECK (length(owner) BETWEEN 1 AND 200),
    due_date TEXT NOT NULL CHECK (length(due_date) = 10),
    status TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'done', 'cancelled')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    FOREIGN KEY (org_id, risk_id) REFERENCES risks (org_id, id) ON DELETE CASCADE
) STRICT;

CREATE INDEX risk_treatment_items_risk ON risk_treatment_items (org_id, risk_id, status);
CREATE INDEX risk_treatment_items_due ON risk_treatment_items (org_id, due_date);
