-- The risk list at scale (bench/risks.sh, 100k risks in one organization).
--
-- The common filter pairs get one index each that answers both the total
-- count and the page from the index alone: the equality columns first, then
-- the list order (level DESC, id), so the page needs no sort and no table
-- row is read to test a filter. They replace the one-column indexes they
-- start with.
CREATE INDEX risks_org_owner_band ON risks (org_id, owner, band, level DESC, id);
DROP INDEX risks_org_owner;
-- accepted=0 is "accepted_at IS NULL", which an index serves as an equality.
CREATE INDEX risks_org_treatment_accepted ON risks (org_id, treatment, accepted_at, level DESC,
                                                    id);
DROP INDEX risks_org_treatment;

-- The unfiltered list's total (every page of the register shows it) would
-- otherwise count the org's whole index on each request. Triggers keep it
-- exact in the same transaction as every insert and delete, whichever
-- statement or cascade does it; a risk never changes organization.
CREATE TABLE risk_totals (
    org_id INTEGER PRIMARY KEY REFERENCES orgs (id) ON DELETE CASCADE,
    risks INTEGER NOT NULL CHECK (risks >= 0)
) STRICT;

INSERT INTO risk_totals (org_id, risks) SELECT org_id, count(*) FROM risks GROUP BY org_id;

CREATE TRIGGER risks_total_insert AFTER INSERT ON risks BEGIN
    INSERT INTO risk_totals (org_id, risks) VALUES (NEW.org_id, 1)
        ON CONFLICT (org_id) DO UPDATE SET risks = risks + 1;
END;

CREATE TRIGGER risks_total_delete AFTER DELETE ON risks BEGIN
    UPDATE risk_totals SET risks = risks - 1 WHERE org_id = OLD.org_id;
END;

-- Statistics for the new indexes: a database that has them for the old ones
-- only (a bulk import runs ANALYZE) would rate an index without them far
-- too selective and, for example, sort the whole register for one page.
ANALYZE risks;
