// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import renkei.platform.Database;
import renkei.platform.SecretStore;
import renkei.platform.SiteConfig;

/**
 * Publishes the configured database as {@link Database} and {@link DataSource} once the platform
 * schema is current. Configuration keys: {@code db.url} (default: an H2 file database under the
 * home, opened in auto-server mode so the CLI can share it with a running console),
 * {@code db.user}; the password is the secret {@code db.password}.
 *
 * <p>Disabled until {@link EmbeddedDatabaseSwitch} enables it in an embedded home: a connected
 * home has no database of its own, and merely activating this component would create the H2 file.
 */
@Component(service = { Database.class, DataSource.class }, immediate = true, enabled = false)
public final class DatabaseService extends JdbcDatabase {

    public static final String DEFAULT_URL = "jdbc:h2:file:${home}/db/renkei;AUTO_SERVER=TRUE";

    @Activate
    public DatabaseService(@Reference SiteConfig config, @Reference SecretStore secrets) {
        super(config.get("db.url", DEFAULT_URL.replace("${home}", config.home().root().toString())),
                config.get("db.user", "renkei"),
                secrets.get("db.password").orElse(""));
        migrate(PlatformSchema.migrations());
    }

    @Override
    @Deactivate
    public void close() {
        super.close();
    }
}
