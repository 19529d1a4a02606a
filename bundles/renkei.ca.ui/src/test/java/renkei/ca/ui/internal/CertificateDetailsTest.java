// SPDX-License-Identifier: EPL-2.0
package renkei.ca.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import renkei.ca.core.CertificateProfile;
import renkei.ca.core.IssuedCertificate;
import renkei.ca.core.RevocationReason;

/** The detail rows match what {@code openssl x509 -text -fingerprint} says about the same certificate. */
class CertificateDetailsTest {

    /** Made by openssl req -x509 with the CA-02 host profile's extensions. */
    private static final String PEM = ""
            + "-----BEGIN CERTIFICATE-----\n"
            + "MIIDwzCCAqugAwIBAgIUXSUb9rdx7qZJwADmI8bO40PPwIYwDQYJKoZIhvcNAQEL\n"
            + "BQAwTjELMAkGA1UEBhMCSlAxDTALBgNVBAoMBEhQQ0kxDTALBgNVBAsMBFRlc3Qx\n"
            + "ITAfBgNVBAMMGGxvZ2luLmhwY2kuZXhhbXBsZS5hYy5qcDAeFw0yNjEyMDExNDQ4\n"
            + "MjNaFw0yNzEyMzExNDQ4MjNaME4xCzAJBgNVBAYTAkpQMQ0wCwYDVQQKDARIUENJ\n"
            + "MQ0wCwYDVQQLDARUZXN0MSEwHwYDVQQDDBhsb2dpbi5ocGNpLmV4YW1wbGUuYWMu\n"
            + "anAwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQCbkyFtx1EIsVO0iYjF\n"
            + "GVmXJ2aB4jrhVpynvoov9/bTw8CVV7ROCGeYA23Wx45fFxibJTtBSf2zgmp7Vhni\n"
            + "ziNG8/5FqUz62vhh5lZ3kWXCx+DyzozwbAsec+B1VGGRB+DX7G4of+8usnH7wylx\n"
            + "krRdxJnZnra5O+lCEBOob7NxZxepgIhK7v1S3qJUJOFKkeANEkdgASWcGbc9xfev\n"
            + "k8ZnrV/5LjDqxR7wSjdWj0mo0kWhxNcOJ/l6QcczeAoLWWunDOoAfAMkaWhX/f5X\n"
            + "dNRVY6s+M3N53cyF8HvnG+cGleyI/o62JWEEbqgYsneMwW/oJl5HFKQhKpH0BUdh\n"
            + "8QpbAgMBAAGjgZgwgZUwDAYDVR0TAQH/BAIwADAOBgNVHQ8BAf8EBAMCBaAwHQYD\n"
            + "VR0OBBYEFK55aXEj7YZoVp8tk0lOepDrgZ4OMCMGA1UdEQQcMBqCGGxvZ2luLmhw\n"
            + "Y2kuZXhhbXBsZS5hYy5qcDAxBgNVHR8EKjAoMCagJKAihiBodHRwczovL2NhLmV4\n"
            + "YW1wbGUuYWMuanAvY3JsLmRlcjANBgkqhkiG9w0BAQsFAAOCAQEAdm44L8ss80lr\n"
            + "oF8Nmzd3WzZeMtoAFhT6bjxajx6CI5hjDWIMC+qMQwFgw/UuF1j16QY50V95Z9uW\n"
            + "18nsJeu1Sj1+Bt9EJRfcAHGQLzEMe20VfQ/fxW83G3Ok2HxJG5MtcyXWpxSoJIcu\n"
            + "VqtrtKJ+PdhpEhWSGqw0jFLG1wAKA+a2Ze/2qQ/qGz77MBRRhF6wzm619d52aQQH\n"
            + "qRLVCSiWGC0QR12ZquDctPrMlWBS4v062TnzeXr+Q+jFFBWtvn1g7aLechx05n+A\n"
            + "pAwD+/5n3fpv5vHocAgeNefgbjrYaXz8PA7T2w7C0CjqC6zPvrgMq7qXFUeDfdQk\n"
            + "dQA1oktcZQ==\n"
            + "-----END CERTIFICATE-----\n";

    /** {@code openssl x509 -noout -fingerprint -sha256} of {@link #PEM}. */
    private static final String SHA256 = "66:AE:72:52:B0:07:EF:F0:68:C5:32:B5:16:E6:B4:23:9A:96:72:5A:09:81:81:BC:C7:04:09:2B:FB:B1:4C:7A";

