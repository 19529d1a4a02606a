// SPDX-License-Identifier: EPL-2.0
package renkei.platform.testsupport;

import renkei.platform.internal.JdbcDatabase;
import renkei.platform.internal.PlatformSchema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * Databases for tests: a private in-memory H2 per call, and a fresh schema on the PostgreSQL server
 * that {@code releng/test} starts (URL in system property {@code renkei.test.pg.url}). When
 * {@code renkei.test.requirePostgres=true} a missing server fails the test instead of skipping it.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    public static JdbcDatabase h2() {
        return new JdbcDatabase("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    public static JdbcDatabase h2Migrated() {
        JdbcDatabase database = h2();
        database.migrate(PlatformSchema.migrations());
        return database;
    }

    /** URL of the test PostgreSQL server; skips (or fails when required) without one. */
    public static String postgresUrl() {
        String url = System.getProperty("renkei.test.pg.url", "");
        if (url.isBlank() || url.startsWith("${")) {
            if (Boolean.getBoolean("renkei.test.requirePostgres")) {
                throw new IllegalStateException("renkei.test.requirePostgres is set but renkei.test.pg.url is not");
            }
            Assumptions.abort("No PostgreSQL test server (set renkei.test.pg.url; releng/test does)");
        }
        return url;
    }

    public static String postgresUser() {
        String user = System.getProperty("renkei.test.pg.user", "");
        return user.isBlank() || user.startsWith("${") ? "postgres" : user;
    }

    /** A fresh, empty schema on the test server, so tests never see each other's tables. */
    public static String postgresSchemaUrl() {
        String url = postgresUrl();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (JdbcDatabase admin = new JdbcDatabase(url, postgresUser(), "")) {
            admin.withConnection(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE SCHEMA " + schema);
                }
                return null;
            });
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static JdbcDatabase postgres() {
        return new JdbcDatabase(postgresSchemaUrl(), postgresUser(), "");
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
