-- A risk number is never given twice in an org, not even after the newest
-- risk is deleted: the journal and the SoA's history keep naming it.
CREATE TABLE risk_number_counters (
    org_id INTEGER PRIMARY KEY REFERENCES orgs (id) ON DELETE CASCADE,
    last_number INTEGER NOT NULL
) STRICT;
INSERT INTO risk_number_counters (org_id, last_number)
    SELECT org_id, max(number) FROM risks GROUP BY org_id;
