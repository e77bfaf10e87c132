-- An organization's own threats (the built-in threat library is compiled in),
-- its custom risk matrices and which matrix it uses.
CREATE TABLE threats (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    name_ja TEXT NOT NULL DEFAULT '' CHECK (length(name_ja) <= 200),
    name_en TEXT NOT NULL DEFAULT '' CHECK (length(name_en) <= 200),
    category TEXT NOT NULL DEFAULT '' CHECK (length(category) <= 100),
    description TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    created_at TEXT NOT NULL,
    CHECK (name_ja <> '' OR name_en <> '')
) STRICT;

CREATE INDEX threats_org ON threats (org_id, id);

CREATE TABLE risk_matrices (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 63),
    name_ja TEXT NOT NULL,
    name_en TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('additive', 'multiplicative',
                                           'asset_threat_vulnerability')),
    acceptance_threshold INTEGER NOT NULL,
    medium_from INTEGER NOT NULL,
    high_from INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (org_id, key)
) STRICT;

-- One row per axis of a custom matrix ('vulnerability' only for that method).
CREATE TABLE risk_matrix_scales (
    org_id INTEGER NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    matrix_id INTEGER NOT NULL REFERENCES risk_matrices (id) ON DELETE CASCADE,
    axis TEXT NOT NULL CHECK (axis IN ('likelihood', 'impact', 'vulnerability')),
    min INTEGER NOT NULL,
    max INTEGER NOT NULL,
    name_ja TEXT NOT NULL,
    name_en TEXT NOT NULL,
    PRIMARY KEY (matrix_id, axis)
) STRICT;

-- One row per value of an axis.
CREATE TABLE risk_matrix_labels (
    org_id INTEGER NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    matrix_id INTEGER NOT NULL REFERENCES risk_matrices (id) ON DELETE CASCADE,
    axis TEXT NOT NULL,
    value INTEGER NOT NULL,
    label_ja TEXT NOT NULL,
    label_en TEXT NOT NULL,
    PRIMARY KEY (matrix_id, axis, value)
) STRICT;

-- The matrix an org uses, by key: a built-in one or one of its own. No row:
-- the ISO/IEC 27005 5x5 default.
CREATE TABLE org_risk_matrix (
    org_id INTEGER PRIMARY KEY REFERENCES orgs (id) ON DELETE CASCADE,
    matrix_key TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
