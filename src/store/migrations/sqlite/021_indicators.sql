-- Indicators of compromise per organization (ISO/IEC 27001:2022 5.7): the
-- value in canonical form with its type, the threat it belongs to, where it
-- came from, TLP 2.0, the period it is active, direction and confidence.
CREATE TABLE indicators (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    type TEXT NOT NULL CHECK (type IN ('ipv4', 'ipv6', 'cidr', 'domain', 'url', 'md5', 'sha1',
                                       'sha256', 'email')),
    value TEXT NOT NULL,
    threat TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    tlp TEXT NOT NULL DEFAULT 'amber' CHECK (tlp IN ('clear', 'green', 'amber', 'amber+strict',
                                                     'red')),
    first_seen TEXT,
    active_from TEXT,
    active_until TEXT,
    direction TEXT NOT NULL DEFAULT 'both' CHECK (direction IN ('inbound', 'outbound', 'both')),
    confidence INTEGER CHECK (confidence BETWEEN 0 AND 100),
    tags TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (org_id, type, value)
) STRICT;
