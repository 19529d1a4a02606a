// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core;

import java.time.Period;

/**
 * The three certificate kinds of CA-01 with the profile of CA-02: RSA 2048, valid 13 months, key
 * usage digitalSignature + keyEncipherment. They differ only in what their common name is.
 */
public enum CertificateProfile {
    /** A person: romanised given name, family name and HPCI-ID (CA-03). */
    CLIENT,
    /** A host: the fully qualified domain name. */
    HOST,
    /** A service on a host: the service name. */
    SERVICE;

    public static final int KEY_BITS = 2048;
    public static final Period VALIDITY = Period.ofMonths(13);
}
