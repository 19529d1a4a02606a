-- The CA key made by the key ceremony (CA-02, CA-12): where it lives and its certificate. The
-- private key is never here; it stays in the PKCS#12 file or the PKCS#11 token. One row at most.
CREATE TABLE ca_key (
    id INT PRIMARY KEY,
    key_store VARCHAR(10) NOT NULL,
    key_store_description VARCHAR(1000) NOT NULL,
    subject_dn VARCHAR(1000) NOT NULL,
    serial_hex VARCHAR(64) NOT NULL,
    sha256_fingerprint VARCHAR(100) NOT NULL,
    not_after TIMESTAMP WITH TIME ZONE NOT NULL,
    der_base64 VARCHAR(8000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ca_key_single CHECK (id = 1)
);
-- Who attended the ceremony: the two CA operators first, then the witnesses.
CREATE TABLE ca_key_attendee (
    attendee_order INT PRIMARY KEY,
    attendee VARCHAR(200) NOT NULL,
    attended_as VARCHAR(20) NOT NULL
);
-- Dual-control activation lives on the row every signing transaction already locks: checking it
-- costs one primary-key read, and a deactivation waits for the signature in progress. The number
-- changes with every activation and deactivation so that each process knows when to reopen the key.
ALTER TABLE ca_state ADD COLUMN activation_number BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE ca_state ADD COLUMN activated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ca_state ADD COLUMN active_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE ca_state ADD COLUMN activated_by VARCHAR(400);
