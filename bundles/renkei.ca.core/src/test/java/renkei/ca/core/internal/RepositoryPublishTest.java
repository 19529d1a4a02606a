// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import renkei.ca.core.AccountMapping;
import renkei.ca.core.IssuedCertificate;
import renkei.ca.core.PublishReport;
import renkei.ca.core.SignedCrl;
import renkei.ca.core.SubjectRules;
import renkei.ca.core.internal.repository.CaRepositoryServiceComponent;
import renkei.ca.core.internal.repository.GridMapServiceComponent;
import renkei.platform.AccessDeniedException;
import renkei.platform.AuditQuery;
import renkei.platform.AuditRecord;
import renkei.platform.AuditResult;
import renkei.platform.Role;
import renkei.platform.Session;
import renkei.platform.standalone.StandalonePlatform;

class RepositoryPublishTest {

    private static final Session OPERATOR = CaTestCertificates.session("ca-alice", Role.CA_OPERATOR);
    private static final List<String> FILES = List.of("ca.pem", "ca.der", "ca.sha256", "ca.sha1", "ca.crl", "ca.crl.pem",
            "cps.txt", "grid-mapfile", "index.html");

    @TempDir
    Path work;

    private Path repository;
    private Path cps;
    private StandalonePlatform platform;
    private CertificateAuthority authority;
    private GridMapServiceComponent gridMaps;
    private CaRepositoryServiceComponent publisher;
    private SignedCrl crl;

    @BeforeEach
    void setUp() throws Exception {
        platform = StandalonePlatform.inMemory();
        repository = work.resolve("repository");
        cps = work.resolve("cps.txt");
        Files.writeString(cps, "HPCI CA Certificate Policy & CPS <v1.0>\n");
        authority = new CertificateAuthority(platform.database(), platform.audit(),
                IssuerSource.fixed(new CertificateIssuer(TestKeys.CA, "https://ca.example.ac.jp/repository/ca.crl")),
                new SubjectRules("/C=JP/O=HPCI/OU=Renkei", SubjectRules.DEFAULT_CLIENT_FORMAT), Clock.systemUTC());
        gridMaps = new GridMapServiceComponent(platform.database(), platform.audit(), repository, Clock.systemUTC());
        crl = authority.crl("system", "");
        publisher = new CaRepositoryServiceComponent(platform.database(), platform.audit(), repository, Optional.of(cps),
                TestKeys.CA::certificate, () -> Optional.of(crl), gridMaps::render, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    private void mapOneUser(String account) {
        gridMaps.importAccountRegister(OPERATOR, "account\ntaro\nyamada\n");
        IssuedCertificate issued = new CaTestCertificates(platform.database()).issue(new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "JP").addRDN(BCStyle.O, "国立情報学研究所").addRDN(BCStyle.CN, "Taro <Yamada> & Co").build(), Instant.now());
        gridMaps.put(OPERATOR, new AccountMapping(issued.subjectDn(), List.of(account), Optional.empty(), Optional.empty()));
    }

    @Test
    void publishWritesEveryFileAndOpenSslAgreesWithThem() throws Exception {
        mapOneUser("taro");
        PublishReport report = publisher.publish(OPERATOR);
        assertTrue(report.succeeded(), report.error().orElse(""));
        assertEquals(FILES, report.files().stream().map(PublishReport.PublishedFile::name).toList());
        for (PublishReport.PublishedFile file : report.files()) {
            byte[] content = Files.readAllBytes(repository.resolve(file.name()));
            assertEquals(file.size(), content.length, file.name());
            assertEquals(file.sha256(), HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content)));
        }
        try (Stream<Path> listing = Files.list(repository)) {
            assertEquals(new java.util.TreeSet<>(FILES), new java.util.TreeSet<>(listing.map(p -> p.getFileName().toString()).toList()),
                    "no staging directory or temporary file is left behind");
        }
        String subject = OpenSsl.ok(repository, "x509", "-in", "ca.pem", "-noout", "-subject");
        assertEquals(subject, OpenSsl.ok(repository, "x509", "-inform", "DER", "-in", "ca.der", "-noout", "-subject"));
        assertTrue(subject.contains("Renkei Test CA"), subject);
        assertEquals(OpenSsl.ok(repository, "x509", "-in", "ca.pem", "-noout", "-fingerprint", "-sha256"),
                Files.readString(repository.resolve("ca.sha256")));
        assertEquals(OpenSsl.ok(repository, "x509", "-in", "ca.der", "-inform", "DER", "-noout", "-fingerprint", "-sha1"),
                Files.readString(repository.resolve("ca.sha1")));
        String crlText = OpenSsl.ok(repository, "crl", "-inform", "DER", "-in", "ca.crl", "-noout", "-crlnumber", "-nextupdate");
        assertEquals(crlText, OpenSsl.ok(repository, "crl", "-in", "ca.crl.pem", "-noout", "-crlnumber", "-nextupdate"));
        OpenSsl.ok(repository, "crl", "-inform", "DER", "-in", "ca.crl", "-noout", "-CAfile", "ca.pem");
        assertArrayEquals(Files.readAllBytes(cps), Files.readAllBytes(repository.resolve("cps.txt")));
        assertTrue(Files.readString(repository.resolve("grid-mapfile")).contains("\" taro\n"));

