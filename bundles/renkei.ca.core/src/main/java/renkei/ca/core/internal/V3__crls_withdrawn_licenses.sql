-- Every CRL the CA signed, so any process sharing the database can publish or serve the newest one
-- (CA-08, CA-09). Only recent rows keep their DER; older ones stay as a record of the numbering.
CREATE TABLE ca_crl (
    crl_number BIGINT PRIMARY KEY,
    this_update TIMESTAMP WITH TIME ZONE NOT NULL,
    next_update TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_count INT NOT NULL,
    issued_by VARCHAR(100) NOT NULL,
    der BYTEA
);
-- A license ID sent to the wrong person can be withdrawn before it is used.
ALTER TABLE ca_license ADD COLUMN withdrawn_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ca_license ADD COLUMN withdrawn_reason VARCHAR(400);
