// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import renkei.ca.core.AccountMapping;
import renkei.ca.core.CaException;
import renkei.ca.core.GridMapImport;
import renkei.ca.core.IssuedCertificate;
import renkei.ca.core.internal.repository.GlobusNames;
import renkei.ca.core.internal.repository.GridMapServiceComponent;
import renkei.platform.AccessDeniedException;
import renkei.platform.AuditQuery;
import renkei.platform.AuditRecord;
import renkei.platform.AuditResult;
import renkei.platform.Role;
import renkei.platform.Session;
import renkei.platform.standalone.StandalonePlatform;

class GridMapServiceTest {

    private static final Session OPERATOR = CaTestCertificates.session("ca-alice", Role.CA_OPERATOR);
    private static final Session HELP_DESK = CaTestCertificates.session("hd-carol", Role.HELP_DESK);
    private static final String REGISTER = "account,hpci_id,project,resource_site\n"
            + "taro,hpci000123,hp150001,R-CCS\nyamada,hpci000123,hp150001,\"Kyushu, ITC\"\nhanako,hpci000456,hp150002,Tokyo\n"
            + "grid01,,,\n";

    @TempDir
    Path dir;

    private StandalonePlatform platform;
    private CaTestCertificates certificates;
    private GridMapServiceComponent gridMaps;

