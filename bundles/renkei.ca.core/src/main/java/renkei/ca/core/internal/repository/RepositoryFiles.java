// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.repository;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

import renkei.ca.core.CaException;

/**
 * Digests as the repository shows them: fingerprints exactly as {@code openssl x509 -fingerprint
 * -sha256 -noout} prints them (so a relying party can compare the file with its own openssl run
 * character for character), and plain hex SHA-256 for the index.
 *
 * <p>Stateless; thread-safe.
 */
final class RepositoryFiles {

    private RepositoryFiles() {
    }

    /** @param algorithm {@code sha256} or {@code sha1}, the spelling OpenSSL 3 uses in its output */
    static String fingerprintLine(X509Certificate certificate, String algorithm) {
        String hex = HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest(der(certificate), algorithm));
        return algorithm + " Fingerprint=" + hex + "\n";
    }

    static String sha256Hex(byte[] content) {
        return HexFormat.of().formatHex(digest(content, "sha256"));
    }

    static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new CaException("Cannot encode the CA certificate: " + e.getMessage(), e);
        }
    }

    private static byte[] digest(byte[] content, String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm.toUpperCase(Locale.ROOT).replace("SHA", "SHA-")).digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
