// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import renkei.ca.core.CaException;
import renkei.ca.core.IssuedCertificate;
import renkei.ca.core.LicensePolicy;
import renkei.ca.core.LicensePolicy.AttributeRule;
import renkei.ca.core.RevocationReason;
import renkei.ca.core.SubjectRules;
import renkei.platform.AuditQuery;
import renkei.platform.AuditRecord;
import renkei.platform.AuditResult;
import renkei.platform.standalone.StandalonePlatform;

class LicenseTest {

    private static final LicensePolicy POLICY = new LicensePolicy(3, 1, Duration.ofDays(7),
            List.of(AttributeRule.parse("eduPersonEntitlement=urn:mace:hpci.jp:cert-user")));

    private static final CaKeyMaterial ca = TestKeys.CA;
    private static final byte[] csrA = TestKeys.CSR_A;
    private static final byte[] csrB = TestKeys.CSR_B;

    private final TestClock clock = new TestClock(Instant.now());
    private StandalonePlatform platform;
    private CertificateAuthority authority;

    @BeforeEach
    void setUp() {
        platform = StandalonePlatform.inMemory();
        authority = new CertificateAuthority(platform.database(), platform.audit(), IssuerSource.fixed(new CertificateIssuer(ca, "https://x/crl")),
                new SubjectRules("C=JP,O=HPCI", SubjectRules.DEFAULT_CLIENT_FORMAT), clock);
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    private static Map<String, String> user(String hpciId) {
        Map<String, String> attributes = new HashMap<>(Map.of("givenName", "Hanako", "sn", "Suzuki", "hpciId", hpciId,
                "eduPersonPrincipalName", hpciId + "@example.ac.jp",
                "eduPersonEntitlement", "urn:mace:example:staff;urn:mace:hpci.jp:cert-user"));
        return attributes;
    }

    @Test
    void aLicenseIsRedeemedOnceForTheUsersClientCertificate() {
        String license = authority.issueLicense("portal", "", POLICY, user("hpci000200"));
        assertTrue(license.matches("L(-[0-9A-HJKMNP-TV-Z]{5}){4}"), license);
        IssuedCertificate issued = authority.redeemLicense("portal", "", license.toLowerCase(), csrA);
        assertEquals("Hanako Suzuki hpci000200", issued.commonName());
        assertEquals("hpci000200@example.ac.jp", issued.eppn().orElseThrow());
        CaException reused = assertThrows(CaException.class, () -> authority.redeemLicense("portal", "", license, csrB));
        assertTrue(reused.getMessage().contains("already used"), reused.getMessage());
        CaException holder = assertThrows(CaException.class, () -> authority.issueLicense("portal", "", POLICY, user("hpci000200")));
        assertTrue(holder.getMessage().contains("already") && holder.getMessage().contains("valid certificate"),
                "CA-04: no license while the user holds a valid certificate: " + holder.getMessage());
        AuditRecord redeemed = platform.audit().query(AuditQuery.latest(5).inCategory("ca").actionStartingWith("ca.license.redeem"))
                .stream().filter(r -> r.result() == AuditResult.SUCCESS).findFirst().orElseThrow();
        assertTrue(redeemed.target().contains(license.toLowerCase()) && redeemed.detail().contains(issued.serialHex()), redeemed.toString());
    }

    @Test
    void unknownAndExpiredLicensesAreRefused() {
        assertTrue(assertThrows(CaException.class, () -> authority.redeemLicense("portal", "", "L-00000-00000-00000-00000", csrA))
                .getMessage().contains("Unknown"));
        String license = authority.issueLicense("portal", "", POLICY, user("hpci000201"));
        clock.advance(Duration.ofDays(8));
        assertTrue(assertThrows(CaException.class, () -> authority.redeemLicense("portal", "", license, csrA))
                .getMessage().contains("expired"));
    }

    @Test
    void perUserLimitsHold() {
        String first = authority.issueLicense("portal", "", POLICY, user("hpci000202"));
        assertTrue(assertThrows(CaException.class, () -> authority.issueLicense("portal", "", POLICY, user("hpci000202")))
                .getMessage().contains("holds"), "only one unused license at a time");
        redeemAndRevoke(first, csrA);
        redeemAndRevoke(authority.issueLicense("portal", "", POLICY, user("hpci000202")), csrB);
        redeemAndRevoke(authority.issueLicense("portal", "", POLICY, user("hpci000202")), csrA);
        assertTrue(assertThrows(CaException.class, () -> authority.issueLicense("portal", "", POLICY, user("hpci000202")))
                .getMessage().contains("obtained 3"), "the total limit of 3");
        authority.issueLicense("portal", "", POLICY, user("hpci000203")); // limits are per user
    }

    private void redeemAndRevoke(String license, byte[] csr) {
        IssuedCertificate certificate = authority.redeemLicense("portal", "", license, csr);
        authority.revoke("office", "", certificate.serialHex(), RevocationReason.superseded, "");
    }

    @Test
    void attributeRulesDecideAuthorisation() {
        Map<String, String> outsider = user("hpci000204");
        outsider.put("eduPersonEntitlement", "urn:mace:example:staff");
        CaException refused = assertThrows(CaException.class, () -> authority.issueLicense("portal", "", POLICY, outsider));
        assertTrue(refused.getMessage().contains("Not authorised"), refused.getMessage());
        AuditRecord denied = platform.audit().query(AuditQuery.latest(1).inCategory("ca")).get(0);
        assertEquals(AuditResult.DENIED, denied.result(), "CA-14: the authorisation result is recorded as such");
        assertTrue(denied.target().contains("hpciId=hpci000204"), denied.target());
        Map<String, String> noName = user("hpci000205");
        noName.remove("sn");
        assertThrows(CaException.class, () -> authority.issueLicense("portal", "", POLICY, noName));
        assertEquals(AuditResult.FAILURE, platform.audit().query(AuditQuery.latest(1).inCategory("ca")).get(0).result());
    }
}
