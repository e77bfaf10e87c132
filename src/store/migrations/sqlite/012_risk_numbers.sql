-- Each organization numbers its own risks: a customer's first risk is #1,
-- whatever other organizations of the instance have registered. `id` stays
-- the row's key (links, API paths); `number` is what people read and what
-- the SoA's justification lines ("risk #3: ...") name.
ALTER TABLE risks ADD COLUMN number INTEGER;
UPDATE risks SET number = (SELECT count(*) FROM risks r2
                           WHERE r2.org_id = risks.org_id AND r2.id <= risks.id);
CREATE UNIQUE INDEX risks_org_number ON risks (org_id, number);

-- The SoA lines a risk wrote name it by id until now: rename them to its
-- number. Numbers never exceed ids within an org, so replacing in ascending
-- id order never touches a line an earlier replacement wrote.
WITH RECURSIVE
    pairs (org_id, control_id, step, old, new) AS (
        SELECT c.org_id, c.control_id,
               row_number() OVER (PARTITION BY c.org_id, c.control_id ORDER BY r.id),
               'risk #' || r.id || ':', 'risk #' || r.number || ':'
        FROM risk_controls c JOIN risks r ON r.org_id = c.org_id AND r.id = c.risk_id),
    folded (org_id, control_id, step, text) AS (
        SELECT s.org_id, s.control_id, 0, s.inclusion_justification FROM soa_entries s
        WHERE EXISTS (SELECT 1 FROM pairs p WHERE p.org_id = s.org_id
                      AND p.control_id = s.control_id)
        UNION ALL
        SELECT f.org_id, f.control_id, f.step + 1, replace(f.text, p.old, p.new)
        FROM folded f JOIN pairs p ON p.org_id = f.org_id AND p.control_id = f.control_id
                                  AND p.step = f.step + 1)
UPDATE soa_entries SET inclusion_justification =
    (SELECT f.text FROM folded f WHERE f.org_id = soa_entries.org_id
     AND f.control_id = soa_entries.control_id ORDER BY f.step DESC LIMIT 1)
WHERE EXISTS (SELECT 1 FROM risk_controls c WHERE c.org_id = soa_entries.org_id
              AND c.control_id = soa_entries.control_id);
