// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.mail;

import java.time.Duration;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import renkei.platform.MailStatus;
import renkei.platform.NotificationService;
import renkei.spi.AbstractHealthCheck;
import renkei.spi.HealthCheck;
import renkei.spi.HealthResult;

/**
 * Outgoing mail as a monitored source: mails being retried mean the SMTP server is unreachable
 * (warning, with the last SMTP error), mails given up are critical — users were not notified.
 */
@Component(service = HealthCheck.class)
public final class MailQueueHealthCheck extends AbstractHealthCheck {

    private static final int WINDOW = 500;

    private final NotificationService notifications;

    @Activate
    public MailQueueHealthCheck(@Reference NotificationService notifications) {
        super("platform.mail.queue", "Outgoing mail", Duration.ofMinutes(5));
        this.notifications = notifications;
    }

    @Override
    public HealthResult check() {
        List<MailStatus> recent = notifications.mailQueue(WINDOW);
        long failed = recent.stream().filter(m -> m.state() == MailStatus.State.FAILED).count();
        List<MailStatus> retrying = recent.stream()
                .filter(m -> m.state() == MailStatus.State.QUEUED && m.attempts() > 0).toList();
        long queued = recent.stream().filter(m -> m.state() == MailStatus.State.QUEUED).count();
        String counts = queued + " queued, " + retrying.size() + " retrying, " + failed + " undeliverable (last " + WINDOW + ")";
        if (failed > 0) {
            return HealthResult.critical(counts);
        }
        if (!retrying.isEmpty()) {
            return HealthResult.warning(counts + "; last SMTP error: " + retrying.get(0).lastError().orElse("unknown"));
        }
        return HealthResult.ok(counts);
    }
}
