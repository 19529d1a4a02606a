// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.key;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import renkei.ca.core.CaKeyService;
import renkei.ca.core.KeyStatus;

/**
 * Posts {@link CaKeyService#TOPIC_KEY} after the key ceremony, an activation or a deactivation made
 * in this process, while an EventAdmin is present. Consoles of other processes see the change when
 * they next read {@link CaKeyService#status()}.
 *
 * <p>Thread-safe: DS binds and unbinds EventAdmin on its own threads.
 */
final class KeyEventPublisher implements Consumer<KeyStatus> {

    private final AtomicReference<EventAdmin> eventAdmin = new AtomicReference<>();

    void bind(EventAdmin admin) {
        eventAdmin.set(admin);
    }

    void unbind(EventAdmin admin) {
        // DS binds a replacement before unbinding the old one; keep the replacement.
        eventAdmin.compareAndSet(admin, null);
    }

    @Override
    public void accept(KeyStatus status) {
        EventAdmin admin = eventAdmin.get();
        if (admin != null) {
            Map<String, Object> properties = new HashMap<>();
            properties.put("initialised", status.initialised());
            properties.put("active", status.activeUntil().isPresent());
            status.activeUntil().ifPresent(until -> properties.put("activeUntil", until.toString()));
            // Asynchronous: the operator who activated never waits for UI handlers.
            admin.postEvent(new Event(CaKeyService.TOPIC_KEY, properties));
        }
    }
}
