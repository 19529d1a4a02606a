// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import renkei.platform.AuditCategory;
import renkei.platform.AuditEntry;
import renkei.platform.AuditLog;
import renkei.platform.AuditQuery;
import renkei.platform.AuditRecord;
import renkei.platform.AuditResult;
import renkei.platform.AuditVerification;
import renkei.platform.Database;

/** {@link AuditLog} stored in the shared database; see V1__audit.sql for the layout. */
public class JdbcAuditLog implements AuditLog {

    static final String GENESIS = "0".repeat(64);

    private final Database database;
    private final Clock clock;
    private final Map<String, Period> retention;
    /** Head rows are never deleted, so once seen a category needs no further check. */
    private final java.util.Set<String> knownHeads = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * @param retention retention period per category id; categories without one are kept forever
     */
    public JdbcAuditLog(Database database, Clock clock, Map<String, Period> retention) {
        this.database = database;
        this.clock = clock;
        this.retention = Map.copyOf(retention);
    }

    @Override
    public AuditRecord append(AuditEntry entry) {
        ensureHead(entry.category());
        // Database timestamps keep microseconds; hashing the truncated instant keeps verify stable.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return database.inTransaction(connection -> {
            long lastSeq;
            String lastHash;
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT last_seq, last_hash FROM renkei_audit_head WHERE category = ? FOR UPDATE")) {
                lock.setString(1, entry.category());
                try (ResultSet row = lock.executeQuery()) {
                    row.next();
                    lastSeq = row.getLong(1);
                    lastHash = row.getString(2);
                }
            }
            long seq = lastSeq + 1;
            String hash = hash(lastHash, entry.category(), seq, entry.actor(), entry.actorRole(), now, entry.action(),
                    entry.target(), entry.result(), entry.detail());
            long id;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO renkei_audit (category, seq, actor, actor_role, occurred_at, action, target, result, detail, prev_hash, hash) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] { "id" })) {
                insert.setString(1, entry.category());
                insert.setLong(2, seq);
                insert.setString(3, entry.actor());
                insert.setString(4, entry.actorRole());
                insert.setObject(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                insert.setString(6, entry.action());
                insert.setString(7, entry.target());
                insert.setString(8, entry.result().name());
                insert.setString(9, entry.detail());
                insert.setString(10, lastHash);
                insert.setString(11, hash);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement head = connection.prepareStatement(
                    "UPDATE renkei_audit_head SET last_seq = ?, last_hash = ? WHERE category = ?")) {
                head.setLong(1, seq);
                head.setString(2, hash);
                head.setString(3, entry.category());
                head.executeUpdate();
            }
            return new AuditRecord(id, entry.category(), seq, entry.actor(), entry.actorRole(), now, entry.action(),
                    entry.target(), entry.result(), entry.detail(), lastHash, hash);
        });
    }

    private void ensureHead(String category) {
        if (knownHeads.contains(category)) {
            return;
        }
        database.withConnection(connection -> {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM renkei_audit_head WHERE category = ?")) {
                exists.setString(1, category);
                try (ResultSet row = exists.executeQuery()) {
                    if (row.next()) {
                        return null;
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO renkei_audit_head (category, last_seq, last_hash, anchor_seq, anchor_hash) VALUES (?, 0, ?, 0, ?)")) {
                insert.setString(1, category);
                insert.setString(2, GENESIS);
                insert.setString(3, GENESIS);
                insert.executeUpdate();
            } catch (SQLException e) {
                // Another instance created the head between our check and insert: that is fine.
                if (!SqlStates.isUniqueViolation(e)) {
                    throw e;
                }
            }
            return null;
        });
        knownHeads.add(category);
    }

    @Override
    public AuditVerification verify(String category) {
        return database.withConnection(connection -> {
            long anchorSeq = 0;
            String expectedPrev = GENESIS;
            long headSeq = 0;
            try (PreparedStatement head = connection.prepareStatement(
                    "SELECT anchor_seq, anchor_hash, last_seq FROM renkei_audit_head WHERE category = ?")) {
                head.setString(1, category);
                try (ResultSet row = head.executeQuery()) {
                    if (row.next()) {
                        anchorSeq = row.getLong(1);
                        expectedPrev = row.getString(2);
                        headSeq = row.getLong(3);
                    }
                }
            }
            long expectedSeq = anchorSeq + 1;
            long checked = 0;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM renkei_audit WHERE category = ? ORDER BY seq")) {
                select.setString(1, category);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        AuditRecord record = read(rows);
                        checked++;
                        if (record.seq() != expectedSeq) {
                            return broken(category, checked, expectedSeq, record.seq() > expectedSeq
                                    ? "record(s) " + expectedSeq + "…" + (record.seq() - 1) + " are missing"
                                    : "sequence number repeated or out of order");
                        }
                        if (!record.prevHash().equals(expectedPrev)) {
                            return broken(category, checked, record.seq(),
                                    "link to the previous record is broken (a record before it was altered, removed or inserted)");
                        }
                        String recomputed = hash(record.prevHash(), record.category(), record.seq(), record.actor(),
                                record.actorRole(), record.occurredAt(), record.action(), record.target(), record.result(),
                                record.detail());
                        if (!recomputed.equals(record.hash())) {
                            return broken(category, checked, record.seq(), "content does not match its hash (record altered)");
                        }
                        expectedPrev = record.hash();
                        expectedSeq++;
                    }
                }
            }
            if (expectedSeq - 1 != headSeq) {
                return broken(category, checked, expectedSeq, "records " + expectedSeq + "…" + headSeq + " are missing at the end");
            }
            return new AuditVerification(category, checked, OptionalLong.empty(), "");
        });
    }

    private static AuditVerification broken(String category, long checked, long seq, String problem) {
        return new AuditVerification(category, checked, OptionalLong.of(seq), problem);
    }

    @Override
    public List<AuditVerification> verifyAll() {
        List<String> categories = database.withConnection(connection -> {
            List<String> list = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT category FROM renkei_audit_head ORDER BY category");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    list.add(rows.getString(1));
                }
            }
            return list;
        });
        return categories.stream().map(this::verify).toList();
    }

    @Override
    public List<AuditRecord> query(AuditQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM renkei_audit WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        query.category().ifPresent(v -> {
            sql.append(" AND category = ?");
            parameters.add(v);
        });
        query.actor().ifPresent(v -> {
            sql.append(" AND actor = ?");
            parameters.add(v);
        });
        query.actionPrefix().ifPresent(v -> {
            sql.append(" AND action LIKE ?");
            parameters.add(v.replace("%", "\\%").replace("_", "\\_") + "%");
        });
        query.from().ifPresent(v -> {
            sql.append(" AND occurred_at >= ?");
            parameters.add(OffsetDateTime.ofInstant(v, ZoneOffset.UTC));
        });
        query.to().ifPresent(v -> {
            sql.append(" AND occurred_at < ?");
            parameters.add(OffsetDateTime.ofInstant(v, ZoneOffset.UTC));
        });
        sql.append(" ORDER BY occurred_at DESC, id DESC");
        return database.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < parameters.size(); i++) {
                    select.setObject(i + 1, parameters.get(i));
                }
                select.setMaxRows(Math.max(1, query.limit()));
                List<AuditRecord> records = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        records.add(read(rows));
                    }
                }
                return records;
            }
        });
    }

    @Override
    public int purgeExpired(Instant now) {
        int removed = 0;
        for (var entry : retention.entrySet()) {
            Instant cutoff = now.atOffset(ZoneOffset.UTC).minus(entry.getValue()).toInstant();
            removed += purge(entry.getKey(), cutoff);
        }
        return removed;
    }

    private int purge(String category, Instant cutoff) {
        ensureHead(category);
        return database.inTransaction(connection -> {
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT last_seq FROM renkei_audit_head WHERE category = ? FOR UPDATE")) {
                lock.setString(1, category);
                lock.executeQuery().close();
            }
            long lastExpiredSeq;
            String lastExpiredHash;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT seq, hash FROM renkei_audit WHERE category = ? AND seq = "
                            + "(SELECT MAX(seq) FROM renkei_audit WHERE category = ? AND occurred_at < ?)")) {
                select.setString(1, category);
                select.setString(2, category);
                select.setObject(3, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return 0;
                    }
                    lastExpiredSeq = row.getLong(1);
                    lastExpiredHash = row.getString(2);
                }
            }
            int deleted;
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM renkei_audit WHERE category = ? AND seq <= ?")) {
                delete.setString(1, category);
                delete.setLong(2, lastExpiredSeq);
                deleted = delete.executeUpdate();
            }
            try (PreparedStatement anchor = connection.prepareStatement(
                    "UPDATE renkei_audit_head SET anchor_seq = ?, anchor_hash = ? WHERE category = ?")) {
                anchor.setLong(1, lastExpiredSeq);
                anchor.setString(2, lastExpiredHash);
                anchor.setString(3, category);
                anchor.executeUpdate();
            }
            return deleted;
        });
    }

    /** Default retention per category, with site overrides {@code audit.retention.<id>}. */
    public static Map<String, Period> retentionFrom(java.util.function.Function<String, String> config) {
        Map<String, Period> map = new java.util.HashMap<>();
        for (AuditCategory category : AuditCategory.values()) {
            String override = config.apply("audit.retention." + category.id());
            map.put(category.id(), override == null ? category.defaultRetention() : Period.parse(override));
        }
        return map;
    }

    private static final String COLUMNS =
            "id, category, seq, actor, actor_role, occurred_at, action, target, result, detail, prev_hash, hash";

    private static AuditRecord read(ResultSet rows) throws SQLException {
        return new AuditRecord(rows.getLong(1), rows.getString(2), rows.getLong(3), rows.getString(4), rows.getString(5),
                rows.getObject(6, OffsetDateTime.class).toInstant(), rows.getString(7), rows.getString(8),
                AuditResult.valueOf(rows.getString(9)), rows.getString(10), rows.getString(11), rows.getString(12));
    }

    static String hash(String prevHash, String category, long seq, String actor, String role, Instant at, String action,
            String target, AuditResult result, String detail) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String field : new String[] { prevHash, category, Long.toString(seq), actor, role, at.toString(), action,
                    target, result.name(), detail }) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                // Length prefixes keep field boundaries unambiguous ("ab"+"c" differs from "a"+"bc").
                digest.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
