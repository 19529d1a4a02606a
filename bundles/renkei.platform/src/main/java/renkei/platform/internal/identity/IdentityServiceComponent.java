// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.identity;

import java.time.Clock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import renkei.platform.AuditLog;
import renkei.platform.Database;
import renkei.platform.IdentityService;
import renkei.platform.SecretStore;
import renkei.platform.SiteConfig;

/**
 * Publishes the identity service; the TOTP wrapping key lives in the home's secret store, session
 * lifetimes come from {@code session.idle} and {@code session.absolute}.
 */
@Component(service = IdentityService.class)
public final class IdentityServiceComponent extends JdbcIdentityService {

    static final String TOTP_KEY_ALIAS = "identity.totp.wrapping";

    @Activate
    public IdentityServiceComponent(@Reference Database database, @Reference AuditLog audit, @Reference SecretStore secrets,
            @Reference SiteConfig config) {
        super(database, audit, secrets.wrappingKey(TOTP_KEY_ALIAS), new PasswordHasher(), Clock.systemUTC(),
                config.getDuration("session.idle", DEFAULT_IDLE), config.getDuration("session.absolute", DEFAULT_ABSOLUTE));
    }
}
