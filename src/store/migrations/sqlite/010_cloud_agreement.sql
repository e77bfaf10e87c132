-- What ISO/IEC 27001:2022 5.23 asks to be settled with a cloud service: the
-- contract and its SLA, where the data is kept, the exit plan (return and
-- deletion of the data at the end of use), the provider's certifications
-- and the contract's end (it feeds the dashboard's due list).
ALTER TABLE cloud_services ADD COLUMN contract TEXT NOT NULL DEFAULT '';
ALTER TABLE cloud_services ADD COLUMN sla TEXT NOT NULL DEFAULT '';
ALTER TABLE cloud_services ADD COLUMN data_location TEXT NOT NULL DEFAULT '';
ALTER TABLE cloud_services ADD COLUMN exit_plan TEXT NOT NULL DEFAULT '';
-- A bit set: 1 ISMAP, 2 ISO/IEC 27001, 4 ISO/IEC 27017, 8 SOC 2.
ALTER TABLE cloud_services ADD COLUMN certifications INTEGER NOT NULL DEFAULT 0
    CHECK (certifications BETWEEN 0 AND 15);
ALTER TABLE cloud_services ADD COLUMN contract_end TEXT;  -- YYYY-MM-DD; NULL: open-ended
CREATE INDEX cloud_services_contract_end ON cloud_services (org_id, contract_end)
    WHERE contract_end IS NOT NULL;
