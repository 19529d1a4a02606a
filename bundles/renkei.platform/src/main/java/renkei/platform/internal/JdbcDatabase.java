// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;

import renkei.platform.Database;
import renkei.platform.DatabaseException;
import renkei.platform.SchemaMigrations;

/**
 * {@link Database} over a small connection pool. H2's pool serves both products because it pools
 * any {@link ConnectionPoolDataSource}, which spares a pool library; drivers are created directly
 * since {@code DriverManager} cannot see drivers across OSGi bundle class loaders.
 */
public class JdbcDatabase implements Database, DataSource, AutoCloseable {

    private static final int MAX_CONNECTIONS = 16;

    private final String url;
    private final Dialect dialect;
    private final JdbcConnectionPool pool;

    public JdbcDatabase(String url, String user, String password) {
        this.url = url;
        this.dialect = Dialect.ofUrl(url);
        this.pool = JdbcConnectionPool.create(dataSource(dialect, url, user, password));
        pool.setMaxConnections(MAX_CONNECTIONS);
        pool.setLoginTimeout(30);
        // Fail fast with a clear message rather than on the first query of some later job.
        withConnection(connection -> connection.isValid(5));
    }

    private static ConnectionPoolDataSource dataSource(Dialect dialect, String url, String user, String password) {
        if (dialect == Dialect.H2) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            h2.setUser(user);
            h2.setPassword(password == null ? "" : password);
            return h2;
        }
        PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
        pg.setURL(url);
        pg.setUser(user);
        pg.setPassword(password);
        return pg;
    }

    @Override
    public <T> T withConnection(SqlFunction<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new DatabaseException("Database " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T inTransaction(SqlFunction<T> work) {
        return withConnection(connection -> {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    @Override
    public void migrate(SchemaMigrations migrations) {
        MigrationRunner runner = new MigrationRunner(dialect);
        withConnection(connection -> {
            runner.migrate(connection, migrations);
            return null;
        });
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public String describe() {
        int semicolon = url.indexOf(';');
        int query = url.indexOf('?');
        int cut = semicolon >= 0 ? semicolon : query >= 0 ? query : url.length();
        return url.substring(0, cut);
    }

    @Override
    public void close() {
        pool.dispose();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("Credentials come from the site configuration");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper for " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