    @Test
    void decodesWhatOpensslShows() throws Exception {
        Map<String, String> rows = rows(certificate(IssuedCertificate.Status.VALID));
        assertEquals("/C=JP/O=HPCI/OU=Test/CN=login.hpci.example.ac.jp", rows.get(Messages.Detail_subject));
        assertEquals("digitalSignature, keyEncipherment", rows.get("keyUsage " + Messages.Detail_critical));
        assertEquals("CA:FALSE", rows.get("basicConstraints " + Messages.Detail_critical));
        assertEquals("DNS:login.hpci.example.ac.jp", rows.get("subjectAltName"));
        assertEquals("URI:https://ca.example.ac.jp/crl.der", rows.get("cRLDistributionPoints"));
        assertTrue(rows.get(Messages.Detail_serial).startsWith("5D251BF6B771EEA649C000E623C6CEE343CFC086"));
        assertTrue(rows.get(Messages.Detail_publicKey).contains("2048"), rows.get(Messages.Detail_publicKey));
        assertEquals("sha256WithRSAEncryption", rows.get(Messages.Detail_signature));
        assertEquals(SHA256, rows.get(Messages.Detail_sha256));
        // OpenSSL 3 leaves the authority key identifier out of self-signed certificates.
        assertTrue(rows.get("subjectKeyIdentifier").matches("([0-9A-F]{2}:){19}[0-9A-F]{2}"), rows.toString());
        assertFalse(rows.containsKey(Messages.Detail_reason));
    }

    @Test
    void revokedShowsReasonAndReference() throws Exception {
        Map<String, String> rows = rows(certificate(IssuedCertificate.Status.REVOKED));
        assertEquals(Messages.State_revoked, rows.get(Messages.Detail_state));
        assertTrue(rows.get(Messages.Detail_reason).startsWith("keyCompromise (1)"), rows.get(Messages.Detail_reason));
        assertEquals("request 2026-0042", rows.get(Messages.Detail_reference));
    }

    /** The revoke dialog, the browser's tooltip and the key part show subjects the way the detail view does. */
    @Test
    void subjectsInTheSlashForm() throws Exception {
        assertEquals("/C=JP/O=HPCI/OU=Test/CN=login.hpci.example.ac.jp",
                CertificateDetails.subject(certificate(IssuedCertificate.Status.VALID)));
        assertEquals("/C=JP/O=HPCI/OU=Renkei Demo/CN=Renkei Demo CA",
                CertificateDetails.slashForm("C=JP,O=HPCI,OU=Renkei Demo,CN=Renkei Demo CA"));
        assertEquals("/C=JP/O=Example, Inc./CN=x", CertificateDetails.slashForm("C=JP,O=Example\\, Inc.,CN=x"));
        assertEquals("not a DN", CertificateDetails.slashForm("not a DN"));
    }

    @Test
    void pemRoundTrips() throws Exception {
        byte[] der = der();
        String pem = CertificateDetails.pem(der);
        assertEquals(PEM, pem);
        X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        assertTrue(java.util.Arrays.equals(der, parsed.getEncoded()));
    }

    private static Map<String, String> rows(IssuedCertificate certificate) {
        return CertificateDetails.rows(certificate, Instant.now()).stream()
                .collect(Collectors.toMap(CertificateDetails.Row::field, CertificateDetails.Row::value));
    }

    private static byte[] der() throws Exception {
        return CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(PEM.getBytes(StandardCharsets.US_ASCII))).getEncoded();
    }

    private static IssuedCertificate certificate(IssuedCertificate.Status status) throws Exception {
        boolean revoked = status == IssuedCertificate.Status.REVOKED;
        Instant now = Instant.now();
        return new IssuedCertificate("5D251BF6B771EEA649C000E623C6CEE343CFC086", CertificateProfile.HOST,
                "/C=JP/O=HPCI/OU=Test/CN=login.hpci.example.ac.jp", "login.hpci.example.ac.jp", Optional.empty(),
                Optional.empty(), now, now.plusSeconds(86_400), status, revoked ? Optional.of(now) : Optional.empty(),
                revoked ? Optional.of(RevocationReason.keyCompromise) : Optional.empty(),
                revoked ? Optional.of("request 2026-0042") : Optional.empty(), "ca-alice", der());
    }
}
