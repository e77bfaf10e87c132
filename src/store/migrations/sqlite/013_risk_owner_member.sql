-- The risk owner is a user of the organization (ISO/IEC 27001 6.1.2 c 2: the
-- organization assigns owners), so the owner's acceptance is theirs by id,
-- not by a name that has to match. `owner` keeps the name shown. Risks of
-- before are linked where their owner text names a member.
ALTER TABLE risks ADD COLUMN owner_user_id INTEGER REFERENCES users (id) ON DELETE SET NULL;
-- A login name first, then a display name.
UPDATE risks SET owner_user_id = coalesce(
    (SELECT min(u.id) FROM users u WHERE u.name = risks.owner
        AND (u.is_admin = 1 OR EXISTS (SELECT 1 FROM memberships m
                                       WHERE m.org_id = risks.org_id AND m.user_id = u.id))),
    (SELECT min(u.id) FROM users u WHERE u.display_name = risks.owner
        AND (u.is_admin = 1 OR EXISTS (SELECT 1 FROM memberships m
                                       WHERE m.org_id = risks.org_id AND m.user_id = u.id))));
