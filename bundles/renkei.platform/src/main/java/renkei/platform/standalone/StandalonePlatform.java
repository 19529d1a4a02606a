// SPDX-License-Identifier: EPL-2.0
package renkei.platform.standalone;

import java.time.Clock;
import java.util.UUID;

import renkei.platform.AuditLog;
import renkei.platform.Database;
import renkei.platform.internal.JdbcAuditLog;
import renkei.platform.internal.JdbcDatabase;
import renkei.platform.internal.PlatformSchema;

/**
 * The platform's database and audit log without OSGi, for domain bundles' plain JUnit tests and for
 * benchmarks: the same implementations the DS components publish, opened directly.
 */
public final class StandalonePlatform implements AutoCloseable {

    private final JdbcDatabase database;
    private final AuditLog audit;

    private StandalonePlatform(JdbcDatabase database, Clock clock) {
        this.database = database;
        database.migrate(PlatformSchema.migrations());
        this.audit = new JdbcAuditLog(database, clock, JdbcAuditLog.retentionFrom(key -> null));
    }

    /** A private in-memory H2 database with the platform schema. */
    public static StandalonePlatform inMemory() {
        return new StandalonePlatform(new JdbcDatabase("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""),
                Clock.systemUTC());
    }

    /** Any supported JDBC URL (H2 or PostgreSQL). */
    public static StandalonePlatform open(String jdbcUrl, String user, String password) {
        return new StandalonePlatform(new JdbcDatabase(jdbcUrl, user, password), Clock.systemUTC());
    }

    public Database database() {
        return database;
    }

    public AuditLog audit() {
        return audit;
    }

    @Override
    public void close() {
        database.close();
    }
}
