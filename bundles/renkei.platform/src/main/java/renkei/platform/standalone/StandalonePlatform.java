// SPDX-License-Identifier: EPL-2.0
package renkei.platform.standalone;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

import renkei.platform.AuditLog;
import renkei.platform.Database;
import renkei.platform.IdentityService;
import renkei.platform.NotificationService;
import renkei.platform.RenkeiHome;
import renkei.platform.SecretStore;
import renkei.platform.SiteConfig;
import renkei.platform.internal.FileSiteConfig;
import renkei.platform.internal.JdbcAuditLog;
import renkei.platform.internal.JdbcDatabase;
import renkei.platform.internal.KeystoreSecretStore;
import renkei.platform.internal.PlatformSchema;
import renkei.platform.internal.identity.JdbcIdentityService;
import renkei.platform.internal.identity.PasswordHasher;
import renkei.platform.internal.mail.JdbcNotificationService;
import renkei.platform.internal.mail.MailSettings;

/**
 * The platform's database and audit log without OSGi, for domain bundles' plain JUnit tests and for
 * benchmarks: the same implementations the DS components publish, opened directly.
 */
public final class StandalonePlatform implements AutoCloseable {

    private final JdbcDatabase database;
    private final AuditLog audit;
    private final Clock clock;
    private JdbcIdentityService identity;

    private StandalonePlatform(JdbcDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
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

    /**
     * The feed and mail queue on this database, with the {@code mail.*} settings of {@code config}
     * read as the DS component reads them. There is no secret store here, so SMTP is unauthenticated.
     * Each call returns a new service over the same tables.
     */
    public NotificationService notifications(SiteConfig config) {
        return new JdbcNotificationService(database, MailSettings.from(config, NoSecrets.INSTANCE), clock);
    }

    /** The site configuration a home with these {@code renkei.properties} would have. */
    public static SiteConfig siteConfig(RenkeiHome home, java.util.Properties properties) {
        return new FileSiteConfig(home, properties);
    }

    /** The home's real secret store ({@code secrets.p12}, master key created on first use). */
    public static SecretStore secretStore(SiteConfig config) {
        return new KeystoreSecretStore(config);
    }

    /**
     * The real identity service on this database, built as its DS component builds it except that
     * the TOTP wrapping key is a fresh in-memory one instead of the home's secret store's.
     */
    public synchronized IdentityService identity() {
        if (identity == null) {
            try {
                KeyGenerator generator = KeyGenerator.getInstance("AES");
                generator.init(256);
                identity = new JdbcIdentityService(database, audit, generator.generateKey(), new PasswordHasher(), Clock.systemUTC());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("AES is part of every JDK", e);
            }
        }
        return identity;
    }

    @Override
    public void close() {
        database.close();
    }

    private enum NoSecrets implements SecretStore {
        INSTANCE;

        @Override
        public Optional<String> get(String alias) {
            return Optional.empty();
        }

        @Override
        public void put(String alias, String secret) {
            throw new UnsupportedOperationException("The standalone platform keeps no secrets: " + alias);
        }

        @Override
        public void remove(String alias) {
        }

        @Override
        public SecretKey wrappingKey(String alias) {
            throw new UnsupportedOperationException("The standalone platform keeps no secrets: " + alias);
        }
    }
}
