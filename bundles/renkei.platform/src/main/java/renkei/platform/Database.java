// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The shared relational store: an H2 file database under the Renkei home by default, H2 server
 * mode or PostgreSQL when several consoles and servers share one database. Callers borrow a
 * connection for the length of a callback so pooling and reconnects stay in one place.
 *
 * <p>Thread-safe. Methods block on I/O; never call them from the UI thread.
 *
 * @noimplement
 */
public interface Database {

    /** Runs {@code work} with a pooled connection in auto-commit mode. */
    <T> T withConnection(SqlFunction<T> work);

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(SqlFunction<T> work);

    /** Applies a bundle's pending schema migrations; see {@link SchemaMigrations}. */
    void migrate(SchemaMigrations migrations);

    /** Which SQL dialect the database speaks, for the few statements that differ. */
    Dialect dialect();

    /** JDBC URL without credentials, for status lines and error messages. */
    String describe();

    /** Callback that receives a connection. */
    @FunctionalInterface
    interface SqlFunction<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** Supported database products. */
    enum Dialect {
        H2, POSTGRESQL;

        public static Dialect ofUrl(String jdbcUrl) {
            if (jdbcUrl.startsWith("jdbc:h2:")) {
                return H2;
            }
            if (jdbcUrl.startsWith("jdbc:postgresql:")) {
                return POSTGRESQL;
            }
            throw new IllegalArgumentException("Unsupported JDBC URL (use jdbc:h2: or jdbc:postgresql:): " + jdbcUrl);
        }
    }
}
