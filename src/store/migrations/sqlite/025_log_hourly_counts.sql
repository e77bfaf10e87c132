-- The lines each log rule matched, by hour and source (and in total, source
-- ''): the baseline that 8.16's deviations and trend are told from. Added to
-- in the transaction that records a scan's events and a watched log's
-- offset, so a line is counted once. hour: epoch seconds at the hour's start.
CREATE TABLE log_hourly_counts (
    org_id INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    rule TEXT NOT NULL CHECK (length(rule) BETWEEN 1 AND 39),
    source TEXT NOT NULL CHECK (length(source) <= 63),
    hour INTEGER NOT NULL CHECK (hour % 3600 = 0),
    count INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (org_id, rule, source, hour)
) STRICT, WITHOUT ROWID;

CREATE INDEX log_hourly_counts_hour ON log_hourly_counts (org_id, hour);
