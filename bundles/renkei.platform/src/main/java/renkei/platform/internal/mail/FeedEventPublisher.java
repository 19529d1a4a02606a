// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.mail;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import renkei.platform.Notification;
import renkei.platform.NotificationService;

/**
 * Posts {@link NotificationService#TOPIC_FEED} for each new feed item while an EventAdmin is
 * present. Without one, consoles still see new items when they next read the feed.
 *
 * <p>Thread-safe: DS binds and unbinds EventAdmin on its own threads.
 */
final class FeedEventPublisher implements Consumer<Notification> {

    private final AtomicReference<EventAdmin> eventAdmin = new AtomicReference<>();

    void bind(EventAdmin admin) {
        eventAdmin.set(admin);
    }

    void unbind(EventAdmin admin) {
        // DS binds a replacement before unbinding the old one; keep the replacement.
        eventAdmin.compareAndSet(admin, null);
    }

    @Override
    public void accept(Notification notification) {
        EventAdmin admin = eventAdmin.get();
        if (admin != null) {
            // Asynchronous post: the caller of post() never waits for UI handlers.
            admin.postEvent(new Event(NotificationService.TOPIC_FEED, Map.of(
                    "id", notification.id(),
                    "severity", notification.severity().name(),
                    "source", notification.source(),
                    "title", notification.title())));
        }
    }
}
