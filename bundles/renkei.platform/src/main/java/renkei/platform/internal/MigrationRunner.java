// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

import renkei.platform.Database.Dialect;
import renkei.platform.DatabaseException;
import renkei.platform.SchemaMigrations;
import renkei.platform.SchemaMigrations.Migration;

/**
 * Applies a module's pending migrations in order inside one transaction. Kept small on purpose:
 * Flyway discovers its database support through {@code ServiceLoader} and scans class-path
 * folders, neither of which works across OSGi bundle class loaders without extra glue.
 *
 * <p>PostgreSQL rolls DDL back with the transaction. H2 commits DDL implicitly, so on H2 the runner
 * scripts the database first and restores that script when a migration fails; either way a failed
 * migration leaves the schema exactly as it was.
 */
final class MigrationRunner {

    private static final Logger LOG = Logger.getLogger(MigrationRunner.class.getName());

    private final Dialect dialect;

    MigrationRunner(Dialect dialect) {
        this.dialect = dialect;
    }

    void migrate(Connection connection, SchemaMigrations module) throws SQLException {
        ensureHistoryTable(connection);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        Path h2Snapshot = null;
        try {
            lockModule(connection, module.module());
            Map<Integer, String> applied = appliedChecksums(connection, module.module());
            verifyApplied(module, applied);
            var pending = module.migrations().stream().filter(m -> !applied.containsKey(m.version())).toList();
            if (pending.isEmpty()) {
                connection.commit();
                return;
            }
            if (dialect == Dialect.H2) {
                h2Snapshot = snapshotH2(connection);
            }
            for (Migration migration : pending) {
                apply(connection, module.module(), migration);
            }
            connection.commit();
            LOG.info(() -> "Applied " + pending.size() + " migration(s) to module " + module.module());
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            if (h2Snapshot != null) {
                restoreH2(connection, h2Snapshot);
            }
            throw e;
        } finally {
            if (h2Snapshot != null) {
                deleteQuietly(h2Snapshot);
            }
            connection.setAutoCommit(autoCommit);
        }
    }

    private void ensureHistoryTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS renkei_schema_history ("
                    + "module VARCHAR(100) NOT NULL, version INT NOT NULL, description VARCHAR(200) NOT NULL, "
                    + "checksum VARCHAR(64) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                    + "PRIMARY KEY (module, version))");
            statement.execute("CREATE TABLE IF NOT EXISTS renkei_schema_lock (module VARCHAR(100) PRIMARY KEY)");
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    /** Serialises migrators of one module across every instance sharing the database. */
    private void lockModule(Connection connection, String module) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO renkei_schema_lock (module) VALUES (?)")) {
            insert.setString(1, module);
            insert.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            if (!SqlStates.isUniqueViolation(e)) {
                throw e;
            }
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT module FROM renkei_schema_lock WHERE module = ? FOR UPDATE")) {
            lock.setString(1, module);
            lock.executeQuery().close();
        }
    }

    private static Map<Integer, String> appliedChecksums(Connection connection, String module) throws SQLException {
        Map<Integer, String> applied = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT version, checksum FROM renkei_schema_history WHERE module = ?")) {
            query.setString(1, module);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    applied.put(rows.getInt(1), rows.getString(2));
                }
            }
        }
        return applied;
    }

    private static void verifyApplied(SchemaMigrations module, Map<Integer, String> applied) {
        Map<Integer, Migration> known = new HashMap<>();
        module.migrations().forEach(m -> known.put(m.version(), m));
        for (var entry : applied.entrySet()) {
            Migration migration = known.get(entry.getKey());
            if (migration == null) {
                throw new DatabaseException("Module " + module.module() + ": the database has migration V" + entry.getKey()
                        + " which this version does not know; refusing to run against a newer schema");
            }
            if (!migration.checksum().equals(entry.getValue())) {
                throw new DatabaseException("Module " + module.module() + ": checksum mismatch for applied migration V"
                        + entry.getKey() + " (database " + entry.getValue() + ", script " + migration.checksum()
                        + "); an applied migration must never be edited");
            }
        }
    }

    private static void apply(Connection connection, String module, Migration migration) throws SQLException {
        for (String sql : migration.statements()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new SQLException("Module " + module + " migration V" + migration.version() + " ("
                        + migration.description() + ") failed at: " + firstLine(sql) + " — " + e.getMessage(),
                        e.getSQLState(), e);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO renkei_schema_history (module, version, description, checksum, applied_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, module);
            insert.setInt(2, migration.version());
            insert.setString(3, migration.description());
            insert.setString(4, migration.checksum());
            insert.setTimestamp(5, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }

    private static Path snapshotH2(Connection connection) throws SQLException {
        try {
            Path file = Files.createTempFile("renkei-migration-", ".sql");
            try (PreparedStatement script = connection.prepareStatement("SCRIPT TO ?")) {
                script.setString(1, file.toString());
                script.execute();
            }
            return file;
        } catch (IOException e) {
            throw new SQLException("Cannot create a snapshot before migrating", e);
        }
    }

    private static void restoreH2(Connection connection, Path snapshot) {
        try (Statement statement = connection.createStatement();
             PreparedStatement run = connection.prepareStatement("RUNSCRIPT FROM ?")) {
            statement.execute("DROP ALL OBJECTS");
            run.setString(1, snapshot.toString());
            run.execute();
            connection.commit();
        } catch (SQLException e) {
            throw new DatabaseException("Migration failed and the H2 snapshot " + snapshot + " could not be restored; "
                    + "restore it by hand with RUNSCRIPT", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.fine(() -> "Cannot delete " + file + ": " + e);
        }
    }

    private static String firstLine(String sql) {
        int newline = sql.indexOf('\n');
        return newline < 0 ? sql : sql.substring(0, newline) + " …";
    }
}
