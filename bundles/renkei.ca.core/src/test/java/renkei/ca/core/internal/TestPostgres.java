// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server {@code releng/test} starts ({@code renkei.test.pg.url}); each call makes a
 * fresh schema so tests never see each other's tables. Without a server the test is skipped, or
 * fails when {@code renkei.test.requirePostgres=true}. (The platform's own helper lives in its test
 * sources, which other bundles cannot see.)
 */
public final class TestPostgres {

    private TestPostgres() {
    }

    public static String user() {
        String user = System.getProperty("renkei.test.pg.user", "");
        return user.isBlank() || user.startsWith("${") ? "postgres" : user;
    }

    /** A JDBC URL whose current schema is new and empty. */
    public static String freshSchemaUrl() throws SQLException {
        String url = System.getProperty("renkei.test.pg.url", "");
        if (url.isBlank() || url.startsWith("${")) {
            if (Boolean.getBoolean("renkei.test.requirePostgres")) {
                throw new IllegalStateException("renkei.test.requirePostgres is set but renkei.test.pg.url is not");
            }
            Assumptions.abort("No PostgreSQL test server (set renkei.test.pg.url; releng/test does)");
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = DriverManager.getConnection(url, user(), ""); Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
