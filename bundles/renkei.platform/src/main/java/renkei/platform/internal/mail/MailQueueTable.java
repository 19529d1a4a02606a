// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.mail;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import renkei.platform.Database;
import renkei.platform.MailMessage;
import renkei.platform.MailStatus;

/**
 * Rows of {@code renkei_mail_queue} (V3__notifications.sql). Besides the public states a row is
 * {@code SENDING} while one process delivers it; {@code next_attempt_at} then holds the end of
 * that claim, so a row left behind by a crashed process becomes due again once the claim ends.
 * Claims are conditional updates, which both H2 and PostgreSQL serialise per row: of two
 * processes claiming the same row exactly one sees an update count of 1.
 */
final class MailQueueTable {

    static final String QUEUED = "QUEUED";
    static final String SENDING = "SENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";

    private final Database database;

    MailQueueTable(Database database) {
        this.database = database;
    }

    long insert(MailMessage message, String charset, Instant now) {
        return database.withConnection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO renkei_mail_queue (recipient, subject, body, charset, status, attempts, next_attempt_at, created_at) "
                            + "VALUES (?, ?, ?, ?, ?, 0, ?, ?)",
                    new String[] { "id" })) {
                insert.setString(1, message.recipient());
                insert.setString(2, message.subject());
                insert.setString(3, message.body());
                insert.setString(4, charset);
                insert.setString(5, QUEUED);
                insert.setObject(6, utc(now));
                insert.setObject(7, utc(now));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Ids of queued rows due at {@code now} and of rows whose delivery claim has run out, oldest first. */
    List<Long> dueIds(Instant now) {
        return database.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id FROM renkei_mail_queue WHERE status IN (?, ?) AND next_attempt_at <= ? ORDER BY next_attempt_at, id")) {
                select.setString(1, QUEUED);
                select.setString(2, SENDING);
                select.setObject(3, utc(now));
                List<Long> ids = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
                return ids;
            }
        });
    }

    /**
     * Claims row {@code id} for delivery until {@code claimEnd} if it is still due at {@code now}.
     *
     * @return the mail when this process won the claim, empty when another process has it or it is done
     */
    Optional<QueuedMail> claim(long id, Instant now, Instant claimEnd) {
        int claimed = database.withConnection(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE renkei_mail_queue SET status = ?, next_attempt_at = ? "
                            + "WHERE id = ? AND status IN (?, ?) AND next_attempt_at <= ?")) {
                update.setString(1, SENDING);
                update.setObject(2, utc(claimEnd));
                update.setLong(3, id);
                update.setString(4, QUEUED);
                update.setString(5, SENDING);
                update.setObject(6, utc(now));
                return update.executeUpdate();
            }
        });
        if (claimed != 1) {
            return Optional.empty();
        }
        return Optional.of(database.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT recipient, subject, body, charset, attempts FROM renkei_mail_queue WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return new QueuedMail(id, row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getInt(5));
                }
            }
        }));
    }

    void markSent(long id, int attempts, Instant sentAt) {
        finish(id, SENT, attempts, null, sentAt, sentAt);
    }

    void markRetry(long id, int attempts, String error, Instant nextAttemptAt) {
        finish(id, QUEUED, attempts, error, nextAttemptAt, null);
    }

    void markFailed(long id, int attempts, String error, Instant now) {
        finish(id, FAILED, attempts, error, now, null);
    }

    /** Ends this process's claim; a null {@code error} keeps the previous one for the record. */
    private void finish(long id, String status, int attempts, String error, Instant nextAttemptAt, Instant sentAt) {
        database.withConnection(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE renkei_mail_queue SET status = ?, attempts = ?, last_error = COALESCE(?, last_error), "
                            + "next_attempt_at = ?, sent_at = ? WHERE id = ? AND status = ?")) {
                update.setString(1, status);
                update.setInt(2, attempts);
                update.setString(3, error == null ? null : clip(error, 2000));
                update.setObject(4, utc(nextAttemptAt));
                update.setObject(5, sentAt == null ? null : utc(sentAt));
                update.setLong(6, id);
                update.setString(7, SENDING);
                return update.executeUpdate();
            }
        });
    }

    /** Newest first. */
    List<MailStatus> list(int limit) {
        return database.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, recipient, subject, charset, status, attempts, next_attempt_at, last_error "
                            + "FROM renkei_mail_queue ORDER BY created_at DESC, id DESC")) {
                select.setMaxRows(Math.max(1, limit));
                List<MailStatus> list = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        list.add(new MailStatus(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                                state(rows.getString(5)), rows.getInt(6), rows.getObject(7, OffsetDateTime.class).toInstant(),
                                Optional.ofNullable(rows.getString(8))));
                    }
                }
                return list;
            }
        });
    }

    private static MailStatus.State state(String status) {
        // A mail being sent right now is still in the queue as far as people are concerned.
        return SENDING.equals(status) ? MailStatus.State.QUEUED : MailStatus.State.valueOf(status);
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Shortens {@code text} to fit a column of {@code maxLength} characters, marking the cut. */
    static String clip(String text, int maxLength) {
        if (text.length() <= maxLength) {
            return text;
        }
        int end = maxLength - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never leave half of a surrogate pair (emoji, rare kanji) behind
        }
        return text.substring(0, end) + "…";
    }
}
