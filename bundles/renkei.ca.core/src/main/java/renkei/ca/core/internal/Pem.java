// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** PEM text as OpenSSL writes it: 64-column base64 between BEGIN/END lines. */
public final class Pem {

    private Pem() {
    }

    public static String encode(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** A DER certificate as the JDK's type, for APIs (KeyStore, PKCS#12 bags) that want one. */
    public static java.security.cert.X509Certificate certificate(byte[] der) {
        try {
            return (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(der));
        } catch (java.security.cert.CertificateException e) {
            throw new renkei.ca.core.CaException("Cannot read a certificate: " + e.getMessage(), e);
        }
    }
}
