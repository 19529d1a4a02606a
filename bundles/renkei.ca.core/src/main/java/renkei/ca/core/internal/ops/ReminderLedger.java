// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.ops;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import renkei.ca.core.internal.CaSchema;
import renkei.platform.Database;

/**
 * Which reminders were raised (table {@code ca_reminder}, V6). A reminder is claimed before it is
 * sent: the primary key lets exactly one process win, so two servers never both send it, and a
 * claim is released again when sending failed so the next run retries.
 *
 * <p>Thread-safe; methods block on the database.
 */
final class ReminderLedger {

    /** Kept well past a certificate's 13-month life so an old claim never lets a reminder repeat. */
    static final Duration RETENTION = Duration.ofDays(800);

    private static final String UNIQUE_VIOLATION = "23505";

    private final Database database;

    ReminderLedger(Database database) {
        this.database = database;
        database.migrate(CaSchema.migrations());
    }

    /** @return true when this call recorded the reminder, false when it had been raised before */
    boolean claim(String key, String stage, Instant now) {
        return database.withConnection(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO ca_reminder (reminder_key, stage, sent_at) VALUES (?, ?, ?)")) {
                insert.setString(1, key);
                insert.setString(2, stage);
                insert.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
    }

    void release(String key, String stage) {
        database.withConnection(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM ca_reminder WHERE reminder_key = ? AND stage = ?")) {
                delete.setString(1, key);
                delete.setString(2, stage);
                return delete.executeUpdate();
            }
        });
    }

    int purgeBefore(Instant cutoff) {
        return database.withConnection(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM ca_reminder WHERE sent_at < ?")) {
                delete.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
                return delete.executeUpdate();
            }
        });
    }
}