    @BeforeEach
    void setUp() {
        platform = StandalonePlatform.inMemory();
        certificates = new CaTestCertificates(platform.database());
        gridMaps = new GridMapServiceComponent(platform.database(), platform.audit(), dir, Clock.systemUTC());
        assertEquals(4, gridMaps.importAccountRegister(OPERATOR, REGISTER));
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    private static X500Name name(String o, String ou, String cn) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "JP").addRDN(BCStyle.O, o).addRDN(BCStyle.OU, ou)
                .addRDN(BCStyle.CN, cn).build();
    }

    @Test
    void trickyDnsAreWrittenSoGlobusParsesThemToTheNameOpenSslPrints() throws Exception {
        List<X500Name> subjects = List.of(name("国立情報学研究所", "Grid \"Ops\", 計算科学", "Taro Yamada hpci000123"),
                name("HPCI", "a/b+c \\ d", "trailing backslash \\"), name("HPCI", "Renkei", "gridftp/host01.example.ac.jp"));
        for (X500Name subject : subjects) {
            IssuedCertificate issued = certificates.issue(subject, Instant.now());
            String dn = GlobusNames.slashForm(subject);
            gridMaps.put(OPERATOR, new AccountMapping(dn, List.of("taro", "yamada"), Optional.empty(), Optional.empty()));
            String line = gridMaps.render().lines().filter(l -> !l.startsWith("#"))
                    .filter(l -> l.contains(GlobusNames.quoted(dn))).findFirst().orElseThrow();
            assertTrue(line.chars().allMatch(c -> c >= 0x20 && c <= 0x7E), "grid-mapfile lines are ASCII: " + line);
            assertTrue(line.endsWith("\" taro,yamada"), line);
            String openssl = OpenSsl.ok(dir, "x509", "-in", CaTestCertificates.pem(dir, issued).toString(), "-noout", "-subject",
                    "-nameopt", "compat").strip();
            assertEquals(openssl, "subject=" + globusParsedDn(line), "Globus must see the name OpenSSL's X509_NAME_oneline gives");
        }
    }

    /**
     * An independent transcription of globus_i_gss_assist_gridmap_parse_line and
     * parse_globusid (GT 6 gridmap.c) for the DN part of one line.
     */
    private static String globusParsedDn(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        assertEquals('"', b[0]);
        int end = 1;
        do {
            if (b[end - 1] == '\\') {
                end++;
            }
            while (b[end] != '"') {
                end++;
            }
        } while (b[end - 1] == '\\');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean escaped = false;
        for (int i = 1; i < end; i++) {
            int c = b[i] & 0xFF;
            if (c == '\\' && !escaped) {
                escaped = true;
                continue;
            }
            if (c == 'x' && escaped && Character.digit(b[i + 1], 16) >= 0 && Character.digit(b[i + 2], 16) >= 0) {
                c = Character.digit(b[i + 1], 16) * 16 + Character.digit(b[i + 2], 16);
                i += 2;
            }
            if (c < ' ' || c > '~') {
                out.writeBytes(String.format("\\x%02X", c).getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(c);
            }
            escaped = false;
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void renderHasOnlyValidCertificatesSortedByDnAndCountsTheRest() {
        IssuedCertificate valid = certificates.issue(name("HPCI", "Renkei", "Zed hpci000456"), Instant.now());
        IssuedCertificate early = certificates.issue(name("HPCI", "Renkei", "Abe hpci000123"), Instant.now());
        IssuedCertificate revoked = certificates.issue(name("HPCI", "Renkei", "Revoked User"), Instant.now());
        certificates.revoke(revoked);
        IssuedCertificate expired = certificates.issue(name("HPCI", "Renkei", "Expired User"), Instant.now().minus(Duration.ofDays(500)));
        for (IssuedCertificate c : List.of(valid, early, revoked, expired)) {
            gridMaps.put(OPERATOR, new AccountMapping(c.subjectDn(), List.of("hanako"), Optional.empty(), Optional.empty()));
        }
        gridMaps.put(OPERATOR, new AccountMapping("/C=JP/O=HPCI/CN=No Certificate", List.of("grid01"), Optional.empty(), Optional.empty()));
        String text = gridMaps.render();
        List<String> lines = text.lines().toList();
        assertTrue(lines.get(0).startsWith("# grid-mapfile (Globus format) generated by Renkei Console at "), lines.get(0));
        assertEquals("# entries: 2; mappings left out without a valid certificate: 3", lines.get(1));
        assertEquals(List.of("\"/C=JP/O=HPCI/OU=Renkei/CN=Abe hpci000123\" hanako", "\"/C=JP/O=HPCI/OU=Renkei/CN=Zed hpci000456\" hanako"),
                lines.subList(2, lines.size()));
        assertFalse(text.contains("Revoked") || text.contains("Expired") || text.contains("No Certificate"));
    }

    @Test
    void renderedFileImportsBackToTheSameMappings() {
        for (String cn : List.of("Taro \"T\" Yamada", "back\\slash", "漢字 かな", "a/b+c,d")) {
            IssuedCertificate issued = certificates.issue(name("国立情報学研究所", "OU, with comma", cn), Instant.now());
            gridMaps.put(OPERATOR, new AccountMapping(issued.subjectDn(), List.of("taro", "yamada", "grid01"), Optional.empty(),
                    Optional.of("hpci000123")));
        }
        List<AccountMapping> before = gridMaps.mappings(Optional.empty());
        String rendered = gridMaps.render();
        for (AccountMapping mapping : before) {
            gridMaps.remove(OPERATOR, mapping.subjectDn());
        }
        GridMapImport imported = gridMaps.importGridMapfile(OPERATOR, rendered, true);
        assertEquals(List.of(), imported.conflicts());
        assertEquals(4, imported.added());
        assertEquals(before.stream().map(m -> m.subjectDn() + " " + m.accounts()).toList(),
                gridMaps.mappings(Optional.empty()).stream().map(m -> m.subjectDn() + " " + m.accounts()).toList());
        assertEquals(rendered.lines().skip(1).toList(), gridMaps.render().lines().skip(1).toList(), "the same file again");
        GridMapImport again = gridMaps.importGridMapfile(OPERATOR, rendered, false);
        assertEquals(4, again.unchanged());
    }

    @Test
    void importReportsConflictsWithLineNumbersAndADryRunStoresNothing() {
        String file = "# site grid-mapfile\n"
                + "\n"
                + "   \"/C=JP/O=HPCI/CN=Taro Yamada hpci000123\" taro,yamada\n"
                + "\"/C=JP/O=HPCI/CN=Hanako\" hanako\n"
                + "\"/C=JP/O=HPCI/CN=Taro Yamada hpci000123\" taro\n"
                + "\"/C=JP/O=HPCI/CN=Unknown\" nobody,taro\n"
                + "\"/C=JP/O=HPCI/CN=Broken taro\n"
                + "/C=JP/O=HPCI/CN=Unquoted grid01\n"
                + "\"/C=JP/O=\\xE6\\x97\\xA5\\xE6\\x9C\\xAC/CN=Escaped\" hanako\n"
                + "\"/C=JP/O=HPCI/CN=Spaced\" taro, yamada\n";
        GridMapImport dry = gridMaps.importGridMapfile(CaTestCertificates.session("office", Role.OPERATIONS_OFFICE), file, false);
        assertEquals(List.of(
                "line 5: DN /C=JP/O=HPCI/CN=Taro Yamada hpci000123 is already mapped on line 3; neither line is taken",
                "line 6: account nobody is not in the account register",
                "line 7: the closing quote of the DN is missing",
                "line 10: blank inside the account list 'taro, yamada' (accounts are separated by commas only;"
                        + " Globus would ignore what follows the blank)"),
                dry.conflicts());
        assertEquals(6, dry.entries());
        assertEquals(3, dry.added(), "Hanako, Unquoted and the escaped Japanese O");
        assertFalse(dry.applied());
        assertEquals(List.of(), gridMaps.mappings(Optional.empty()), "a dry run stores nothing");

        GridMapImport applied = gridMaps.importGridMapfile(OPERATOR, file, true);
        assertTrue(applied.applied());
        assertEquals(List.of("/C=JP/O=HPCI/CN=Hanako", "/C=JP/O=HPCI/CN=Unquoted", "/C=JP/O=日本/CN=Escaped"),
                gridMaps.mappings(Optional.empty()).stream().map(AccountMapping::subjectDn).toList());
        AuditRecord record = platform.audit().query(AuditQuery.latest(1).inCategory("ca")).get(0);
        assertEquals("ca.gridmap.import", record.action());
        assertEquals(AuditResult.SUCCESS, record.result());
        assertTrue(record.detail().contains("added=3") && record.detail().contains("conflicts=4"), record.detail());
    }

    @Test
    void changesNeedACaOperatorAndRefusalsAreAudited() {
        AccountMapping mapping = new AccountMapping("/C=JP/O=HPCI/CN=X", List.of("taro"), Optional.empty(), Optional.empty());
        assertThrows(AccessDeniedException.class, () -> gridMaps.put(HELP_DESK, mapping));
        AuditRecord denied = platform.audit().query(AuditQuery.latest(1).inCategory("ca")).get(0);
        assertEquals(AuditResult.DENIED, denied.result());
        assertEquals("ca.mapping.put", denied.action());
        assertEquals("hd-carol", denied.actor());
        assertThrows(AccessDeniedException.class, () -> gridMaps.importGridMapfile(HELP_DESK, "", false));
        assertThrows(AccessDeniedException.class, () -> gridMaps.importAccountRegister(HELP_DESK, REGISTER));
        assertEquals(List.of(), gridMaps.mappings(Optional.empty()));
    }

    @Test
    void unknownAccountsAndBadRegistersAreRefusedWithTheReason() {
        CaException unknown = assertThrows(CaException.class, () -> gridMaps.put(OPERATOR,
                new AccountMapping("/C=JP/O=HPCI/CN=X", List.of("taro", "mallory"), Optional.empty(), Optional.empty())));
        assertTrue(unknown.getMessage().contains("mallory is not in the account register"), unknown.getMessage());
        assertEquals(AuditResult.FAILURE, platform.audit().query(AuditQuery.latest(1).inCategory("ca")).get(0).result());

        CaException duplicate = assertThrows(CaException.class,
                () -> gridMaps.importAccountRegister(OPERATOR, "account,project\nnew1,p\nnew1,q\n"));
        assertEquals("Account register line 3: account new1 is already on line 2", duplicate.getMessage());
        assertThrows(CaException.class, () -> gridMaps.importAccountRegister(OPERATOR, "user,project\nx,p\n"));
        assertThrows(CaException.class, () -> gridMaps.importAccountRegister(OPERATOR, "account\nbad name\n"));
        gridMaps.put(OPERATOR, new AccountMapping("C=JP,O=HPCI,CN=RFC form", List.of("taro"), Optional.empty(), Optional.empty()));
        assertEquals("/C=JP/O=HPCI/CN=RFC form", gridMaps.mappings(Optional.of("rfc")).get(0).subjectDn(),
                "a refused register leaves the old one (taro still known); RFC 4514 DNs are stored in slash form");
    }

    @Test
    void diffShowsWhatPublishingWouldChange() throws Exception {
        IssuedCertificate a = certificates.issue(name("HPCI", "Renkei", "A"), Instant.now());
        IssuedCertificate b = certificates.issue(name("HPCI", "Renkei", "B"), Instant.now());
        gridMaps.put(OPERATOR, new AccountMapping(a.subjectDn(), List.of("taro"), Optional.empty(), Optional.empty()));
        gridMaps.put(OPERATOR, new AccountMapping(b.subjectDn(), List.of("hanako"), Optional.empty(), Optional.empty()));
        Files.writeString(dir.resolve("grid-mapfile"), gridMaps.render());
        assertEquals(List.of(), gridMaps.diffAgainstPublished(), "only the header differs");
        gridMaps.put(OPERATOR, new AccountMapping(a.subjectDn(), List.of("taro", "yamada"), Optional.empty(), Optional.empty()));
        gridMaps.remove(OPERATOR, b.subjectDn());
        assertEquals(List.of("--- grid-mapfile (published)", "+++ grid-mapfile (rendered now)",
                "-\"/C=JP/O=HPCI/OU=Renkei/CN=A\" taro", "+\"/C=JP/O=HPCI/OU=Renkei/CN=A\" taro,yamada",
                "-\"/C=JP/O=HPCI/OU=Renkei/CN=B\" hanako"), gridMaps.diffAgainstPublished());
    }
}
