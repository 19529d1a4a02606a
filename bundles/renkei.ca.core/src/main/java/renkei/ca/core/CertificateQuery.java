// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core;

import java.time.Instant;
import java.util.Optional;

/**
 * Certificate search: every present field must match. Text fields match case-insensitively;
 * {@code commonName} and {@code dnFragment} anywhere in the CN or subject DN, as operators type
 * part of a name. {@code expiringBefore} selects valid certificates
 * whose notAfter falls before that instant (the renewal reminders of CA-15). Newest first.
 */
public record CertificateQuery(Optional<String> commonName, Optional<String> hpciId, Optional<String> eppn,
        Optional<String> serialHex, Optional<String> dnFragment, Optional<IssuedCertificate.Status> status,
        Optional<CertificateProfile> profile, Optional<Instant> expiringBefore, int limit) {

    public static CertificateQuery all(int limit) {
        return new CertificateQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }

    public CertificateQuery withCommonName(String value) {
        return new CertificateQuery(Optional.of(value), hpciId, eppn, serialHex, dnFragment, status, profile, expiringBefore, limit);
    }

    public CertificateQuery withHpciId(String value) {
        return new CertificateQuery(commonName, Optional.of(value), eppn, serialHex, dnFragment, status, profile, expiringBefore, limit);
    }

    public CertificateQuery withEppn(String value) {
        return new CertificateQuery(commonName, hpciId, Optional.of(value), serialHex, dnFragment, status, profile, expiringBefore, limit);
    }

    public CertificateQuery withSerial(String value) {
        return new CertificateQuery(commonName, hpciId, eppn, Optional.of(value), dnFragment, status, profile, expiringBefore, limit);
    }

    public CertificateQuery withDnFragment(String value) {
        return new CertificateQuery(commonName, hpciId, eppn, serialHex, Optional.of(value), status, profile, expiringBefore, limit);
    }

    public CertificateQuery withStatus(IssuedCertificate.Status value) {
        return new CertificateQuery(commonName, hpciId, eppn, serialHex, dnFragment, Optional.of(value), profile, expiringBefore, limit);
    }

    public CertificateQuery withProfile(CertificateProfile value) {
        return new CertificateQuery(commonName, hpciId, eppn, serialHex, dnFragment, status, Optional.of(value), expiringBefore, limit);
    }

    public CertificateQuery expiringBefore(Instant value) {
        return new CertificateQuery(commonName, hpciId, eppn, serialHex, dnFragment, status, profile, Optional.of(value), limit);
    }
}
