// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.mail;

import java.time.Clock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;

import renkei.platform.Database;
import renkei.platform.NotificationService;
import renkei.platform.SecretStore;
import renkei.platform.SiteConfig;

/**
 * Publishes the {@link NotificationService} with the site's mail settings ({@link MailSettings#from})
 * and announces feed items through EventAdmin when one is running; the headless server may have none.
 */
@Component(service = NotificationService.class)
public final class NotificationServiceComponent extends JdbcNotificationService {

    private final FeedEventPublisher feedEvents;

    @Activate
    public NotificationServiceComponent(@Reference Database database, @Reference SiteConfig config,
            @Reference SecretStore secrets) {
        this(database, MailSettings.from(config, secrets), new FeedEventPublisher());
    }

    private NotificationServiceComponent(Database database, MailSettings settings, FeedEventPublisher feedEvents) {
        super(database, settings, Clock.systemUTC(), feedEvents);
        this.feedEvents = feedEvents;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, unbind = "unbindEventAdmin")
    void bindEventAdmin(EventAdmin eventAdmin) {
        feedEvents.bind(eventAdmin);
    }

    void unbindEventAdmin(EventAdmin eventAdmin) {
        feedEvents.unbind(eventAdmin);
    }
}
