// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import renkei.ca.core.IssuedCertificate;
import renkei.ca.core.RevocationReason;
import renkei.ca.core.SignedCrl;
import renkei.ca.core.SubjectRules;
import renkei.platform.standalone.StandalonePlatform;

/**
 * The CRL is written as DER by hand for speed, so its entries are checked against three independent
 * readers: the JDK's X509CRL, BouncyCastle's CRL builder (byte for byte: PKCS#1 v1.5 signatures are
 * deterministic) and openssl.
 */
class CrlEncodingTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:15:30.123456Z");

    @TempDir
    Path dir;

    private final CertificateIssuer issuer = new CertificateIssuer(TestKeys.CA, "https://x/crl");

    /** Every reason code, serials of 1 to 16 octets (some with the top bit set), UTCTime and GeneralizedTime dates. */
    private static List<CertificateIssuer.Revocation> revocations() {
        List<CertificateIssuer.Revocation> list = new ArrayList<>();
        int[] codes = { 0, 1, 2, 3, 4, 5, 6, 8, 9, 10 };
        BigInteger[] serials = { BigInteger.ONE, BigInteger.valueOf(0x7F), BigInteger.valueOf(0x80), BigInteger.valueOf(0xFFFF),
            new BigInteger("7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", 16), new BigInteger("4A3B2C1D0E0F112233445566778899AA", 16),
            new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", 16), BigInteger.TWO.pow(126).setBit(3) };
        Instant[] dates = { NOW, NOW.minus(400, ChronoUnit.DAYS).plusMillis(999), Instant.parse("1950-01-01T00:00:00Z"),
            Instant.parse("2049-12-31T23:59:59.999Z"), Instant.parse("2050-01-01T00:00:00Z"), Instant.parse("1949-12-31T23:59:59Z") };
        for (int i = 0; i < 40; i++) {
            list.add(new CertificateIssuer.Revocation(serials[i % serials.length].add(BigInteger.valueOf(i * 1_000_003L)),
                    dates[i % dates.length], codes[i % codes.length]));
        }
        return list;
    }

    @Test
    void sameBytesAsBouncyCastlesCrlBuilder() throws Exception {
        List<CertificateIssuer.Revocation> revoked = revocations();
        SignedCrl crl = issuer.crl(BigInteger.valueOf(42), revoked, NOW);

        X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(TestKeys.CA.certificate(), Date.from(NOW));
        builder.setNextUpdate(Date.from(NOW.plus(CertificateIssuer.CRL_VALIDITY)));
        for (CertificateIssuer.Revocation revocation : revoked) {
            builder.addCRLEntry(revocation.serial(), Date.from(revocation.revokedAt()), revocation.reasonCode());
        }
        builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(42)));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(TestKeys.CA.certificate()));
        byte[] expected = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(TestKeys.CA.signingKey())).getEncoded();

        assertArrayEquals(expected, crl.der());
    }

    @Test
    void entriesCarrySerialDateAndReason() throws Exception {
        List<CertificateIssuer.Revocation> revoked = revocations();
        SignedCrl signed = issuer.crl(BigInteger.valueOf(7), revoked, NOW);
        X509CRL crl = signed.toX509();
        crl.verify(TestKeys.CA.certificate().getPublicKey());
        assertEquals(TestKeys.CA.certificate().getSubjectX500Principal(), crl.getIssuerX500Principal());
        assertEquals(NOW.truncatedTo(ChronoUnit.SECONDS), crl.getThisUpdate().toInstant());
        assertEquals(signed.nextUpdate(), crl.getNextUpdate().toInstant());
        assertEquals(revoked.size(), signed.revokedCount());
        assertEquals(revoked.size(), crl.getRevokedCertificates().size());

        Map<BigInteger, X509CRLEntry> bySerial = crl.getRevokedCertificates().stream()
                .collect(Collectors.toMap(X509CRLEntry::getSerialNumber, Function.identity()));
        for (CertificateIssuer.Revocation revocation : revoked) {
            X509CRLEntry entry = bySerial.get(revocation.serial());
            assertEquals(revocation.revokedAt().truncatedTo(ChronoUnit.SECONDS), entry.getRevocationDate().toInstant(),
                    revocation.toString());
            byte[] reason = entry.getExtensionValue(Extension.reasonCode.getId());
            if (revocation.reasonCode() == 0) {
                assertNull(reason, "unspecified is expressed by leaving the reasonCode out");
            } else {
                assertEquals(revocation.reasonCode(), ASN1Enumerated.getInstance(
                        ASN1OctetString.getInstance(reason).getOctets()).intValueExact(), revocation.toString());
            }
        }
    }

    @Test
    void emptyCrlHasNoRevokedList() throws Exception {
        X509CRL crl = issuer.crl(BigInteger.ONE, List.of(), NOW).toX509();
        crl.verify(TestKeys.CA.certificate().getPublicKey());
        assertNull(crl.getRevokedCertificates());
    }

    @Test
    void opensslReadsEveryEntry() throws Exception {
        List<CertificateIssuer.Revocation> revoked = revocations();
        Files.write(dir.resolve("crl.der"), issuer.crl(BigInteger.valueOf(9), revoked, NOW).der());
        Files.writeString(dir.resolve("ca.pem"), Pem.encode("CERTIFICATE", TestKeys.CA.certificate().getEncoded()));
        String text = OpenSsl.ok(dir, "crl", "-inform", "DER", "-in", "crl.der", "-noout", "-text", "-CAfile", "ca.pem");
        assertEquals(revoked.size(), text.split("Serial Number: ", -1).length - 1, text);
        for (CertificateIssuer.Revocation revocation : revoked) {
            String serial = revocation.serial().toString(16).toUpperCase(java.util.Locale.ROOT);
            assertTrue(text.contains("Serial Number: " + (serial.length() % 2 == 0 ? serial : "0" + serial) + "\n"), serial);
        }
        assertTrue(text.contains("Revocation Date: Jan  1 00:00:00 2050 GMT"), text);
        assertTrue(text.contains("Key Compromise") && text.contains("AA Compromise") && text.contains("Certificate Hold"), text);
        assertTrue(text.contains("X509v3 CRL Number") && text.contains("X509v3 Authority Key Identifier"), text);
        String verify = OpenSsl.run(dir, "crl", "-inform", "DER", "-in", "crl.der", "-noout", "-CAfile", "ca.pem").output();
        assertTrue(verify.contains("verify OK"), verify);
    }

    @Test
    void crlFromTheDatabaseListsEveryRevokedUnexpiredCertificate() throws Exception {
        try (StandalonePlatform platform = StandalonePlatform.inMemory()) {
            CertificateAuthority authority = new CertificateAuthority(platform.database(), platform.audit(),
                    IssuerSource.fixed(issuer), new SubjectRules("/C=JP/O=HPCI/OU=Renkei", SubjectRules.DEFAULT_CLIENT_FORMAT),
                    Clock.systemUTC());
            Map<String, RevocationReason> reasons = new java.util.HashMap<>();
            Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            RevocationReason[] cycle = { RevocationReason.unspecified, RevocationReason.keyCompromise, RevocationReason.superseded };
            for (int i = 0; i < 6; i++) {
                IssuedCertificate issued = authority.issueHost("ca-alice", "CA_OPERATOR", i % 2 == 0 ? TestKeys.CSR_A : TestKeys.CSR_B,
                        "crl" + i + ".example.ac.jp");
                if (i != 5) { // one stays valid
                    authority.revoke("ca-bob", "CA_OPERATOR", issued.serialHex(), cycle[i % cycle.length], "");
                    reasons.put(issued.serialHex(), cycle[i % cycle.length]);
                }
            }
            platform.database().withConnection(c -> c.createStatement().executeUpdate("INSERT INTO ca_certificate (serial_hex, "
                    + "profile, subject_dn, common_name, not_before, not_after, status, revoked_at, revocation_reason, issued_by, "
                    + "der_base64) VALUES ('ABC', 'HOST', 'CN=x', 'expired', TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00Z', "
                    + "TIMESTAMP WITH TIME ZONE '2021-01-01 00:00:00Z', 'REVOKED', TIMESTAMP WITH TIME ZONE '2020-06-01 00:00:00Z', 1, "
                    + "'x', '')"));
            platform.database().withConnection(c -> c.createStatement().executeUpdate("INSERT INTO ca_certificate (serial_hex, "
                    + "profile, subject_dn, common_name, not_before, not_after, status, revoked_at, revocation_reason, issued_by, "
                    + "der_base64) VALUES ('F0F', 'HOST', 'CN=x', 'odd', TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00Z', "
                    + "TIMESTAMP WITH TIME ZONE '2999-01-01 00:00:00Z', 'REVOKED', TIMESTAMP WITH TIME ZONE '2020-06-01 12:34:56.789Z', "
                    + "10, 'x', '')"));
            Instant after = Instant.now();

            SignedCrl signed = authority.crl("system", "");
            X509CRL crl = signed.toX509();
            crl.verify(TestKeys.CA.certificate().getPublicKey());
            X509CRLEntry odd = crl.getRevokedCertificate(BigInteger.valueOf(0xF0F));
            assertEquals(Instant.parse("2020-06-01T12:34:56Z"), odd.getRevocationDate().toInstant());
            assertEquals(java.security.cert.CRLReason.AA_COMPROMISE, odd.getRevocationReason());
            assertEquals(reasons.size() + 1, signed.revokedCount(), "expired certificates leave the CRL");
            assertEquals(reasons.size() + 1, crl.getRevokedCertificates().size());
            for (X509CRLEntry entry : crl.getRevokedCertificates()) {
                if (entry.getSerialNumber().equals(BigInteger.valueOf(0xF0F))) {
                    continue;
                }
                RevocationReason reason = reasons.get(CertificateStore.hex(entry.getSerialNumber()));
                assertTrue(reason != null, "listed but not revoked: " + entry.getSerialNumber().toString(16));
                Instant date = entry.getRevocationDate().toInstant();
                assertTrue(!date.isBefore(before) && !date.isAfter(after), date + " outside " + before + "…" + after);
                assertEquals(reason == RevocationReason.unspecified ? null : java.security.cert.CRLReason.values()[reason.code()],
                        entry.getRevocationReason());
            }
        }
    }
}
