// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Instant;

/**
 * A CRL as signed, kept in DER. Parsing into the JDK's {@link X509CRL} sorts every entry and costs
 * more than signing a large CRL, so it is done only on request.
 *
 * @param revokedCount entries listed
 */
public record SignedCrl(BigInteger number, Instant thisUpdate, Instant nextUpdate, int revokedCount, byte[] der) {

    public X509CRL toX509() {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new CaException("Cannot parse the CRL: " + e.getMessage(), e);
        }
    }
}
