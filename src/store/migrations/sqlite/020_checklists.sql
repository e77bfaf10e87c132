-- Checklists: an organization's own templates (the built-in ones are in the
-- binary), and runs with a result per item. A run keeps its own copy of the
-- items it was started with.
CREATE TABLE checklist_templates (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    control_id TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (org_id, name)
) STRICT;

CREATE TABLE checklist_template_items (
    template_id INTEGER NOT NULL REFERENCES checklist_templates(id) ON DELETE CASCADE,
    no INTEGER NOT NULL,
    control_id TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    PRIMARY KEY (template_id, no)
) STRICT;

CREATE TABLE checklist_runs (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    template_key TEXT NOT NULL,
    name_ja TEXT NOT NULL,
    name_en TEXT NOT NULL,
    title TEXT NOT NULL,
    control_id TEXT NOT NULL DEFAULT '',
    started_by TEXT NOT NULL,
    started_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX checklist_runs_control ON checklist_runs (org_id, control_id);

CREATE TABLE checklist_results (
    run_id INTEGER NOT NULL REFERENCES checklist_runs(id) ON DELETE CASCADE,
    no INTEGER NOT NULL,
    control_id TEXT NOT NULL DEFAULT '',
    text_ja TEXT NOT NULL,
    text_en TEXT NOT NULL,
    result TEXT NOT NULL DEFAULT '' CHECK (result IN ('', 'ok', 'ng', 'na')),
    note TEXT NOT NULL DEFAULT '',
    evidence TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (run_id, no)
) STRICT;
