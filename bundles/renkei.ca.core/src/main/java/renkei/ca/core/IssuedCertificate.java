// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core;

import java.time.Instant;
import java.util.Optional;

/**
 * A certificate the CA issued, as stored in its database.
 *
 * @param serialHex serial number in upper-case hex, as {@code openssl x509 -serial} prints it
 * @param der       the certificate in DER
 */
public record IssuedCertificate(String serialHex, CertificateProfile profile, String subjectDn, String commonName,
        Optional<String> hpciId, Optional<String> eppn, Instant notBefore, Instant notAfter, Status status,
        Optional<Instant> revokedAt, Optional<RevocationReason> revocationReason, Optional<String> revocationReference,
        String issuedBy, byte[] der) {

    /** Lifecycle state; expiry is derived from {@link #notAfter()}. */
    public enum Status {
        VALID, REVOKED
    }

    public boolean isCurrent(Instant now) {
        return status == Status.VALID && notAfter.isAfter(now);
    }
}
