// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
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
import renkei.ca.core.IssuedCertificate;
import renkei.ca.core.LicenseInfo;
import renkei.ca.core.RevocationReason;
import renkei.ca.core.SignedCrl;
import renkei.platform.Role;
import renkei.platform.Session;
import renkei.platform.standalone.StandalonePlatform;

/**
 * The CA schema and its SQL on PostgreSQL, the database centers share when they outgrow one
 * machine: every migration applies and the locking, LIKE escapes, BYTEA CRLs and license states
 * behave as on H2. Runs against the server {@code releng/test} starts; required there.
 */
class CaOnPostgresTest {

    @TempDir
    Path home;

    private StandalonePlatform platform;
    private CaServiceComponent ca;
    private final Session alice = TestSessions.as("ca-alice", Role.CA_OPERATOR);

    @BeforeEach
    void setUp() throws Exception {
        platform = StandalonePlatform.open(TestPostgres.freshSchemaUrl(), TestPostgres.user(), "");
        CaSettings settings = TestSessions.settings(home);
        ca = new CaServiceComponent(platform.database(), platform.audit(),
                IssuerSource.fixed(new CertificateIssuer(TestKeys.CA, settings.crlDistributionPoint())), TestKeys.CA::certificate,
                settings, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void issuanceLicensesRevocationAndCrlsWorkOnPostgres() {
        Map<String, String> taro = Map.of("givenName", "Taro", "sn", "Yamada", "hpciId", "hpci000123",
                "eduPersonPrincipalName", "taro@example.ac.jp");
        String license = ca.issueLicense(alice, taro);
        IssuedCertificate client = ca.redeemLicense(alice, license, TestKeys.CSR_A);
        CaException reused = assertThrows(CaException.class, () -> ca.redeemLicense(alice, license, TestKeys.CSR_B));
        assertTrue(reused.getMessage().contains("already used"), reused.getMessage());
        IssuedCertificate host = ca.issue(alice, CertificateProfile.HOST, TestKeys.CSR_B, Optional.of("pg01.example.ac.jp"));

        assertEquals(List.of(host.serialHex()), ca.search(alice, CertificateQuery.all(10).withDnFragment("CN=pg01")).stream()
                .map(IssuedCertificate::serialHex).toList());
        assertEquals(List.of(), ca.search(alice, CertificateQuery.all(10).withDnFragment("_%")), "LIKE wildcards are literal");

        SignedCrl crl = ca.revoke(alice, client.serialHex(), RevocationReason.affiliationChanged, "事務局 #9");
        assertEquals(1, crl.revokedCount());
        assertArrayEquals(crl.der(), ca.latestCrl().orElseThrow().der(), "BYTEA keeps the signed CRL");
        assertTrue(crl.toX509().isRevoked(Pem.certificate(client.der())));
        assertEquals(LicenseInfo.State.REDEEMED, ca.licenses(alice, Optional.of("hpci000123"), 5).get(0).state());
        assertTrue(platform.audit().verify("ca").intact(), "the CA audit chain holds on PostgreSQL");

        var gridMaps = new renkei.ca.core.internal.repository.GridMapServiceComponent(platform.database(), platform.audit(), home,
                Clock.systemUTC());
        gridMaps.importAccountRegister(alice, "account,hpci_id,project,resource_site\ngrid01,,,\ntaro,hpci000123,hp150001,R-CCS\n");
        gridMaps.put(alice, new renkei.ca.core.AccountMapping(host.subjectDn(), List.of("grid01"), Optional.empty(), Optional.empty()));
        gridMaps.put(alice, new renkei.ca.core.AccountMapping(client.subjectDn(), List.of("taro"), client.eppn(), client.hpciId()));
        List<String> entries = gridMaps.render().lines().filter(line -> !line.startsWith("#")).toList();
        assertEquals(List.of("\"/C=JP/O=HPCI/OU=Renkei/CN=pg01.example.ac.jp\" grid01"), entries,
                "the revoked client's mapping stays out of the grid-mapfile");
    }

    @Test
    void keyCeremonyAndDualControlActivationWorkOnPostgres() throws Exception {
        KeyFixture keys = new KeyFixture(home, new java.util.Properties(), platform).withOperators();
        renkei.ca.core.internal.key.CaKeyManager manager = keys.manager(Clock.systemUTC());
        Session a = keys.login("ca-alice");
        Session b = keys.login("ca-bob");
        manager.createCa(a, b, List.of("witness"));
        manager.activate(a, b, java.time.Duration.ofHours(1));
        CertificateAuthority authority = keys.authority(manager, Clock.systemUTC());
        authority.issueHost("ca-alice", "CA_OPERATOR", TestKeys.CSR_A, "pgkey01.example.ac.jp");
        assertEquals(List.of("ca-alice", "ca-bob"), manager.status().activatedBy());
        manager.deactivate(b, "end of test");
        CaException refused = assertThrows(CaException.class,
                () -> authority.issueHost("ca-alice", "CA_OPERATOR", TestKeys.CSR_B, "pgkey02.example.ac.jp"));
        assertTrue(refused.getMessage().startsWith("The CA key is not activated"), refused.getMessage());
        assertEquals(1, keys.certificateCount());
        assertTrue(platform.audit().verify("hsm").intact(), "the HSM audit chain holds on PostgreSQL");
    }
}
