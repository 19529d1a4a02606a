// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import renkei.platform.AuditCategory;
import renkei.platform.AuditEntry;
import renkei.platform.AuditQuery;
import renkei.platform.AuditRecord;
import renkei.platform.AuditResult;
import renkei.platform.AuditVerification;
import renkei.platform.testsupport.TestDatabases;

class JdbcAuditLogTest {

    private JdbcDatabase database;
    private JdbcAuditLog audit;

    @BeforeEach
    void setUp() {
        database = TestDatabases.h2Migrated();
        audit = new JdbcAuditLog(database, Clock.systemUTC(), JdbcAuditLog.retentionFrom(key -> null));
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void chainsRecordsAndVerifiesIntact() {
        AuditRecord first = audit.append(AuditEntry.of("yamada", "CA_OPERATOR", "ca.revoke", "serial 0A1B", AuditResult.SUCCESS,
                "理由: 鍵の危殆化 (keyCompromise)"));
        AuditRecord second = audit.append(AuditEntry.of("suzuki", "HELP_DESK", "ticket.close", "#42", AuditResult.SUCCESS, ""));
        assertEquals(JdbcAuditLog.GENESIS, first.prevHash());
        assertEquals(first.hash(), second.prevHash());
        assertEquals(2, second.seq());
        AuditVerification verification = audit.verify("general");
        assertTrue(verification.intact(), verification.toString());
        assertEquals(2, verification.checked());
        assertEquals("理由: 鍵の危殆化 (keyCompromise)", audit.query(AuditQuery.latest(10).byActor("yamada")).get(0).detail());
    }

    @Test
    void tamperingWithOneRecordIsNamed() {
        for (int i = 1; i <= 5; i++) {
            audit.append(AuditEntry.of("op" + i, "OPERATIONS_OFFICE", "action." + i, "t" + i, AuditResult.SUCCESS, "d" + i));
        }
        execute("UPDATE renkei_audit SET result = 'FAILURE' WHERE category = 'general' AND seq = 3");
        AuditVerification verification = audit.verify("general");
        assertFalse(verification.intact());
        assertEquals(3, verification.firstBrokenSeq().getAsLong());
        assertTrue(verification.problem().contains("altered"), verification.problem());
    }

    @Test
    void deletingARecordIsDetected() {
        for (int i = 1; i <= 4; i++) {
            audit.append(AuditEntry.of("op", "", "a" + i, "", AuditResult.SUCCESS, ""));
        }
        execute("DELETE FROM renkei_audit WHERE seq = 2");
        AuditVerification verification = audit.verify("general");
        assertEquals(2, verification.firstBrokenSeq().getAsLong());
        assertTrue(verification.problem().contains("missing"), verification.problem());
    }

    @Test
    void deletingTheNewestRecordIsDetected() {
        for (int i = 1; i <= 3; i++) {
            audit.append(AuditEntry.of("op", "", "a" + i, "", AuditResult.SUCCESS, ""));
        }
        execute("DELETE FROM renkei_audit WHERE seq = 3");
        assertEquals(3, audit.verify("general").firstBrokenSeq().getAsLong());
    }

    @Test
    void rewritingARecordWithAFreshHashBreaksTheNextLink() {
        audit.append(AuditEntry.of("op", "", "a1", "", AuditResult.SUCCESS, ""));
        AuditRecord second = audit.append(AuditEntry.of("op", "", "a2", "", AuditResult.SUCCESS, ""));
        audit.append(AuditEntry.of("op", "", "a3", "", AuditResult.SUCCESS, ""));
        String forged = JdbcAuditLog.hash(second.prevHash(), "general", 2, "someone-else", "", second.occurredAt(), "a2", "",
                AuditResult.SUCCESS, "");
        execute("UPDATE renkei_audit SET actor = 'someone-else', hash = '" + forged + "' WHERE seq = 2");
        AuditVerification verification = audit.verify("general");
        assertEquals(3, verification.firstBrokenSeq().getAsLong(), "the forger cannot fix the following link");
    }

    @Test
    void categoriesHaveIndependentChains() {
        audit.append(new AuditEntry(AuditCategory.CA.id(), "ca-op", "CA_OPERATOR", "ca.issue", "serial 01", AuditResult.SUCCESS, ""));
        audit.append(AuditEntry.of("op", "", "login", "", AuditResult.SUCCESS, ""));
        List<AuditVerification> all = audit.verifyAll();
        assertEquals(2, all.size());
        assertTrue(all.stream().allMatch(AuditVerification::intact));
        assertEquals(1, audit.query(AuditQuery.latest(10).inCategory("ca")).size());
    }

    @Test
    void purgeKeepsTheChainVerifiable() {
        Instant old = Instant.parse("2020-01-01T00:00:00Z");
        JdbcAuditLog past = new JdbcAuditLog(database, Clock.fixed(old, ZoneOffset.UTC), Map.of("general", Period.ofYears(3)));
        past.append(AuditEntry.of("op", "", "old1", "", AuditResult.SUCCESS, ""));
        past.append(AuditEntry.of("op", "", "old2", "", AuditResult.SUCCESS, ""));
        audit.append(AuditEntry.of("op", "", "recent", "", AuditResult.SUCCESS, ""));
        JdbcAuditLog retaining = new JdbcAuditLog(database, Clock.systemUTC(), Map.of("general", Period.ofYears(3)));
        assertEquals(2, retaining.purgeExpired(Instant.now()));
        List<AuditRecord> left = audit.query(AuditQuery.latest(10));
        assertEquals(1, left.size());
        assertEquals("recent", left.get(0).action());
        assertTrue(audit.verify("general").intact(), "purging a prefix must not break verification");
        audit.append(AuditEntry.of("op", "", "after", "", AuditResult.SUCCESS, ""));
        assertTrue(audit.verify("general").intact());
    }

    @Test
    void caRecordsOutliveGeneralRecords() {
        Instant fourYearsAgo = Instant.now().atOffset(ZoneOffset.UTC).minusYears(4).toInstant();
        JdbcAuditLog past = new JdbcAuditLog(database, Clock.fixed(fourYearsAgo, ZoneOffset.UTC), Map.of());
        past.append(AuditEntry.of("op", "", "general-old", "", AuditResult.SUCCESS, ""));
        past.append(new AuditEntry("ca", "op", "", "ca-old", "", AuditResult.SUCCESS, ""));
        assertEquals(1, audit.purgeExpired(Instant.now()), "only the 3-year category expires after 4 years");
        assertEquals("ca-old", audit.query(AuditQuery.latest(10)).get(0).action());
    }

    @Test
    void twoInstancesOnOneDatabaseShareOneChain() throws Exception {
        JdbcAuditLog other = new JdbcAuditLog(database, Clock.systemUTC(), Map.of());
        Thread a = new Thread(() -> { for (int i = 0; i < 50; i++) audit.append(AuditEntry.of("a", "", "x", "", AuditResult.SUCCESS, "")); });
        Thread b = new Thread(() -> { for (int i = 0; i < 50; i++) other.append(AuditEntry.of("b", "", "y", "", AuditResult.SUCCESS, "")); });
        a.start();
        b.start();
        a.join();
        b.join();
        AuditVerification verification = audit.verify("general");
        assertTrue(verification.intact(), verification.toString());
        assertEquals(100, verification.checked());
    }

    private void execute(String sql) {
        database.withConnection(c -> c.createStatement().executeUpdate(sql));
    }
}
