// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import renkei.ca.core.CaException;
import renkei.ca.core.CertificateProfile;
import renkei.ca.core.CertificateQuery;
import renkei.ca.core.GeneratedCredential;
import renkei.ca.core.IssuedCertificate;
import renkei.ca.core.LicenseInfo;
import renkei.ca.core.RevocationPreview;
import renkei.ca.core.RevocationReason;
import renkei.ca.core.SignedCrl;
import renkei.platform.AccessDeniedException;
import renkei.platform.AuditQuery;
import renkei.platform.AuditRecord;
import renkei.platform.AuditResult;
import renkei.platform.Role;
import renkei.platform.Session;
import renkei.platform.standalone.StandalonePlatform;

class CaServiceComponentTest {

    private static final Map<String, String> HANAKO = Map.of("givenName", "Hanako", "sn", "Suzuki", "hpciId", "hpci000777",
            "eduPersonPrincipalName", "hanako@example.ac.jp", "eduPersonEntitlement", "urn:mace:hpci.jp:cert-user");
    private static final char[] GOOD_PASSPHRASE = "Kumo-no-ue 2026!".toCharArray();

    @TempDir
    Path home;

    private StandalonePlatform platform;
    private CaServiceComponent ca;
    private final Session alice = TestSessions.as("ca-alice", Role.CA_OPERATOR);
    private final List<IssuedCertificate> notified = new ArrayList<>();

