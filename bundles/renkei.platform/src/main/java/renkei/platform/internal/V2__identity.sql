CREATE TABLE renkei_operator (
    username VARCHAR(100) PRIMARY KEY,
    display_name VARCHAR(200) NOT NULL,
    email VARCHAR(320),
    site VARCHAR(100),
    password_hash VARCHAR(400) NOT NULL,
    totp_secret_wrapped VARCHAR(400),
    totp_last_step BIGINT NOT NULL DEFAULT 0,
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    failed_logins INT NOT NULL DEFAULT 0,
    locked_until TIMESTAMP WITH TIME ZONE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE renkei_operator_role (
    username VARCHAR(100) NOT NULL REFERENCES renkei_operator (username) ON DELETE CASCADE,
    role VARCHAR(40) NOT NULL,
    PRIMARY KEY (username, role)
);
