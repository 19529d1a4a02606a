// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.key;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;

import renkei.ca.core.CaKeyService;
import renkei.ca.core.KeyStatus;
import renkei.ca.core.internal.CaEvents;
import renkei.ca.core.internal.CaSettings;
import renkei.ca.core.internal.IssuerSource;
import renkei.platform.AuditLog;
import renkei.platform.Database;
import renkei.platform.SecretStore;
import renkei.platform.SiteConfig;

/**
 * Publishes the CA key service and, to the CA's issuance component, the issuer of the activated key,
 * with the key store named by {@code ca.key.store}. Announces key changes through EventAdmin when
 * one is running; the headless server may have none.
 */
@Component(service = { CaKeyService.class, IssuerSource.class })
public final class CaKeyComponent extends CaKeyManager {

    private final CaEvents events;

    @Activate
    public CaKeyComponent(@Reference Database database, @Reference AuditLog audit, @Reference SecretStore secrets,
            @Reference SiteConfig config) {
        this(database, audit, secrets, CaSettings.from(config), new CaEvents());
    }

    private CaKeyComponent(Database database, AuditLog audit, SecretStore secrets, CaSettings settings, CaEvents events) {
        super(database, audit, CaKeyStore.configured(settings, secrets), settings, Clock.systemUTC(),
                status -> events.post(CaKeyService.TOPIC_KEY, properties(status)));
        this.events = events;
    }

    /** What a console needs to redraw without asking; other processes' consoles read {@link #status()} instead. */
    private static Map<String, Object> properties(KeyStatus status) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("initialised", status.initialised());
        properties.put("active", status.activeUntil().isPresent());
        status.activeUntil().ifPresent(until -> properties.put("activeUntil", until.toString()));
        return properties;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, unbind = "unbindEventAdmin")
    void bindEventAdmin(EventAdmin eventAdmin) {
        events.bind(eventAdmin);
    }

    void unbindEventAdmin(EventAdmin eventAdmin) {
        events.unbind(eventAdmin);
    }
}
