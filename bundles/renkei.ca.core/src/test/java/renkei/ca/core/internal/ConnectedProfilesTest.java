// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import renkei.ca.core.CaException;
import renkei.ca.core.CertificateProfile;
import renkei.ca.core.IssuedCertificate;
import renkei.ca.core.RevocationReason;
import renkei.platform.AccessDeniedException;
import renkei.platform.AuditQuery;
import renkei.platform.Notification;
import renkei.platform.NotificationService;
import renkei.platform.Operator;
import renkei.platform.Role;
import renkei.platform.Session;
import renkei.platform.standalone.StandalonePlatform;

/** The SERVER and OPERATOR profiles of connected mode, checked with BouncyCastle and openssl. */
class ConnectedProfilesTest {

    @TempDir
    Path home;

    private StandalonePlatform platform;
    private CaServiceComponent ca;
    private NotificationService feed;
    private final Session alice = TestSessions.as("ca-alice", Role.CA_OPERATOR);

    @BeforeEach
    void setUp() {
        platform = StandalonePlatform.inMemory();
        CaSettings settings = TestSessions.settings(home, "ca.crl.url", "https://ca.example.ac.jp/repository/ca.crl");
        Map<String, Operator> accounts = Map.of("ops-taro", operator("ops-taro", true), "gone", operator("gone", false));
        ca = new CaServiceComponent(platform.database(), platform.audit(),
                IssuerSource.fixed(new CertificateIssuer(TestKeys.CA, settings.crlDistributionPoint())), TestKeys.CA::certificate,
                settings, Clock.systemUTC(), name -> Optional.ofNullable(accounts.get(name)));
        feed = platform.notifications(TestConfig.of(Map.of()));
        ca.bindNotifications(feed);
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    private static Operator operator(String name, boolean enabled) {
        return new Operator(name, name, Optional.empty(), Optional.empty(), Set.of(Role.HELP_DESK), false, enabled);
    }

    @Test
    void serverCertificateHasServerAuthAndADnsNameForEveryHost() throws Exception {
        IssuedCertificate issued = ca.issueServer(alice, TestKeys.CSR_A, List.of("Ops.Example.ac.jp", "localhost", "ops.example.ac.jp"));
        assertEquals(CertificateProfile.SERVER, issued.profile());
        assertEquals("ops.example.ac.jp", issued.commonName());

        X509CertificateHolder holder = new X509CertificateHolder(issued.der());
        ExtendedKeyUsage eku = ExtendedKeyUsage.fromExtensions(holder.getExtensions());
        assertTrue(eku.hasKeyPurposeId(KeyPurposeId.id_kp_serverAuth));
        assertFalse(eku.hasKeyPurposeId(KeyPurposeId.id_kp_clientAuth));
        GeneralNames names = GeneralNames.fromExtensions(holder.getExtensions(), Extension.subjectAlternativeName);
        assertEquals(List.of("ops.example.ac.jp", "localhost"), List.of(names.getNames()).stream()
                .filter(n -> n.getTagNo() == GeneralName.dNSName).map(n -> n.getName().toString()).toList());

        Files.write(home.resolve("server.der"), issued.der());
        String text = OpenSsl.ok(home, "x509", "-inform", "DER", "-in", "server.der", "-noout", "-text");
        assertTrue(text.contains("TLS Web Server Authentication"), text);
        assertTrue(text.contains("DNS:ops.example.ac.jp, DNS:localhost"), text);
        assertTrue(text.contains("Digital Signature, Key Encipherment"), text);
    }

    @Test
    void operatorCertificateHasClientAuthAndTheUserNameAsCn() throws Exception {
        IssuedCertificate issued = ca.issueOperator(alice, TestKeys.CSR_A, "ops-taro");
        assertEquals(CertificateProfile.OPERATOR, issued.profile());
        assertTrue(issued.subjectDn().endsWith("CN=ops-taro"), issued.subjectDn());
        ExtendedKeyUsage eku = ExtendedKeyUsage.fromExtensions(new X509CertificateHolder(issued.der()).getExtensions());
        assertTrue(eku.hasKeyPurposeId(KeyPurposeId.id_kp_clientAuth));
        assertFalse(eku.hasKeyPurposeId(KeyPurposeId.id_kp_serverAuth));

        Files.write(home.resolve("operator.der"), issued.der());
        String text = OpenSsl.ok(home, "x509", "-inform", "DER", "-in", "operator.der", "-noout", "-text");
        assertTrue(text.contains("TLS Web Client Authentication"), text);
        assertFalse(text.contains("Subject Alternative Name"), text);
    }

    @Test
    void operatorCertificatesAreOnlyForEnabledAccountsAndOnlyCaOperatorsIssueThem() {
        CaException unknown = assertThrows(CaException.class, () -> ca.issueOperator(alice, TestKeys.CSR_A, "nobody"));
        assertTrue(unknown.getMessage().contains("No enabled operator account nobody"), unknown.getMessage());
        assertThrows(CaException.class, () -> ca.issueOperator(alice, TestKeys.CSR_A, "gone"));
        Session office = TestSessions.as("office", Role.OPERATIONS_OFFICE);
        assertThrows(AccessDeniedException.class, () -> ca.issueOperator(office, TestKeys.CSR_A, "ops-taro"));
        assertThrows(AccessDeniedException.class, () -> ca.issueServer(office, TestKeys.CSR_A, List.of("ops.example.ac.jp")));
        assertTrue(platform.audit().query(new AuditQuery(Optional.of("ca"), Optional.empty(), Optional.of("ca.issue.operator"),
                Optional.empty(), Optional.empty(), 10)).size() >= 3, "refusals are audited");
    }

    @Test
    void reissueSupersedesThePreviousCertificateOfTheSameProfileAndCnAndPostsItToTheFeed() {
        IssuedCertificate first = ca.issueOperator(alice, TestKeys.CSR_A, "ops-taro");
        IssuedCertificate second = ca.issueOperator(alice, TestKeys.CSR_B, "ops-taro");
        IssuedCertificate previous = ca.find(alice, first.serialHex()).orElseThrow();
        assertEquals(IssuedCertificate.Status.REVOKED, previous.status());
        assertEquals(Optional.of(RevocationReason.superseded), previous.revocationReason());
        assertEquals(Optional.of("superseded by " + second.serialHex()), previous.revocationReference());
        assertEquals(1, ca.latestCrl().orElseThrow().revokedCount(), "the superseded certificate is in a new CRL at once");
        List<Notification> items = feed.feed(5);
        assertTrue(items.stream().anyMatch(n -> n.source().equals("ca") && n.title().contains(first.serialHex())
                && n.title().contains("reason superseded") && n.title().endsWith("by ca-alice")), items.toString());
    }

    @Test
    void aServerCertificateMayShareItsFqdnWithAHostCertificateButCa04StillHoldsOtherwise() {
        ca.issue(alice, CertificateProfile.HOST, TestKeys.CSR_A, Optional.of("ops.example.ac.jp"));
        ca.issueServer(alice, TestKeys.CSR_B, List.of("ops.example.ac.jp"));
        CaException duplicate = assertThrows(CaException.class,
                () -> ca.issue(alice, CertificateProfile.HOST, TestKeys.CSR_B, Optional.of("ops.example.ac.jp")));
        assertTrue(duplicate.getMessage().contains("already used"), duplicate.getMessage());
        assertThrows(CaException.class, () -> ca.issueServer(alice, TestKeys.CSR_A, List.of("localhost")),
                "the CN of a server certificate is a FQDN");
        assertThrows(CaException.class, () -> ca.issueServer(alice, TestKeys.CSR_A, List.of()));
    }

    @Test
    void revocationPostsAFeedItemNamingSubjectSerialReasonAndOperator() {
        IssuedCertificate host = ca.issue(alice, CertificateProfile.HOST, TestKeys.CSR_A, Optional.of("gfarm09.example.ac.jp"));
        ca.revoke(alice, host.serialHex(), RevocationReason.keyCompromise, "ticket 42");
        Notification item = feed.feed(1).get(0);
        assertEquals("ca", item.source());
        assertEquals("Certificate revoked: " + host.subjectDn() + " (serial " + host.serialHex() + ", reason keyCompromise) by ca-alice",
                item.title());
        assertEquals("ticket 42", item.body());
    }
}
