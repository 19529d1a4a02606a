// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import renkei.ca.core.CaException;
import renkei.ca.core.CeremonyRecord;
import renkei.ca.core.KeyStatus;
import renkei.ca.core.RevocationReason;
import renkei.ca.core.internal.key.CaKeyManager;
import renkei.platform.AuditQuery;
import renkei.platform.AuditRecord;
import renkei.platform.AuditResult;
import renkei.platform.Session;
import renkei.platform.standalone.StandalonePlatform;

class CaKeyManagerTest {

    @TempDir
    Path home;
    private KeyFixture fixture;
    private TestClock clock;
    private CaKeyManager keys;
    private Session alice;
    private Session bob;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new KeyFixture(home, new Properties()).withOperators();
        clock = new TestClock(Instant.now());
        keys = fixture.manager(clock);
        alice = fixture.login("ca-alice");
        bob = fixture.login("ca-bob");
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void ceremonyMakesTheCaKeyInAPassphraseProtectedFileAndRecordsWhoAttended() throws Exception {
        CeremonyRecord ceremony = keys.createCa(alice, bob, List.of(" Ito Hanako (witness) ", ""));

        assertEquals(List.of("ca-alice", "ca-bob", "Ito Hanako (witness)"), ceremony.attendees());
        assertEquals("C=JP,O=HPCI,OU=Renkei Demo,CN=Renkei Demo CA", ceremony.caSubject());
        Path p12 = home.resolve("ca/ca.p12");
        assertEquals(Set.of("rw-------"), Set.of(PosixFilePermissions.toString(Files.getPosixFilePermissions(p12))));
        String passphrase = fixture.secrets.get(CaSettings.PASSPHRASE_SECRET).orElseThrow();
        assertTrue(passphrase.length() >= 40, "a generated passphrase, not a guessable one");

        String pem = OpenSsl.ok(home, "pkcs12", "-in", p12.toString(), "-nokeys", "-passin", "pass:" + passphrase);
        Files.writeString(home.resolve("ca.pem"), pem);
        String fingerprint = OpenSsl.ok(home, "x509", "-in", "ca.pem", "-noout", "-fingerprint", "-sha256");
        assertEquals("sha256 Fingerprint=" + ceremony.sha256Fingerprint(), fingerprint.strip());
        String text = OpenSsl.ok(home, "x509", "-in", "ca.pem", "-noout", "-text");
        assertTrue(text.contains("CA:TRUE") && text.contains("Certificate Sign, CRL Sign") && text.contains("(2048 bit)"), text);
        assertFalse(OpenSsl.run(home, "pkcs12", "-in", p12.toString(), "-nokeys", "-passin", "pass:wrong").exitCode() == 0,
                "the keystore does not open without its passphrase");

        Files.writeString(home.resolve("ca-recorded.pem"), Pem.encode("CERTIFICATE", keys.caCertificate().getEncoded()));
        assertEquals(fingerprint, OpenSsl.ok(home, "x509", "-in", "ca-recorded.pem", "-noout", "-fingerprint", "-sha256"),
                "the recorded certificate is the one in the keystore");
        KeyStatus status = keys.status();
        assertTrue(status.initialised());
        assertEquals("PKCS#12 " + p12, status.keyStore());
        assertEquals(java.util.Optional.of(ceremony.sha256Fingerprint()), status.sha256Fingerprint());
        assertTrue(status.activeUntil().isEmpty(), "the ceremony does not activate the key");
        AuditRecord record = latestHsm();
        assertEquals("ca.key.ceremony", record.action());
        assertEquals(AuditResult.SUCCESS, record.result());
        assertTrue(record.detail().contains("attendees=ca-alice,ca-bob,Ito Hanako (witness)"), record.detail());
        assertEquals(List.of("ca-alice", "ca-bob", "Ito Hanako (witness)"), attendeesInDatabase());
    }

