// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import renkei.ca.core.CaException;
import renkei.ca.core.CertificateProfile;
import renkei.ca.core.CertificateQuery;
import renkei.ca.core.IssuedCertificate;
import renkei.ca.core.RevocationReason;
import renkei.ca.core.SubjectRules;
import renkei.platform.AuditQuery;
import renkei.platform.AuditRecord;
import renkei.platform.AuditResult;
import renkei.platform.AuditLog;
import renkei.platform.standalone.StandalonePlatform;

class CertificateAuthorityTest {

    private static final Map<String, String> TARO = Map.of("givenName", "Taro", "sn", "Yamada", "hpciId", "hpci000123",
            "eduPersonPrincipalName", "taro@example.ac.jp");

    private static final CaKeyMaterial ca = TestKeys.CA;
    private static final byte[] csrA = TestKeys.CSR_A;
    private static final byte[] csrB = TestKeys.CSR_B;

    private StandalonePlatform platform;
    private AuditLog audit;
    private CertificateAuthority authority;

    @BeforeEach
    void setUp() {
        platform = StandalonePlatform.inMemory();
        audit = platform.audit();
        authority = new CertificateAuthority(platform.database(), audit, IssuerSource.fixed(new CertificateIssuer(ca, "https://ca.example.ac.jp/crl.der")),
                new SubjectRules("/C=JP/O=HPCI/OU=Renkei", SubjectRules.DEFAULT_CLIENT_FORMAT), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    @Test
    void issuesAClientCertificateAndAuditsIt() {
        IssuedCertificate issued = authority.issueClient("ca-alice", "CA_OPERATOR", csrA, TARO);
        assertEquals("C=JP,O=HPCI,OU=Renkei,CN=Taro Yamada hpci000123", issued.subjectDn());
        IssuedCertificate stored = authority.find(issued.serialHex().toLowerCase()).orElseThrow();
        assertEquals(issued.subjectDn(), stored.subjectDn());
        assertEquals(java.util.Optional.of("hpci000123"), stored.hpciId());
        assertTrue(java.util.Arrays.equals(issued.der(), stored.der()), "the stored DER is the issued certificate");
        AuditRecord record = audit.query(AuditQuery.latest(1).inCategory("ca")).get(0);
        assertEquals(AuditResult.SUCCESS, record.result());
        assertEquals("ca.issue.client", record.action());
        assertTrue(record.target().contains("hpciId=hpci000123") && record.target().contains("eppn=taro@example.ac.jp"), record.target());
        assertTrue(record.detail().contains("serial=" + issued.serialHex()), record.detail());
    }

    @Test
    void oneValidClientCertificatePerHpciIdUntilRevoked() {
        IssuedCertificate first = authority.issueClient("ca-alice", "CA_OPERATOR", csrA, TARO);
        CaException second = assertThrows(CaException.class, () -> authority.issueClient("ca-alice", "CA_OPERATOR", csrB, TARO));
        assertTrue(second.getMessage().contains("already"), second.getMessage());
        assertEquals(AuditResult.FAILURE, audit.query(AuditQuery.latest(1).inCategory("ca")).get(0).result(), "refusals are audited");
        authority.revoke("ca-bob", "CA_OPERATOR", first.serialHex(), RevocationReason.superseded, "事務局依頼 #2026-042");
        IssuedCertificate replacement = authority.issueClient("ca-alice", "CA_OPERATOR", csrB, TARO);
        assertNotEquals(first.serialHex(), replacement.serialHex());
    }

    @Test
    void duplicateHostCnIsRefused() {
        authority.issueHost("ca-alice", "CA_OPERATOR", csrA, "host01.example.ac.jp");
        assertThrows(CaException.class, () -> authority.issueHost("ca-alice", "CA_OPERATOR", csrB, "HOST01.example.ac.jp."));
        authority.issueService("ca-alice", "CA_OPERATOR", csrB, "gridftp", "host01.example.ac.jp");
    }

    @Test
    void revocationReissuesTheCrlWithIncreasingNumbers() throws Exception {
        IssuedCertificate issued = authority.issueHost("ca-alice", "CA_OPERATOR", csrA, "host02.example.ac.jp");
        X509CRL empty = authority.crl("system", "").toX509();
        X509CRL afterRevoke = authority.revoke("ca-bob", "CA_OPERATOR", issued.serialHex(), RevocationReason.keyCompromise, "").toX509();
        assertTrue(crlNumber(afterRevoke) > crlNumber(empty));
        assertTrue(afterRevoke.isRevoked(certificate(issued)));
        assertEquals(IssuedCertificate.Status.REVOKED, authority.find(issued.serialHex()).orElseThrow().status());
        assertEquals(RevocationReason.keyCompromise, authority.find(issued.serialHex()).orElseThrow().revocationReason().orElseThrow());
        CaException twice = assertThrows(CaException.class,
                () -> authority.revoke("ca-bob", "CA_OPERATOR", issued.serialHex(), RevocationReason.keyCompromise, ""));
        assertTrue(twice.getMessage().contains("already revoked"), twice.getMessage());
    }

    @Test
    void unknownSerialsAndReasonsAreClearErrors() {
        assertThrows(CaException.class, () -> authority.revoke("ca-bob", "CA_OPERATOR", "0ABC", RevocationReason.unspecified, ""));
        assertThrows(CaException.class, () -> authority.revoke("ca-bob", "CA_OPERATOR", "xyz", RevocationReason.unspecified, ""));
        assertThrows(CaException.class, () -> RevocationReason.byName("lost"));
        assertEquals(RevocationReason.keyCompromise, RevocationReason.byName("KEYCOMPROMISE"));
        List<AuditRecord> failures = audit.query(AuditQuery.latest(10).inCategory("ca"));
        assertTrue(failures.stream().allMatch(r -> r.result() == AuditResult.FAILURE));
    }

    @Test
    void searchesByEveryOperatorKey() {
        IssuedCertificate client = authority.issueClient("ca-alice", "CA_OPERATOR", csrA, TARO);
        IssuedCertificate host = authority.issueHost("ca-alice", "CA_OPERATOR", csrB, "host03.example.ac.jp");
        authority.revoke("ca-bob", "CA_OPERATOR", host.serialHex(), RevocationReason.cessationOfOperation, "");
        CertificateQuery all = CertificateQuery.all(50);
        assertEquals(List.of(client.serialHex()), serials(all.withCommonName("taro yamada HPCI000123")));
        assertEquals(List.of(client.serialHex()), serials(all.withCommonName("Taro Y")), "part of a name finds it");
        assertEquals(List.of(), serials(all.withCommonName("_aro")), "LIKE wildcards in the name are literal");
        assertEquals(List.of(client.serialHex()), serials(all.withHpciId("hpci000123")));
        assertEquals(List.of(client.serialHex()), serials(all.withEppn("Taro@Example.ac.jp")));
        assertEquals(List.of(host.serialHex()), serials(all.withSerial("serial=" + host.serialHex().toLowerCase())));
        assertEquals(List.of(host.serialHex()), serials(all.withDnFragment("CN=host03")));
        assertEquals(List.of(), serials(all.withDnFragment("100%_")), "LIKE wildcards in the fragment are literal");
        assertEquals(List.of(host.serialHex()), serials(all.withStatus(IssuedCertificate.Status.REVOKED)));
        assertEquals(List.of(client.serialHex()), serials(all.withProfile(CertificateProfile.CLIENT)));
        assertEquals(List.of(client.serialHex()), serials(all.expiringBefore(Instant.now().plus(java.time.Duration.ofDays(400)))),
                "valid certificates expiring within the window; revoked ones need no reminder");
        assertEquals(List.of(), serials(all.expiringBefore(Instant.now().plus(java.time.Duration.ofDays(30)))));
    }

    private List<String> serials(CertificateQuery query) {
        return authority.search(query).stream().map(IssuedCertificate::serialHex).toList();
    }

    private static long crlNumber(X509CRL crl) throws Exception {
        byte[] value = crl.getExtensionValue(Extension.cRLNumber.getId());
        return ASN1Integer.getInstance(ASN1OctetString.getInstance(value).getOctets()).getValue().longValueExact();
    }

    private static java.security.cert.X509Certificate certificate(IssuedCertificate issued) throws Exception {
        return (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(issued.der()));
    }
}
