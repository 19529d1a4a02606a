// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal;

import java.time.Duration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import renkei.platform.Database;
import renkei.spi.AbstractHealthCheck;
import renkei.spi.HealthCheck;
import renkei.spi.HealthResult;

/** Round-trip time to the shared database; slow answers warn before consoles start to stall. */
@Component(service = HealthCheck.class)
public final class DatabaseHealthCheck extends AbstractHealthCheck {

    private static final long WARN_MILLIS = 500;

    private final Database database;

    @Activate
    public DatabaseHealthCheck(@Reference Database database) {
        super("platform.database", "Database", Duration.ofMinutes(1));
        this.database = database;
    }

    @Override
    public HealthResult check() {
        long started = System.nanoTime();
        database.withConnection(c -> c.createStatement().executeQuery("SELECT 1").next());
        long millis = (System.nanoTime() - started) / 1_000_000;
        String summary = database.describe() + " answered in " + millis + " ms";
        return millis > WARN_MILLIS ? HealthResult.warning(summary) : HealthResult.ok(summary);
    }
}