    @Test
    void secondCeremonyIsRefusedAndTheKeyIsKept() throws Exception {
        CeremonyRecord first = keys.createCa(alice, bob, List.of());
        byte[] keystore = Files.readAllBytes(home.resolve("ca/ca.p12"));
        CaException refused = assertThrows(CaException.class, () -> keys.createCa(alice, bob, List.of()));
        assertTrue(refused.getMessage().contains("already exists"), refused.getMessage());
        assertTrue(java.util.Arrays.equals(keystore, Files.readAllBytes(home.resolve("ca/ca.p12"))));
        assertEquals(java.util.Optional.of(first.sha256Fingerprint()), keys.status().sha256Fingerprint());
        assertEquals(AuditResult.FAILURE, latestHsm().result());
    }

    @Test
    void ceremonyNeedsTwoDifferentCaOperators() {
        CaException refused = assertThrows(CaException.class, () -> keys.createCa(alice, alice, List.of()));
        assertTrue(refused.getMessage().contains("different"), refused.getMessage());
        assertFalse(keys.status().initialised());
        assertFalse(Files.exists(home.resolve("ca/ca.p12")), "no key was made");
        assertEquals("ca.key.ceremony", latestHsm().action());
        assertEquals(AuditResult.FAILURE, latestHsm().result());
    }

    @Test
    void activationNeedsTwoFreshTotpCaOperatorsAndEveryRefusalIsAudited() {
        assertRefused(() -> keys.activate(alice, bob, Duration.ofHours(1)), "no CA yet", "ca-alice");
        keys.createCa(alice, bob, List.of());

        assertRefused(() -> keys.activate(alice, alice, Duration.ofHours(1)), "different", "ca-alice");
        Session officer = fixture.login("ca-officer");
        assertRefused(() -> keys.activate(officer, bob, Duration.ofHours(1)), "ca-officer is not a CA operator", "ca-officer");
        // IdentityService never lets a CA operator in without TOTP; this session is the defence in depth case.
        Session noTotp = new Session(bob.operator(), bob.authenticatedAt(), false);
        assertRefused(() -> keys.activate(alice, noTotp, Duration.ofHours(1)), "ca-bob did not log in with a TOTP code", "ca-alice");
        assertRefused(() -> keys.activate(alice, bob, Duration.ofHours(9)), "longer than the maximum PT8H", "ca-alice");
        assertRefused(() -> keys.activate(alice, bob, Duration.ZERO), "must be positive", "ca-alice");
        clock.advance(Duration.ofMinutes(6));
        assertRefused(() -> keys.activate(alice, bob, Duration.ofHours(1)), "log in again", "ca-alice");
        assertTrue(keys.status().activeUntil().isEmpty());

        // Back to real time, where the two logins of setUp are fresh.
        clock = new TestClock(Instant.now());
        keys = fixture.manager(clock);
        KeyStatus active = keys.activate(alice, bob, Duration.ofHours(8));
        assertEquals(java.util.Optional.of(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plus(Duration.ofHours(8))),
                active.activeUntil());
        assertEquals(List.of("ca-alice", "ca-bob"), active.activatedBy());
        AuditRecord record = latestHsm();
        assertEquals("ca.key.activate", record.action());
        assertEquals(AuditResult.SUCCESS, record.result());
        assertEquals("ca-alice", record.actor());
        assertTrue(record.detail().contains("operators=ca-alice,ca-bob"), record.detail());
    }

    @Test
    void deactivationStopsIssuanceAtOnceAndNothingIsStored() {
        keys.createCa(alice, bob, List.of());
        keys.activate(alice, bob, Duration.ofHours(1));
        CertificateAuthority authority = fixture.authority(keys, clock);
        authority.issueHost("ca-alice", "CA_OPERATOR", TestKeys.CSR_A, "host01.example.ac.jp");
        assertEquals(1, fixture.certificateCount());

        Session officer = fixture.login("ca-officer");
        assertRefused(() -> keys.deactivate(officer, "not mine"), "not a CA operator", "ca-officer");
        KeyStatus after = keys.deactivate(bob, "end of shift");
        assertTrue(after.activeUntil().isEmpty() && after.activatedBy().isEmpty());
        AuditRecord record = latestHsm();
        assertEquals("ca.key.deactivate", record.action());
        assertEquals("ca-bob", record.actor());
        assertTrue(record.detail().contains("reason=end of shift"), record.detail());

        CaException refused = assertThrows(CaException.class,
                () -> authority.issueHost("ca-alice", "CA_OPERATOR", TestKeys.CSR_B, "host02.example.ac.jp"));
        assertTrue(refused.getMessage().startsWith("The CA key is not activated"), refused.getMessage());
        assertEquals(1, fixture.certificateCount(), "nothing issued while the key is not activated");
        AuditRecord ca = fixture.platform.audit().query(AuditQuery.latest(1).inCategory("ca")).get(0);
        assertEquals(AuditResult.FAILURE, ca.result());
        assertThrows(CaException.class, () -> authority.crl("ca-alice", "CA_OPERATOR"), "no CRL is signed either");
    }