        String index = Files.readString(repository.resolve("index.html"), StandardCharsets.UTF_8);
        for (PublishReport.PublishedFile file : report.files().subList(0, FILES.size() - 1)) {
            assertTrue(index.contains("<a href=\"" + file.name() + "\">" + file.name() + "</a></td><td>" + file.size()
                    + "</td><td><code>" + file.sha256() + "</code>"), file.name());
        }
        String sha256 = Files.readString(repository.resolve("ca.sha256")).strip();
        assertTrue(index.contains(sha256.substring(sha256.indexOf('=') + 1)));
        assertTrue(index.contains("<dt>CRL number</dt><dd>" + crl.number() + "</dd>"), index);
        assertTrue(index.contains("<dt>CRL nextUpdate</dt><dd>" + crl.nextUpdate().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + "</dd>"), index);
        assertTrue(index.contains("/C=JP/O=HPCI/CN=Renkei Test CA"), index);

        PublishReport last = publisher.lastPublish().orElseThrow();
        assertEquals(report.files(), last.files());
        assertEquals("ca-alice", last.by());
        AuditRecord audit = platform.audit().query(AuditQuery.latest(1).inCategory("ca")).get(0);
        assertEquals("ca.repository.publish", audit.action());
        assertEquals(AuditResult.SUCCESS, audit.result());
    }

    @Test
    void indexEscapesHtml() throws Exception {
        Files.writeString(cps, "x");
        Path odd = work.resolve("cps<&>\".txt");
        Files.writeString(odd, "x");
        CaRepositoryServiceComponent oddPublisher = new CaRepositoryServiceComponent(platform.database(), platform.audit(), repository,
                Optional.of(odd), TestKeys.CA::certificate, () -> Optional.of(authority.crl("system", "")), gridMaps::render,
                Clock.systemUTC());
        assertTrue(oddPublisher.publish(OPERATOR).succeeded());
        String index = Files.readString(repository.resolve("index.html"));
        assertTrue(index.contains("<a href=\"cps&lt;&amp;&gt;&quot;.txt\">"), index);
        assertFalse(index.contains("cps<&>"));
    }

    @Test
    void theGridMapfileBeforeAChangeIsKeptAsOld() throws Exception {
        mapOneUser("taro");
        assertTrue(publisher.publish(OPERATOR).succeeded());
        String first = Files.readString(repository.resolve("grid-mapfile"));
        assertFalse(Files.exists(repository.resolve("grid-mapfile.old")));
        mapOneUser("yamada");
        assertTrue(publisher.publish(OPERATOR).succeeded());
        assertEquals(first, Files.readString(repository.resolve("grid-mapfile.old")));
        assertTrue(Files.readString(repository.resolve("grid-mapfile")).contains("\" yamada\n"));
        assertTrue(publisher.publish(OPERATOR).succeeded());
        assertEquals(first, Files.readString(repository.resolve("grid-mapfile.old")),
                "republishing the same mappings keeps the rollback copy");
    }

    @Test
    void aFailedPublishLeavesThePreviousFilesAndSaysWhy() throws Exception {
        assertTrue(publisher.publish(OPERATOR).succeeded());
        Map<String, byte[]> before = snapshot();
        Files.delete(cps);
        mapOneUser("taro");
        PublishReport failed = publisher.publish(OPERATOR);
        assertFalse(failed.succeeded());
        assertTrue(failed.error().orElseThrow().contains("Cannot read the CP/CPS document " + cps), failed.error().orElseThrow());
        assertEquals(before.keySet(), snapshot().keySet());
        before.forEach((name, content) -> assertArrayEquals(content, snapshot().get(name), name));
        assertEquals(failed.error(), publisher.lastPublish().orElseThrow().error());
        AuditRecord audit = platform.audit().query(AuditQuery.latest(1).inCategory("ca")).get(0);
        assertEquals(AuditResult.FAILURE, audit.result());
        assertTrue(audit.detail().contains("CP/CPS"), audit.detail());

        Path notADirectory = work.resolve("file");
        Files.writeString(notADirectory, "x");
        PublishReport unwritable = new CaRepositoryServiceComponent(platform.database(), platform.audit(), notADirectory.resolve("repo"),
                Optional.empty(), TestKeys.CA::certificate, () -> Optional.of(authority.crl("system", "")), gridMaps::render,
                Clock.systemUTC()).publish(OPERATOR);
        assertTrue(unwritable.error().orElseThrow().contains("FileSystemException") || unwritable.error().orElseThrow()
                .contains("FileAlreadyExistsException"), unwritable.error().orElseThrow());

        PublishReport noCrl = new CaRepositoryServiceComponent(platform.database(), platform.audit(), repository, Optional.empty(),
                TestKeys.CA::certificate, Optional::empty, gridMaps::render, Clock.systemUTC()).publish(OPERATOR);
        assertTrue(noCrl.error().orElseThrow().contains("No CRL has been signed yet"), noCrl.error().orElseThrow());
        before.forEach((name, content) -> assertArrayEquals(content, snapshot().get(name), name));
    }

    @Test
    void onlyCaOperatorsPublishAndRefusalsAreAudited() {
        Session office = CaTestCertificates.session("office", Role.OPERATIONS_OFFICE);
        assertThrows(AccessDeniedException.class, () -> publisher.publish(office));
        AuditRecord audit = platform.audit().query(AuditQuery.latest(1).inCategory("ca")).get(0);
        assertEquals(AuditResult.DENIED, audit.result());
        assertEquals("ca.repository.publish", audit.action());
        assertFalse(Files.exists(repository));
        assertEquals(Optional.empty(), publisher.lastPublish());
    }

    private Map<String, byte[]> snapshot() {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> listing = Files.list(repository)) {
            for (Path file : listing.toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return files;
    }
}
