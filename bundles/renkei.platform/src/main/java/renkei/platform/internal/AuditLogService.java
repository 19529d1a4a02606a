// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal;

import java.time.Clock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import renkei.platform.AuditLog;
import renkei.platform.Database;
import renkei.platform.SiteConfig;

/** Publishes the database-backed audit log with the site's retention periods. */
@Component(service = AuditLog.class)
public final class AuditLogService extends JdbcAuditLog {

    @Activate
    public AuditLogService(@Reference Database database, @Reference SiteConfig config) {
        super(database, Clock.systemUTC(), retentionFrom(key -> config.get(key, null)));
    }
}
