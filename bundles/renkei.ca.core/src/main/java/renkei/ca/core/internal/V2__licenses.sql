-- License IDs (CA-05): obtained first, then redeemed once for a certificate before they expire.
CREATE TABLE ca_license (
    license_id VARCHAR(64) PRIMARY KEY,
    hpci_id VARCHAR(64) NOT NULL,
    eppn VARCHAR(320) NOT NULL,
    attributes VARCHAR(4000) NOT NULL,
    issued_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_by VARCHAR(100) NOT NULL,
    redeemed_at TIMESTAMP WITH TIME ZONE,
    redeemed_serial VARCHAR(64)
);
CREATE INDEX ca_license_hpci ON ca_license (hpci_id);
