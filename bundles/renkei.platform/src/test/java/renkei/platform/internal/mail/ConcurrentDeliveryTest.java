// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.internet.MimeMessage;

import renkei.platform.MailMessage;
import renkei.platform.MailStatus;
import renkei.platform.internal.JdbcDatabase;
import renkei.platform.internal.PlatformSchema;
import renkei.platform.testsupport.MutableClock;

/** Two "servers" (own connection pools and services) deliver from one database at the same time. */
class ConcurrentDeliveryTest {

    private static final int MAILS = 40;
    private static final int WORKERS_PER_SERVER = 2;

    @Test
    void everyMailIsDeliveredExactlyOnce() throws Exception {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        GreenMail smtp = MailTestSupport.startSmtp(MailTestSupport.freePort());
        ExecutorService workers = Executors.newFixedThreadPool(2 * WORKERS_PER_SERVER);
        try (JdbcDatabase serverA = new JdbcDatabase(url, "sa", ""); JdbcDatabase serverB = new JdbcDatabase(url, "sa", "")) {
            serverA.migrate(PlatformSchema.migrations());
            MutableClock clock = new MutableClock(MailTestSupport.START);
            MailSettings settings = MailTestSupport.settings(smtp.getSmtp().getPort());
            JdbcNotificationService a = new JdbcNotificationService(serverA, settings, clock);
            JdbcNotificationService b = new JdbcNotificationService(serverB, settings, clock);

            for (int i = 0; i < MAILS; i++) {
                (i % 2 == 0 ? a : b).queueMail(new MailMessage("user" + i + "@example.ac.jp", "通知 " + i, "本文 " + i));
            }

            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (JdbcNotificationService server : List.of(a, b)) {
                for (int w = 0; w < WORKERS_PER_SERVER; w++) {
                    runs.add(workers.submit(() -> {
                        start.await();
                        return server.deliverDue();
                    }));
                }
            }
            start.countDown();
            int sent = 0;
            for (Future<Integer> run : runs) {
                sent += run.get(60, TimeUnit.SECONDS);
            }

            assertEquals(MAILS, sent, "the runs together report each mail once");
            assertTrue(smtp.waitForIncomingEmail(10_000, MAILS));
            Thread.sleep(200); // a duplicate would arrive just after the expected ones
            Map<String, Integer> received = new HashMap<>();
            for (MimeMessage message : smtp.getReceivedMessages()) {
                received.merge(message.getSubject(), 1, Integer::sum);
            }
            assertEquals(MAILS, received.size());
            received.forEach((subject, count) -> assertEquals(1, count, subject + " arrived " + count + " times"));
            assertTrue(a.mailQueue(MAILS).stream().allMatch(s -> s.state() == MailStatus.State.SENT && s.attempts() == 1));
            assertEquals(0, a.deliverDue() + b.deliverDue());
        } finally {
            workers.shutdownNow();
            smtp.stop();
        }
    }
}
