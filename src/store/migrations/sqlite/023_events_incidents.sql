-- Events and incidents (ISO/IEC 27001:2022 5.24-5.28, 8.16): an event is a
-- burst of hits of one indicator from one source, or of one rule's alerts
-- for one key, merged while they come within the window; an incident is
-- raised from events and carries a timeline, evidence and links.
CREATE TABLE incidents (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'triage', 'contained',
                                                         'resolved', 'closed')),
    opened_at TEXT NOT NULL,
    opened_by TEXT NOT NULL,
    closed_at TEXT,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX incidents_org ON incidents (org_id, id);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('hit', 'alert')),
    signature TEXT NOT NULL,  -- hit: the indicator as stored; alert: the rule id
    type TEXT NOT NULL,       -- hit: the indicator's type; alert: 'rule'
    source TEXT NOT NULL,     -- hit: the token as the log wrote it; alert: the key
    name TEXT NOT NULL DEFAULT '',   -- hit: the related threat; alert: the rule's name
    origin TEXT NOT NULL DEFAULT '', -- the log: a file, an upload, a watched path
    line INTEGER NOT NULL DEFAULT 0, -- of the first occurrence
    sample TEXT NOT NULL DEFAULT '', -- that line, cut
    first_at TEXT NOT NULL,
    last_at TEXT NOT NULL,
    count INTEGER NOT NULL CHECK (count > 0),
    indicator_id INTEGER REFERENCES indicators(id) ON DELETE SET NULL,
    incident_id INTEGER REFERENCES incidents(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX events_merge ON events (org_id, kind, signature, source, last_at);
CREATE INDEX events_recent ON events (org_id, last_at, id);
CREATE INDEX events_incident ON events (org_id, incident_id);

-- The timeline: what happened and what was done, in order.
CREATE TABLE incident_entries (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('opened', 'note', 'status', 'severity', 'event',
                                       'evidence', 'link')),
    text TEXT NOT NULL,
    at TEXT NOT NULL,
    author TEXT NOT NULL
) STRICT;
CREATE INDEX incident_entries_incident ON incident_entries (org_id, incident_id, id);

CREATE TABLE incident_evidence (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    url TEXT NOT NULL DEFAULT '',
    sha256 TEXT NOT NULL DEFAULT '',
    size INTEGER NOT NULL DEFAULT 0,
    content BLOB,
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL
) STRICT;
CREATE INDEX incident_evidence_incident ON incident_evidence (org_id, incident_id, id);
-- Each piece of evidence is also a line of the timeline.
CREATE TRIGGER incident_evidence_timeline AFTER INSERT ON incident_evidence BEGIN
    INSERT INTO incident_entries (org_id, incident_id, kind, text, at, author)
    VALUES (NEW.org_id, NEW.incident_id, 'evidence', NEW.name, NEW.added_at, NEW.added_by);
    UPDATE incidents SET updated_at = NEW.added_at WHERE id = NEW.incident_id;
END;

-- What the incident touches: a risk (its number), an asset (its id), a
-- control (its id in the catalogs).
CREATE TABLE incident_links (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    target TEXT NOT NULL CHECK (target IN ('risk', 'asset', 'control')),
    ref TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    UNIQUE (incident_id, target, ref)
) STRICT;

-- Where a watched log was read to (isms serve --watch): the file's identity
-- and the offset after the last whole line read.
CREATE TABLE log_watch_offsets (
    org_id INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    device INTEGER NOT NULL,
    inode INTEGER NOT NULL,
    offset INTEGER NOT NULL,
    line INTEGER NOT NULL DEFAULT 0, -- lines read up to the offset
    updated_at TEXT NOT NULL,
    PRIMARY KEY (org_id, path)
) STRICT;
