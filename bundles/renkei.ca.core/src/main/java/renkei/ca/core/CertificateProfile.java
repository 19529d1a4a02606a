// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core;

import java.time.Period;

/**
 * The certificate kinds: the three of CA-01 with the profile of CA-02 (RSA 2048, valid 13 months,
 * key usage digitalSignature + keyEncipherment), and the two of connected mode, which add an
 * extended key usage. They differ in what their common name is and in those additions.
 */
public enum CertificateProfile {
    /** A person: romanised given name, family name and HPCI-ID (CA-03). */
    CLIENT,
    /** A host: the fully qualified domain name. */
    HOST,
    /** A service on a host: the service name. */
    SERVICE,
    /**
     * The TLS certificate of a Renkei server's HTTPS endpoint: CN the first host name, a
     * subjectAltName dNSName for each, extendedKeyUsage serverAuth. May share its FQDN with a
     * {@link #HOST} certificate; issuing another for the same CN supersedes the previous one.
     */
    SERVER,
    /**
     * An operator's TLS client certificate for a connected console or CLI: CN the operator's user
     * name, extendedKeyUsage clientAuth. Issuing another for the same operator supersedes the
     * previous one.
     */
    OPERATOR;

    /** Whether issuing one revokes the valid one of the same profile and CN (reason superseded) instead of refusing. */
    public boolean supersedesPrevious() {
        return this == SERVER || this == OPERATOR;
    }

    public static final int KEY_BITS = 2048;
    public static final Period VALIDITY = Period.ofMonths(13);
}
