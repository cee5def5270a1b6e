-- Usernames are unique whatever their case: nobody registers "SEC_CAROL" next to "sec_carol" to pose as them.
-- A database that already holds two names differing only in case stops this migration: rename one first.
ALTER TABLE users ADD COLUMN username_key VARCHAR(32);
UPDATE users SET username_key = LOWER(username);
ALTER TABLE users ALTER COLUMN username_key SET NOT NULL;
ALTER TABLE users ADD CONSTRAINT users_username_key_unique UNIQUE (username_key);
