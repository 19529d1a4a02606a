-- Certificates issued by the CA. Serials are kept in upper-case hex, the form operators copy
-- from `openssl x509 -serial`.
CREATE TABLE ca_certificate (
    serial_hex VARCHAR(64) PRIMARY KEY,
    profile VARCHAR(10) NOT NULL,
    subject_dn VARCHAR(1000) NOT NULL,
    common_name VARCHAR(400) NOT NULL,
    hpci_id VARCHAR(64),
    eppn VARCHAR(320),
    not_before TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after TIMESTAMP WITH TIME ZONE NOT NULL,
    status VARCHAR(10) NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE,
    revocation_reason INT,
    revocation_reference VARCHAR(400),
    issued_by VARCHAR(100) NOT NULL,
    der_base64 VARCHAR(8000) NOT NULL
);
CREATE INDEX ca_certificate_cn ON ca_certificate (common_name);
CREATE INDEX ca_certificate_hpci ON ca_certificate (hpci_id);
CREATE INDEX ca_certificate_status ON ca_certificate (status, not_after);
-- One row, locked by every issuance and CRL build so that uniqueness checks and CRL numbers hold
-- across every console and server sharing the database.
CREATE TABLE ca_state (
    id INT PRIMARY KEY,
    last_crl_number BIGINT NOT NULL,
    last_crl_this_update TIMESTAMP WITH TIME ZONE,
    last_crl_next_update TIMESTAMP WITH TIME ZONE
);
INSERT INTO ca_state (id, last_crl_number) VALUES (1, 0);
