// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import renkei.ca.core.CaException;

/** Everything the CA signs is checked by openssl, not by the code that made it. */
class CertificateIssuerTest {

    private static final char[] PASSPHRASE = "ca-key-passphrase-2026".toCharArray();
    private static final String CRL_URL = "https://ca.example.ac.jp/repository/crl.der";

    @TempDir
    static Path dir;
    static CaKeyMaterial ca;
    static CertificateIssuer issuer;

    @BeforeAll
    static void keyCeremony() throws Exception {
        CaKeyMaterial created = CaKeyMaterial.create(new X500Name("C=JP,O=HPCI,OU=Renkei Test,CN=Renkei Test CA"), Instant.now());
        created.store(dir.resolve("ca.p12"), PASSPHRASE);
        ca = CaKeyMaterial.load(dir.resolve("ca.p12"), PASSPHRASE);
        issuer = new CertificateIssuer(ca, CRL_URL);
        Files.writeString(dir.resolve("ca.pem"), Pem.encode("CERTIFICATE", ca.certificate().getEncoded()));
    }

    @Test
    void caCertificateHasTheCaProfile() throws Exception {
        String text = OpenSsl.ok(dir, "x509", "-in", "ca.pem", "-noout", "-text");
        assertTrue(text.contains("CA:TRUE"), text);
        assertTrue(text.contains("Certificate Sign, CRL Sign"), text);
        assertTrue(text.contains("Public-Key: (2048 bit)"), text);
        long years = ChronoUnit.DAYS.between(ca.certificate().getNotBefore().toInstant(), ca.certificate().getNotAfter().toInstant()) / 365;
        assertEquals(10, years);
    }

    @Test
    void wrongPassphraseIsRefused() {
        CaException e = assertThrows(CaException.class, () -> CaKeyMaterial.load(dir.resolve("ca.p12"), "wrong".toCharArray()));
        assertTrue(e.getMessage().contains("passphrase") || e.getMessage().contains("keystore"), e.getMessage());
    }

    @Test
    void hostCertificateFromAnOpensslCsrVerifiesAndIsRevokedByTheCrl() throws Exception {
        Path work = Files.createDirectory(dir.resolve("host"));
        OpenSsl.ok(work, "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "host.key", "-out", "host.csr",
                "-subj", "/CN=host01.example.ac.jp");
        var request = CertificationRequests.parse(Files.readAllBytes(work.resolve("host.csr")));
        X509Certificate certificate = issuer.issue(new X500Name("C=JP,O=HPCI,OU=Hosts,CN=host01.example.ac.jp"),
                CertificationRequests.checkedPublicKey(request), Instant.now());
        Files.writeString(work.resolve("host.pem"), Pem.encode("CERTIFICATE", certificate.getEncoded()));
        Files.copy(dir.resolve("ca.pem"), work.resolve("ca.pem"));

        String text = OpenSsl.ok(work, "x509", "-in", "host.pem", "-noout", "-text");
        assertTrue(text.contains("Digital Signature, Key Encipherment"), text);
        assertTrue(text.contains("CA:FALSE"), text);
        assertTrue(text.contains("X509v3 Subject Key Identifier"), text);
        assertTrue(text.contains("X509v3 Authority Key Identifier"), text);
        assertTrue(text.contains("URI:" + CRL_URL), text);
        assertTrue(text.contains("Subject: C = JP, O = HPCI, OU = Hosts, CN = host01.example.ac.jp"), text);
        long days = ChronoUnit.DAYS.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
        assertTrue(days >= 393 && days <= 397, "13 months, got " + days + " days");
        assertTrue(OpenSsl.ok(work, "x509", "-in", "host.pem", "-noout", "-modulus")
                .equals(OpenSsl.ok(work, "rsa", "-in", "host.key", "-noout", "-modulus")), "certificate carries the CSR's key");

        writeCrl(work, BigInteger.ONE, List.of());
        String before = OpenSsl.ok(work, "verify", "-crl_check", "-CAfile", "ca.pem", "-CRLfile", "crl.pem", "host.pem");
        assertTrue(before.contains("host.pem: OK"), before);

        writeCrl(work, BigInteger.TWO, List.of(new CertificateIssuer.Revocation(certificate.getSerialNumber(), Instant.now(), 1)));
        OpenSsl.Result after = OpenSsl.run(work, "verify", "-crl_check", "-CAfile", "ca.pem", "-CRLfile", "crl.pem", "host.pem");
        assertNotEquals(0, after.exitCode());
        assertTrue(after.output().contains("certificate revoked"), after.output());
        String crl = OpenSsl.ok(work, "crl", "-in", "crl.pem", "-noout", "-text");
        assertTrue(crl.contains("X509v3 CRL Number") && crl.contains("2"), crl);
        assertTrue(crl.contains("Key Compromise"), crl);
    }

    @Test
    void crlIsValidForThirtyDays() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X509CRL crl = issuer.crl(BigInteger.TEN, List.of(), now).toX509();
        assertEquals(30, ChronoUnit.DAYS.between(crl.getThisUpdate().toInstant(), crl.getNextUpdate().toInstant()));
    }

    @Test
    void serialsAreDistinctAndPositive() throws Exception {
        var key = CertificationRequests.checkedPublicKey(CertificationRequests.parse(csr("serials", "rsa:2048")));
        X509Certificate a = issuer.issue(new X500Name("CN=a"), key, Instant.now());
        X509Certificate b = issuer.issue(new X500Name("CN=b"), key, Instant.now());
        assertNotEquals(a.getSerialNumber(), b.getSerialNumber());
        assertTrue(a.getSerialNumber().signum() > 0);
    }

    @Test
    void badRequestsAreRefusedWithAReason() throws Exception {
        assertRefused("RSA 2048", csr("small", "rsa:1024"));
        assertRefused("must be RSA", csr("ec", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"));
        assertRefused("not a valid PKCS#10", "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n"
                .getBytes(StandardCharsets.US_ASCII));
        assertRefused("CERTIFICATE REQUEST", Files.readAllBytes(dir.resolve("ca.pem")));
        assertRefused("too large", new byte[CertificationRequests.MAX_BYTES + 1]);
        assertRefused("empty", new byte[0]);

        byte[] der = CertificationRequests.parse(csr("tampered", "rsa:2048")).getEncoded();
        der[der.length - 10] ^= 0x01;
        assertRefused("signature does not verify", der);
    }

    private static void assertRefused(String reason, byte[] csr) {
        CaException e = assertThrows(CaException.class,
                () -> CertificationRequests.checkedPublicKey(CertificationRequests.parse(csr)));
        assertTrue(e.getMessage().contains(reason), "expected '" + reason + "' in: " + e.getMessage());
    }

    private static byte[] csr(String name, String newkey, String... extra) throws Exception {
        Path work = Files.createDirectories(dir.resolve("csr-" + name));
        List<String> args = new java.util.ArrayList<>(List.of("req", "-new", "-nodes", "-keyout", "k.pem", "-out", "r.csr",
                "-subj", "/CN=" + name));
        if (newkey.equals("ec")) {
            args.addAll(List.of("-newkey", "ec"));
        } else {
            args.addAll(List.of("-newkey", newkey));
        }
        args.addAll(List.of(extra));
        OpenSsl.ok(work, args.toArray(String[]::new));
        return Files.readAllBytes(work.resolve("r.csr"));
    }

    private static void writeCrl(Path work, BigInteger number, List<CertificateIssuer.Revocation> revoked) throws Exception {
        Files.writeString(work.resolve("crl.pem"), Pem.encode("X509 CRL", issuer.crl(number, revoked, Instant.now()).der()));
    }
}