    @BeforeEach
    void setUp() {
        platform = StandalonePlatform.inMemory();
        CaSettings settings = TestSessions.settings(home, "ca.license.rules", "eduPersonEntitlement=urn:mace:hpci.jp:cert-user",
                "ca.crl.url", "https://ca.example.ac.jp/repository/ca.crl");
        ca = new CaServiceComponent(platform.database(), platform.audit(),
                IssuerSource.fixed(new CertificateIssuer(TestKeys.CA, settings.crlDistributionPoint())), TestKeys.CA::certificate,
                settings, Clock.systemUTC());
        ca.addIssuanceListener(notified::add);
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    @Test
    void keyGenerationReturnsAPkcs12ThatOpensslOpensWithThePassphrase() throws Exception {
        String license = ca.issueLicense(alice, HANAKO);
        GeneratedCredential generated = ca.redeemLicenseWithKeyGeneration(alice, license, GOOD_PASSPHRASE, GOOD_PASSPHRASE.clone());
        assertEquals("Hanako Suzuki hpci000777", generated.certificate().commonName());
        assertEquals(List.of(generated.certificate()), notified, "issuance listeners hear about key-generation issuance too");

        Files.write(home.resolve("user.p12"), generated.pkcs12());
        Files.writeString(home.resolve("pass"), new String(GOOD_PASSPHRASE), StandardCharsets.UTF_8);
        String dump = OpenSsl.ok(home, "pkcs12", "-in", "user.p12", "-passin", "file:pass", "-nodes", "-info");
        assertTrue(dump.contains("BEGIN PRIVATE KEY"), "the key is inside");
        assertTrue(dump.contains("subject=C = JP, O = HPCI, OU = Renkei, CN = Hanako Suzuki hpci000777"), dump);
        assertTrue(dump.contains("AES-256-CBC"), "modern encryption, not RC2/3DES: " + dump);
        OpenSsl.Result wrong = OpenSsl.run(home, "pkcs12", "-in", "user.p12", "-passin", "pass:wrong-passphrase", "-nodes");
        assertTrue(wrong.exitCode() != 0, "a wrong passphrase does not open it");

        OpenSsl.ok(home, "pkcs12", "-in", "user.p12", "-passin", "file:pass", "-nodes", "-clcerts", "-nokeys", "-out", "user.pem");
        Files.write(home.resolve("ca.pem"), Pem.encode("CERTIFICATE", TestKeys.CA.certificate().getEncoded())
                .getBytes(StandardCharsets.US_ASCII));
        assertTrue(OpenSsl.ok(home, "verify", "-CAfile", "ca.pem", "user.pem").contains("OK"));
        assertEquals(LicenseInfo.State.REDEEMED, ca.licenses(alice, Optional.of("hpci000777"), 10).get(0).state());
    }

    @Test
    void weakOrMismatchedPassphrasesIssueNothingAndKeepTheLicense() {
        String license = ca.issueLicense(alice, HANAKO);
        for (String weak : new String[] { "short1!", "alllowercaseletters", "hpci000777-Secret!", "Aaaaaaaaaaaa1!" }) {
            CaException refused = assertThrows(CaException.class,
                    () -> ca.redeemLicenseWithKeyGeneration(alice, license, weak.toCharArray(), weak.toCharArray()));
            assertTrue(refused.getMessage().contains("too weak"), refused.getMessage());
            assertTrue(!refused.getMessage().contains(weak), "the passphrase is never echoed");
        }
        CaException mismatch = assertThrows(CaException.class, () -> ca.redeemLicenseWithKeyGeneration(alice, license,
                GOOD_PASSPHRASE, "Kumo-no-ue 2027!".toCharArray()));
        assertTrue(mismatch.getMessage().contains("differ"), mismatch.getMessage());
        assertEquals(List.of(), ca.search(alice, CertificateQuery.all(10)), "nothing issued");
        assertEquals(LicenseInfo.State.UNUSED, ca.licenses(alice, Optional.empty(), 10).get(0).state(), "the license survives");
        AuditRecord last = platform.audit().query(AuditQuery.latest(1).inCategory("ca")).get(0);
        assertEquals("ca.license.redeem.keygen", last.action());
        assertEquals(AuditResult.FAILURE, last.result());
    }

    @Test
    void withdrawnLicensesCannotBeRedeemed() {
        String license = ca.issueLicense(alice, HANAKO);
        ca.withdrawLicense(alice, license, "sent to the wrong address");
        assertEquals(LicenseInfo.State.WITHDRAWN, ca.licenses(alice, Optional.empty(), 10).get(0).state());
        CaException refused = assertThrows(CaException.class, () -> ca.redeemLicense(alice, license, TestKeys.CSR_A));
        assertTrue(refused.getMessage().contains("withdrawn"), refused.getMessage());
        assertThrows(CaException.class, () -> ca.withdrawLicense(alice, license, "again"));
    }

    @Test
    void hostNameComesFromTheCsrWhenNotGiven() throws Exception {
        Path dir = Files.createTempDirectory(home, "csr");
        OpenSsl.ok(dir, "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "h.key", "-out", "h.csr", "-subj",
                "/CN=gfarm01.example.ac.jp");
        IssuedCertificate host = ca.issue(alice, CertificateProfile.HOST, Files.readAllBytes(dir.resolve("h.csr")), Optional.empty());
        assertEquals("gfarm01.example.ac.jp", host.commonName());
        CaException client = assertThrows(CaException.class,
                () -> ca.issue(alice, CertificateProfile.CLIENT, TestKeys.CSR_A, Optional.empty()));
        assertTrue(client.getMessage().contains("license"), client.getMessage());
    }

    @Test
    void revocationPreviewShowsWhatChangesAndTheCrlIsKeptForPublishing() {
        IssuedCertificate host = ca.issue(alice, CertificateProfile.HOST, TestKeys.CSR_A, Optional.of("host01.example.ac.jp"));
        SignedCrl first = ca.issueCrl(alice);
        RevocationPreview preview = ca.previewRevocation(alice, host.serialHex());
        assertEquals(host.serialHex(), preview.certificate().serialHex());
        assertEquals(first.number().add(java.math.BigInteger.ONE), preview.nextCrlNumber());
        assertEquals(1, preview.revokedAfter());
        SignedCrl afterRevoke = ca.revoke(alice, host.serialHex(), RevocationReason.keyCompromise, "事務局 #77");
        SignedCrl latest = ca.latestCrl().orElseThrow();
        assertEquals(afterRevoke.number(), latest.number());
        assertEquals(preview.nextCrlNumber(), latest.number(), "the preview named the CRL the revocation produced");
        assertArrayEquals(afterRevoke.der(), latest.der(), "the stored CRL is the signed one");
        assertEquals(1, latest.revokedCount());
        assertThrows(CaException.class, () -> ca.previewRevocation(alice, host.serialHex()), "already revoked");
    }

    @Test
    void rolesAreCheckedAndRefusalsGoToTheCaAuditLog() {
        Session helpDesk = TestSessions.as("helpdesk", Role.HELP_DESK);
        assertThrows(AccessDeniedException.class,
                () -> ca.issue(helpDesk, CertificateProfile.HOST, TestKeys.CSR_A, Optional.of("host09.example.ac.jp")));
        AuditRecord refusal = platform.audit().query(AuditQuery.latest(1).inCategory("ca")).get(0);
        assertEquals(AuditResult.DENIED, refusal.result());
        assertEquals("helpdesk", refusal.actor());
        assertEquals("ca.issue.host", refusal.action());
        assertEquals(List.of(), ca.search(helpDesk, CertificateQuery.all(10)), "the help desk may search, and nothing was issued");
        assertThrows(AccessDeniedException.class, () -> ca.revoke(TestSessions.as("officer", Role.CA_OFFICER), "0A",
                RevocationReason.unspecified, ""));
    }
}
