-- A second factor (RFC 6238 TOTP): the secret sealed as API-key secrets are, whether it is confirmed, the last time
-- step accepted (a code is good once), and the unused recovery codes as SHA-256 hex, comma-separated.
ALTER TABLE users ADD COLUMN totp_secret VARCHAR(200);
ALTER TABLE users ADD COLUMN totp_enabled BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE users ADD COLUMN totp_recovery VARCHAR(1000);
