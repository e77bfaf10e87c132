-- Indicators gain two kinds (file paths, registry keys) and a link to a
-- threat of the library ("ipa:3", "enisa:R9", "own:12") beside the free
-- text. SQLite cannot change a CHECK in place: the table is built anew.
-- Dropping the old one sets the events' indicator_id to NULL (ON DELETE
-- SET NULL), so the links are kept aside and put back.
CREATE TEMP TABLE event_indicators_024 AS
    SELECT id, indicator_id FROM events WHERE indicator_id IS NOT NULL;

CREATE TABLE indicators_024 (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    type TEXT NOT NULL CHECK (type IN ('ipv4', 'ipv6', 'cidr', 'domain', 'url', 'md5', 'sha1',
                                       'sha256', 'email', 'file_path', 'registry_key')),
    value TEXT NOT NULL,
    threat TEXT NOT NULL DEFAULT '',
    threat_ref TEXT NOT NULL DEFAULT '' CHECK (length(threat_ref) <= 63),
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
    allow INTEGER NOT NULL DEFAULT 0 CHECK (allow IN (0, 1)),
    UNIQUE (org_id, type, value)
) STRICT;

INSERT INTO indicators_024 (id, org_id, type, value, threat, source, tlp, first_seen,
                            active_from, active_until, direction, confidence, tags, created_at,
                            updated_at, allow)
    SELECT id, org_id, type, value, threat, source, tlp, first_seen, active_from, active_until,
           direction, confidence, tags, created_at, updated_at, allow
    FROM indicators;

DROP TABLE indicators;
ALTER TABLE indicators_024 RENAME TO indicators;

UPDATE events SET indicator_id = (SELECT indicator_id FROM event_indicators_024 k
                                  WHERE k.id = events.id)
    WHERE id IN (SELECT id FROM event_indicators_024);
DROP TABLE event_indicators_024;
