// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Posts CA topics while an EventAdmin is present; without one (plain JUnit, the CLI) consoles still
 * see changes when they next read. Asynchronous, so a CA call never waits for UI handlers.
 *
 * <p>Thread-safe: DS binds and unbinds EventAdmin on its own threads.
 */
public final class CaEvents {

    private final AtomicReference<EventAdmin> eventAdmin = new AtomicReference<>();

    public void bind(EventAdmin admin) {
        eventAdmin.set(admin);
    }

    public void unbind(EventAdmin admin) {
        // DS binds a replacement before unbinding the old one; keep the replacement.
        eventAdmin.compareAndSet(admin, null);
    }

    /** @param what short description for listeners that only log, e.g. {@code revoked 1A2B} */
    public void post(String topic, String what) {
        post(topic, Map.of("what", what));
    }

    public void post(String topic, Map<String, ?> properties) {
        EventAdmin admin = eventAdmin.get();
        if (admin != null) {
            admin.postEvent(new Event(topic, properties));
        }
    }
}
