// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;

import renkei.platform.MailMessage;
import renkei.platform.internal.JdbcDatabase;
import renkei.platform.testsupport.MutableClock;
import renkei.platform.testsupport.TestDatabases;
import renkei.spi.HealthResult;
import renkei.spi.HealthStatus;

class MailQueueHealthCheckTest {

    @Test
    void reportsRetryingThenUndeliverableThenRecovered() {
        int port = MailTestSupport.freePort();
        MutableClock clock = new MutableClock(MailTestSupport.START);
        try (JdbcDatabase database = TestDatabases.h2Migrated()) {
            JdbcNotificationService service = new JdbcNotificationService(database,
                    MailTestSupport.settings(port, Map.of("mail.maxAttempts", "2")), clock);
            MailQueueHealthCheck check = new MailQueueHealthCheck(service);
            assertEquals(HealthStatus.OK, check.check().status());

            service.queueMail(new MailMessage("yamada@example.ac.jp", "通知", "本文"));
            service.deliverDue();
            HealthResult retrying = check.check();
            assertEquals(HealthStatus.WARNING, retrying.status(), retrying.summary());
            assertTrue(retrying.summary().contains("1 retrying"), retrying.summary());
            assertTrue(retrying.summary().contains("last SMTP error"), retrying.summary());

            clock.advance(Duration.ofHours(1));
            service.deliverDue();
            assertEquals(HealthStatus.CRITICAL, check.check().status(), "given up after mail.maxAttempts");

            GreenMail smtp = MailTestSupport.startSmtp(port);
            try {
                service.queueMail(new MailMessage("suzuki@example.ac.jp", "復旧", "本文"));
                service.deliverDue();
                assertEquals(1, smtp.getReceivedMessages().length);
            } finally {
                smtp.stop();
            }
            assertTrue(check.check().summary().startsWith("0 queued, 0 retrying, 1 undeliverable"), check.check().summary());
        }
    }
}
