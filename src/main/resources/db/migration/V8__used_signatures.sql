-- API-key signatures already accepted, kept until their timestamp leaves the receive window: the same signed
-- request sent again (a replay) finds its row and is refused, on any gateway thread and after a restart.
CREATE TABLE used_signatures (
    signature  VARCHAR(64) PRIMARY KEY,
    expires_at BIGINT NOT NULL
);
CREATE INDEX used_signatures_expires_at ON used_signatures (expires_at);