    @Test
    void activationEndsWhenItsPeriodIsOver() {
        keys.createCa(alice, bob, List.of());
        keys.activate(alice, bob, Duration.ofHours(1));
        CertificateAuthority authority = fixture.authority(keys, clock);
        clock.advance(Duration.ofMinutes(59));
        authority.issueHost("ca-alice", "CA_OPERATOR", TestKeys.CSR_A, "host01.example.ac.jp");
        assertTrue(keys.status().isActive(clock.instant()));

        clock.advance(Duration.ofMinutes(2));
        CaException refused = assertThrows(CaException.class,
                () -> authority.issueHost("ca-alice", "CA_OPERATOR", TestKeys.CSR_B, "host02.example.ac.jp"));
        assertTrue(refused.getMessage().contains("activation ended at"), refused.getMessage());
        assertTrue(keys.status().activeUntil().isEmpty());
        assertEquals(1, fixture.certificateCount());
    }

    @Test
    void twoInstancesSharingTheDatabaseSeeTheSameActivation() throws Exception {
        String url = "jdbc:h2:mem:shared-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (KeyFixture first = new KeyFixture(home, new Properties(), StandalonePlatform.open(url, "sa", "")).withOperators();
             KeyFixture second = new KeyFixture(home, new Properties(), StandalonePlatform.open(url, "sa", ""))) {
            Session a = first.login("ca-alice");
            Session b = first.login("ca-bob");
            CaKeyManager keysA = first.manager(clock);
            CaKeyManager keysB = second.manager(clock);
            CertificateAuthority authorityA = first.authority(keysA, clock);
            CertificateAuthority authorityB = second.authority(keysB, clock);

            keysA.createCa(a, b, List.of());
            keysA.activate(a, b, Duration.ofHours(2));
            assertEquals(List.of("ca-alice", "ca-bob"), keysB.status().activatedBy());
            authorityB.issueHost("ca-alice", "CA_OPERATOR", TestKeys.CSR_A, "host01.example.ac.jp");
            assertNotEquals(0, authorityA.crl("ca-alice", "CA_OPERATOR").number().signum(), "the first instance signs too");

            keysB.deactivate(b, "maintenance");
            assertTrue(keysA.status().activeUntil().isEmpty());
            assertThrows(CaException.class, () -> authorityA.issueHost("ca-alice", "CA_OPERATOR", TestKeys.CSR_B, "host02.example.ac.jp"));
            assertEquals(1, first.certificateCount());

            keysB.activate(a, b, Duration.ofHours(1));
            authorityA.revoke("ca-alice", "CA_OPERATOR", authorityA.search(renkei.ca.core.CertificateQuery.all(10)).get(0).serialHex(),
                    RevocationReason.superseded, "");
        }
    }

    private void assertRefused(org.junit.jupiter.api.function.Executable action, String message, String actor) {
        CaException refused = assertThrows(CaException.class, action);
        assertTrue(refused.getMessage().contains(message), refused.getMessage());
        AuditRecord record = latestHsm();
        assertEquals(AuditResult.FAILURE, record.result());
        assertEquals(actor, record.actor());
        assertTrue(record.detail().contains(message), record.detail());
    }

    private AuditRecord latestHsm() {
        return fixture.platform.audit().query(AuditQuery.latest(1).inCategory("hsm")).get(0);
    }

    private List<String> attendeesInDatabase() {
        return fixture.platform.database().withConnection(c -> {
            List<String> names = new java.util.ArrayList<>();
            try (var rows = c.createStatement().executeQuery("SELECT attendee FROM ca_key_attendee ORDER BY attendee_order")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        });
    }
}
