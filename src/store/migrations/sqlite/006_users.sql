-- Users, their roles per organization, sessions, login history and the
-- second factor (see src/isms/auth.h).
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),
    display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    password_hash TEXT NOT NULL,            -- Argon2id, PHC string format
    lang TEXT NOT NULL DEFAULT '' CHECK (lang IN ('', 'ja', 'en')),
    is_admin INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    totp_secret TEXT,                       -- base32; NULL while TOTP is off
    totp_pending_secret TEXT,               -- enrolment not yet confirmed
    totp_last_step INTEGER NOT NULL DEFAULT 0, -- a code's time step is accepted once
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE memberships (
    org_id INTEGER NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'risk_owner', 'auditor')),
    PRIMARY KEY (org_id, user_id)
) STRICT;

CREATE INDEX memberships_user ON memberships (user_id);

-- Only the SHA-256 of a session token is stored: the database alone cannot
-- be used to sign in. Times are unix seconds.
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    mfa_pending INTEGER NOT NULL DEFAULT 0 CHECK (mfa_pending IN (0, 1)),
    created_at INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,            -- absolute end; the idle limit is checked on use
    address TEXT NOT NULL DEFAULT '',
    user_agent TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX sessions_user ON sessions (user_id);

-- Every login attempt, for the history on the first screen and the rate limit.
-- name_tried keeps what was typed, so attempts on unknown names count too.
CREATE TABLE login_events (
    id INTEGER PRIMARY KEY,
    user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    name_tried TEXT NOT NULL,
    at INTEGER NOT NULL,                    -- unix seconds
    address TEXT NOT NULL DEFAULT '',
    user_agent TEXT NOT NULL DEFAULT '',
    result TEXT NOT NULL,
    failure INTEGER NOT NULL CHECK (failure IN (0, 1)) -- counts toward the rate limit
) STRICT;

CREATE INDEX login_events_user ON login_events (user_id, at);
CREATE INDEX login_events_name ON login_events (name_tried, at);
CREATE INDEX login_events_address ON login_events (address, at);

-- One-time recovery codes (the changeable fallback factor), SHA-256 only.
CREATE TABLE recovery_codes (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at TEXT
) STRICT;

CREATE INDEX recovery_codes_user ON recovery_codes (user_id);
