-- The record of a risk owner's acceptance (ISO/IEC 27001 6.1.3 f): the
-- owner's comment, the residual level accepted, whether a manager recorded
-- it on the owner's behalf and why, and how many treatment items were
-- overdue at that moment (accepting then is allowed, and remembered).
ALTER TABLE risks ADD COLUMN accepted_comment TEXT;
ALTER TABLE risks ADD COLUMN accepted_level INTEGER;
ALTER TABLE risks ADD COLUMN accepted_on_behalf INTEGER NOT NULL DEFAULT 0
    CHECK (accepted_on_behalf IN (0, 1));
ALTER TABLE risks ADD COLUMN accepted_reason TEXT;
ALTER TABLE risks ADD COLUMN accepted_overdue_items INTEGER NOT NULL DEFAULT 0;
