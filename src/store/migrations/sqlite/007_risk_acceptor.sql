-- Who accepted a residual risk, as a user of this system: set when the risk
-- owner accepts it signed in (web UI / API). NULL for acceptances recorded
-- from the command line (`--by NAME`) or by a manager on the owner's behalf
-- (the audit log says who recorded those). accepted_by keeps the name shown.
ALTER TABLE risks ADD COLUMN accepted_by_user_id INTEGER
    REFERENCES users (id) ON DELETE SET NULL;
