// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import renkei.platform.SiteConfig;
import renkei.platform.remote.TlsFiles;

/**
 * Enables {@link DatabaseService} in an embedded home, the default. A connected home
 * ({@code server.url} set) works through its server, and a process started with
 * {@code -Drenkei.noDatabase=true} ({@code renkei connect}, which sets another home up) needs none:
 * there the database stays disabled, so no database file is created and every component that needs
 * the database (scheduler, identity, notifications, health, audit, the CA) stays unsatisfied while
 * the connected client's remote proxies take their place.
 */
@Component(immediate = true)
public final class EmbeddedDatabaseSwitch {

    /** System property that keeps the database off in an otherwise embedded home. */
    public static final String NO_DATABASE = "renkei.noDatabase";

    @Activate
    public EmbeddedDatabaseSwitch(@Reference SiteConfig config, ComponentContext context) {
        if (wantsDatabase(config)) {
            context.enableComponent(DatabaseService.class.getName());
        }
    }

    /** Whether this process opens a database of its own. */
    public static boolean wantsDatabase(SiteConfig config) {
        return config.get(TlsFiles.SERVER_URL, null) == null && !Boolean.getBoolean(NO_DATABASE);
    }
}
