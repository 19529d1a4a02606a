// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.mail;

import java.time.Duration;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import renkei.platform.NotificationService;
import renkei.platform.SiteConfig;
import renkei.spi.PeriodicTask;

/** Delivers due queued mail every {@code mail.deliveryInterval} (ISO-8601, default PT1M). */
@Component(service = PeriodicTask.class)
public final class MailDeliveryTask implements PeriodicTask {

    public static final String ID = "platform.mail.delivery";
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(MailDeliveryTask.class.getName());

    private final NotificationService notifications;
    private final Duration interval;

    @Activate
    public MailDeliveryTask(@Reference NotificationService notifications, @Reference SiteConfig config) {
        this(notifications, config.getDuration("mail.deliveryInterval", DEFAULT_INTERVAL));
    }

    MailDeliveryTask(NotificationService notifications, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("mail.deliveryInterval must be positive, got " + interval);
        }
        this.notifications = notifications;
        this.interval = interval;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Mail delivery";
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public void run() {
        int sent = notifications.deliverDue();
        if (sent > 0) {
            LOG.fine(() -> "Delivered " + sent + " mail(s)");
        }
    }
}
