// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import renkei.ca.core.CertificateProfile;
import renkei.ca.core.IssuedCertificate;
import renkei.ca.core.RevocationReason;
import renkei.ca.core.internal.remote.OperatorCertificateTrust;
import renkei.platform.Role;
import renkei.platform.Session;
import renkei.platform.standalone.StandalonePlatform;

/** Who may connect to the HTTPS endpoint: valid operator certificates of this CA, and revocation at once. */
class OperatorCertificateTrustTest {

    private static final String CRL_URL = "https://ca.example.ac.jp/repository/ca.crl";

    @TempDir
    Path home;

    private StandalonePlatform platform;
    private CaServiceComponent ca;
    private TestClock clock;
    private OperatorCertificateTrust trust;
    private final Session alice = TestSessions.as("ca-alice", Role.CA_OPERATOR);

    @BeforeEach
    void setUp() {
        platform = StandalonePlatform.inMemory();
        CaSettings settings = TestSessions.settings(home, "ca.crl.url", CRL_URL);
        ca = new CaServiceComponent(platform.database(), platform.audit(), IssuerSource.fixed(new CertificateIssuer(TestKeys.CA, CRL_URL)),
                TestKeys.CA::certificate, settings, java.time.Clock.systemUTC(),
                name -> Optional.of(new renkei.platform.Operator(name, name, Optional.empty(), Optional.empty(),
                        java.util.Set.of(Role.HELP_DESK), false, true)));
        clock = new TestClock(Instant.now());
        trust = new OperatorCertificateTrust(platform.database(), () -> Optional.of(TestKeys.CA.certificate()), clock);
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    private static X509Certificate x509(IssuedCertificate issued) {
        return Pem.certificate(issued.der());
    }

    @Test
    void aValidOperatorCertificateIsTrustedAndTheAnchorIsTheCa() {
        X509Certificate operator = x509(ca.issueOperator(alice, TestKeys.CSR_A, "ops-taro"));
        assertDoesNotThrow(() -> trust.checkClient(operator));
        assertEquals(List.of(TestKeys.CA.certificate()), trust.trustAnchors());
    }

    @Test
    void aRevocationLocksTheCertificateOutWithTheNextCheck() throws Exception {
        IssuedCertificate issued = ca.issueOperator(alice, TestKeys.CSR_A, "ops-taro");
        trust.checkClient(x509(issued));
        ca.revoke(alice, issued.serialHex(), RevocationReason.keyCompromise, "laptop lost");
        CertificateException refused = assertThrows(CertificateException.class, () -> trust.checkClient(x509(issued)));
        assertTrue(refused.getMessage().contains("revoked") && refused.getMessage().contains("keyCompromise"), refused.getMessage());
    }

    @Test
    void aCertificateTheStoreDoesNotKnowIsRefused() {
        // Signed by the CA key but never recorded: what a copy of the key, or a lost database row, would produce.
        PublicKey key = CertificationRequests.checkedPublicKey(CertificationRequests.parse(TestKeys.CSR_A));
        X509Certificate unrecorded = new CertificateIssuer(TestKeys.CA, CRL_URL).issue(new X500Name("C=JP,O=HPCI,CN=ops-taro"), key,
                Instant.now(), CertificateIssuer.operatorExtensions());
        CertificateException refused = assertThrows(CertificateException.class, () -> trust.checkClient(unrecorded));
        assertTrue(refused.getMessage().contains("unknown"), refused.getMessage());
    }

    @Test
    void aCertificateOfAnotherCaIsRefused() {
        CaKeyMaterial other = CaKeyMaterial.create(new X500Name("C=JP,O=Elsewhere,CN=Other CA"), Instant.now());
        PublicKey key = CertificationRequests.checkedPublicKey(CertificationRequests.parse(TestKeys.CSR_A));
        X509Certificate foreign = new CertificateIssuer(other, CRL_URL).issue(new X500Name("C=JP,O=HPCI,CN=ops-taro"), key,
                Instant.now(), CertificateIssuer.operatorExtensions());
        CertificateException refused = assertThrows(CertificateException.class, () -> trust.checkClient(foreign));
        assertTrue(refused.getMessage().contains("not issued by this CA"), refused.getMessage());
    }

    @Test
    void anExpiredCertificateIsRefused() {
        X509Certificate operator = x509(ca.issueOperator(alice, TestKeys.CSR_A, "ops-taro"));
        clock.advance(Duration.ofDays(400));
        CertificateException refused = assertThrows(CertificateException.class, () -> trust.checkClient(operator));
        assertTrue(refused.getMessage().contains("not valid now"), refused.getMessage());
    }

    @Test
    void certificatesOfOtherProfilesAreRefused() throws Exception {
        X509Certificate host = x509(ca.issue(alice, CertificateProfile.HOST, TestKeys.CSR_A, Optional.of("gfarm09.example.ac.jp")));
        assertTrue(assertThrows(CertificateException.class, () -> trust.checkClient(host)).getMessage()
                .contains("not for client authentication"));
        X509Certificate server = x509(ca.issueServer(alice, TestKeys.CSR_B, List.of("ops.example.ac.jp")));
        assertThrows(CertificateException.class, () -> trust.checkClient(server));

        // clientAuth, but recorded as a host certificate: the store's profile decides, not the extension alone.
        PublicKey key = CertificationRequests.checkedPublicKey(CertificationRequests.parse(TestKeys.CSR_B));
        X509Certificate odd = new CertificateIssuer(TestKeys.CA, CRL_URL).issue(new X500Name("C=JP,O=HPCI,CN=odd.example.ac.jp"), key,
                Instant.now(), CertificateIssuer.operatorExtensions());
        platform.database().inTransaction(c -> new CertificateStore().insert(c, CertificateProfile.HOST, "odd.example.ac.jp",
                Optional.empty(), Optional.empty(), odd, "test"));
        assertTrue(assertThrows(CertificateException.class, () -> trust.checkClient(odd)).getMessage()
                .contains("not an operator certificate"));
    }

    @Test
    void beforeTheCeremonyNothingIsTrusted() {
        OperatorCertificateTrust none = new OperatorCertificateTrust(platform.database(), Optional::empty, clock);
        assertEquals(List.of(), none.trustAnchors());
        X509Certificate operator = x509(ca.issueOperator(alice, TestKeys.CSR_A, "ops-taro"));
        assertThrows(CertificateException.class, () -> none.checkClient(operator));
    }
}
