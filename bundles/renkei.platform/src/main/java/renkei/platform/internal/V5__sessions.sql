-- Open sessions. Only a SHA-256 of each token is kept, so reading this table (a backup, a
-- database administrator) yields nothing that can be presented as a session.
CREATE TABLE renkei_session (
    token_hash VARCHAR(64) PRIMARY KEY,
    username VARCHAR(100) NOT NULL REFERENCES renkei_operator (username) ON DELETE CASCADE,
    channel VARCHAR(200) NOT NULL,
    second_factor BOOLEAN NOT NULL,
    authenticated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX renkei_session_expiry ON renkei_session (expires_at);
