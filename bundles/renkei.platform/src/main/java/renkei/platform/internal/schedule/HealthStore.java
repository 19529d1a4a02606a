// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.schedule;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import renkei.platform.Database;
import renkei.platform.SourceHealth;
import renkei.spi.HealthStatus;

/**
 * Reads and writes rows of {@code renkei_source_health}. Writes are partial updates so that a job's
 * run bookkeeping and a check's verdict can be recorded by different code paths without clobbering
 * each other.
 */
public final class HealthStore {

    private static final int MAX_TEXT = 2000;

    private final Database database;

    public HealthStore(Database database) {
        this.database = database;
    }

    /** Creates the row if it is missing, so a newly registered source shows up before its first run. */
    public void declare(String sourceId, String displayName, String kind, Instant nextRun) {
        database.withConnection(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE renkei_source_health SET display_name = ?, kind = ? WHERE source_id = ?")) {
                update.setString(1, displayName);
                update.setString(2, kind);
                update.setString(3, sourceId);
                if (update.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO renkei_source_health "
                    + "(source_id, display_name, kind, status, summary, next_run) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, sourceId);
                insert.setString(2, displayName);
                insert.setString(3, kind);
                insert.setString(4, HealthStatus.UNKNOWN.name());
                insert.setString(5, "Not run yet");
                insert.setObject(6, utc(nextRun));
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
            }
            return null;
        });
    }

    public void recordSuccess(String sourceId, HealthStatus status, String summary, Instant at, Optional<Instant> expiresAt) {
        database.withConnection(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE renkei_source_health SET status = ?, summary = ?, "
                    + "last_run = ?, last_success = ?, expires_at = ?, consecutive_failures = 0 WHERE source_id = ?")) {
                update.setString(1, status.name());
                update.setString(2, cut(summary));
                update.setObject(3, utc(at));
                update.setObject(4, utc(at));
                update.setObject(5, expiresAt.map(HealthStore::utc).orElse(null));
                update.setString(6, sourceId);
                return update.executeUpdate();
            }
        });
    }

    public void recordFailure(String sourceId, Throwable error, Instant at) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        String cause = root.getClass().getName() + ": " + root.getMessage() + "\n" + stackTrace(error);
        database.withConnection(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE renkei_source_health SET status = ?, summary = ?, "
                    + "last_run = ?, last_error = ?, last_error_cause = ?, last_error_at = ?, "
                    + "consecutive_failures = consecutive_failures + 1 WHERE source_id = ?")) {
                update.setString(1, HealthStatus.CRITICAL.name());
                update.setString(2, cut("Failed: " + message));
                update.setObject(3, utc(at));
                update.setString(4, cut(message));
                update.setString(5, cause.length() > 4000 ? cause.substring(0, 4000) : cause);
                update.setObject(6, utc(at));
                update.setString(7, sourceId);
                return update.executeUpdate();
            }
        });
    }

    public void recordNextRun(String sourceId, Instant nextRun) {
        database.withConnection(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE renkei_source_health SET next_run = ? WHERE source_id = ?")) {
                update.setObject(1, utc(nextRun));
                update.setString(2, sourceId);
                return update.executeUpdate();
            }
        });
    }

    /** Every source, worst status first, then by name. */
    public List<SourceHealth> all() {
        List<SourceHealth> list = database.withConnection(c -> {
            List<SourceHealth> rows = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM renkei_source_health");
                 ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(read(result));
                }
            }
            return rows;
        });
        list.sort(Comparator.comparing(SourceHealth::status).reversed().thenComparing(SourceHealth::displayName));
        return list;
    }

    public Optional<SourceHealth> get(String sourceId) {
        return database.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM renkei_source_health WHERE source_id = ?")) {
                select.setString(1, sourceId);
                try (ResultSet result = select.executeQuery()) {
                    return result.next() ? Optional.of(read(result)) : Optional.empty();
                }
            }
        });
    }

    private static final String COLUMNS = "source_id, display_name, kind, status, summary, last_run, last_success, next_run, "
            + "expires_at, last_error, last_error_cause, last_error_at, consecutive_failures";

    private static SourceHealth read(ResultSet r) throws SQLException {
        return new SourceHealth(r.getString(1), r.getString(2), r.getString(3), HealthStatus.valueOf(r.getString(4)),
                r.getString(5), instant(r, 6), instant(r, 7), instant(r, 8), instant(r, 9), Optional.ofNullable(r.getString(10)),
                Optional.ofNullable(r.getString(11)), instant(r, 12), r.getInt(13));
    }

    private static Optional<Instant> instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime value = r.getObject(column, OffsetDateTime.class);
        return value == null ? Optional.empty() : Optional.of(value.toInstant());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String cut(String text) {
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT - 1) + "…" : text;
    }

    private static String stackTrace(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
