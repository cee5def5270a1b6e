-- Wrong passwords and second factors, counted across the gateways that share a PostgreSQL database (a single
-- server counts them in memory; H2 leaves the table empty). subject: the HMAC-SHA256, under a key of the key
-- directory's, of the scope and the username, address or user id guessed at, never those themselves; last_at: the
-- last wrong guess (epoch ms). Rows a lockout old are swept.
CREATE TABLE guess_failures (
    subject  VARCHAR(64) PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_at  BIGINT NOT NULL
);
CREATE INDEX guess_failures_last_at ON guess_failures (last_at);
