-- The CRL query (status = 'REVOKED' AND not_after > now) reads serial, date and reason from the index
-- alone instead of fetching every revoked row with its certificate; the index still leads with
-- (status, not_after) for the searches that used the old one.
DROP INDEX ca_certificate_status;
CREATE INDEX ca_certificate_status ON ca_certificate (status, not_after, serial_hex, revoked_at, revocation_reason);
