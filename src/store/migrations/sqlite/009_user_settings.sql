-- Per-user settings: the time zone pages show times in (an IANA name; ''
-- follows the language: Asia/Tokyo for Japanese, the browser's otherwise),
-- and whether the user must choose a new password before anything else
-- (set for a password the system generated and handed over).
ALTER TABLE users ADD COLUMN time_zone TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0
    CHECK (must_change_password IN (0, 1));
