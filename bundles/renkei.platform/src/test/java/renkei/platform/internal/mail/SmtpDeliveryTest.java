// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import renkei.platform.MailMessage;
import renkei.platform.MailStatus;
import renkei.platform.internal.JdbcDatabase;
import renkei.platform.testsupport.TestDatabases;
import renkei.platform.testsupport.MutableClock;

/** Delivery through a real SMTP server (GreenMail on a loopback port) with an in-memory H2 queue. */
class SmtpDeliveryTest {

    private static final String SUBJECT = "【連携コンソール】証明書を発行しました（ライセンスID: ABC-123、利用者: 山田太郎）";
    /** Ends with a line break, as mail bodies do. */
    private static final String BODY = "山田太郎 様\n\nHPCI 認証局で証明書を発行しました。\n有効期限: 2027年3月31日\n\n連携コンソール運用窓口\n";

    private final MutableClock clock = new MutableClock(MailTestSupport.START);
    private final JdbcDatabase database = TestDatabases.h2Migrated();
    private GreenMail smtp;

    @AfterEach
    void tearDown() {
        if (smtp != null) {
            smtp.stop();
        }
        database.close();
    }

    @Test
    void japaneseRoundTripsAsUtf8() throws Exception {
        smtp = MailTestSupport.startSmtp(MailTestSupport.freePort());
        JdbcNotificationService service = service(MailTestSupport.settings(smtpPort(), Map.of("mail.iso2022jp.domains", "docomo.ne.jp")));

        long id = service.queueMail(new MailMessage("taro@example.ac.jp", SUBJECT, BODY));
        assertEquals(1, service.deliverDue());

        MimeMessage received = onlyReceived();
        assertEquals(SUBJECT, received.getSubject());
        assertEquals(BODY, crlfToLf((String) received.getContent()));
        assertTrue(received.getContentType().toUpperCase(Locale.ROOT).contains("CHARSET=UTF-8"), received.getContentType());
        assertTrue(rawSubject(received).contains("=?UTF-8?B?"), rawSubject(received));
        assertEquals(BODY, crlfToLf(new String(decodedBodyBytes(received), StandardCharsets.UTF_8)),
                "the body bytes on the wire must be UTF-8");
        assertEquals(MailStatus.State.SENT, status(service, id).state());
        assertEquals("UTF-8", status(service, id).charset());
    }

    @Test
    void japaneseRoundTripsAsIso2022jpForConfiguredDomain() throws Exception {
        smtp = MailTestSupport.startSmtp(MailTestSupport.freePort());
        JdbcNotificationService service = service(MailTestSupport.settings(smtpPort(), Map.of("mail.iso2022jp.domains", "docomo.ne.jp")));

        service.queueMail(new MailMessage("hanako@docomo.ne.jp", SUBJECT, BODY));
        assertEquals(1, service.deliverDue());

        MimeMessage received = onlyReceived();
        assertEquals(SUBJECT, received.getSubject());
        // GreenMail 2.1.3 stores unencoded (7bit) content without the CRLF that ends its last line,
        // taking it for part of the <CRLF>.<CRLF> terminator; what Angus sends does end with it.
        String bodyAsStored = BODY.substring(0, BODY.length() - 1);
        assertEquals(bodyAsStored, crlfToLf((String) received.getContent()));
        assertTrue(received.getContentType().toUpperCase(Locale.ROOT).contains("CHARSET=ISO-2022-JP"), received.getContentType());
        assertTrue(rawSubject(received).contains("=?ISO-2022-JP?B?"), rawSubject(received));
        assertEquals("7bit", received.getEncoding());
        byte[] wire = decodedBodyBytes(received);
        for (byte b : wire) {
            assertTrue(b >= 0, "ISO-2022-JP is 7-bit; found byte " + (b & 0xff));
        }
        assertTrue(new String(wire, StandardCharsets.US_ASCII).contains("\u001b$B"), "JIS X 0208 escape sequence expected");
        assertEquals(bodyAsStored, crlfToLf(new String(wire, Charset.forName("ISO-2022-JP"))));
    }

    @Test
    void retriesAfterServerWasDown() throws Exception {
        int port = MailTestSupport.freePort();
        JdbcNotificationService service = service(MailTestSupport.settings(port));
        Instant queuedAt = clock.instant();

        long id = service.queueMail(new MailMessage("taro@example.ac.jp", "再送テスト", "サーバー停止中に送ったメール"));
        assertEquals(0, service.deliverDue(), "nothing listens on the port yet");

        MailStatus afterFailure = status(service, id);
        assertEquals(MailStatus.State.QUEUED, afterFailure.state());
        assertEquals(1, afterFailure.attempts());
        assertTrue(afterFailure.lastError().orElseThrow().toLowerCase(Locale.ROOT).contains("connection refused"),
                afterFailure.lastError().orElseThrow());
        assertEquals(queuedAt.plus(Duration.ofMinutes(1)), afterFailure.nextAttemptAt());

        smtp = MailTestSupport.startSmtp(port);
        assertEquals(0, service.deliverDue(), "not due before the back-off has passed");
        assertEquals(0, smtp.getReceivedMessages().length);

        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, service.deliverDue());
        assertEquals(MailStatus.State.SENT, status(service, id).state());
        assertEquals(2, status(service, id).attempts());

        assertEquals(0, service.deliverDue());
        clock.advance(Duration.ofHours(2));
        assertEquals(0, service.deliverDue());
        MimeMessage received = onlyReceived();
        assertEquals("再送テスト", received.getSubject());
    }

    @Test
    void backoffGrowsCapsAtOneHourThenGivesUpWithCriticalFeedItem() {
        int port = MailTestSupport.freePort();
        JdbcNotificationService service = service(MailTestSupport.settings(port, Map.of("mail.maxAttempts", "9")));
        long id = service.queueMail(new MailMessage("nobody@example.ac.jp", "届かないメール", "本文"));

        long[] expectedWaitMinutes = { 1, 2, 4, 8, 16, 32, 60, 60 };
        for (int attempt = 1; attempt <= expectedWaitMinutes.length; attempt++) {
            Instant attemptAt = clock.instant();
            assertEquals(0, service.deliverDue());
            MailStatus status = status(service, id);
            assertEquals(MailStatus.State.QUEUED, status.state());
            assertEquals(attempt, status.attempts());
            assertEquals(Duration.ofMinutes(expectedWaitMinutes[attempt - 1]), Duration.between(attemptAt, status.nextAttemptAt()),
                    "wait after attempt " + attempt);

            clock.set(status.nextAttemptAt().minusSeconds(1));
            service.deliverDue();
            assertEquals(attempt, status(service, id).attempts(), "must not retry before next_attempt_at");
            clock.set(status.nextAttemptAt());
        }
        assertEquals(0, service.feed(10).size(), "no feed item while still retrying");

        assertEquals(0, service.deliverDue());
        MailStatus failed = status(service, id);
        assertEquals(MailStatus.State.FAILED, failed.state());
        assertEquals(9, failed.attempts());
        assertTrue(failed.lastError().orElseThrow().toLowerCase(Locale.ROOT).contains("connection refused"));

        var feed = service.feed(10);
        assertEquals(1, feed.size());
        assertEquals(renkei.platform.Severity.CRITICAL, feed.get(0).severity());
        assertEquals(JdbcNotificationService.FEED_SOURCE, feed.get(0).source());
        assertTrue(feed.get(0).title().contains("nobody@example.ac.jp could not be delivered"), feed.get(0).title());
        assertTrue(feed.get(0).body().contains("9 attempts"), feed.get(0).body());
        assertTrue(feed.get(0).body().contains("届かないメール"), feed.get(0).body());

        clock.advance(Duration.ofDays(1));
        assertEquals(0, service.deliverDue());
        assertEquals(9, status(service, id).attempts(), "a failed mail is never retried");
        assertEquals(1, service.feed(10).size());
    }

    @Test
    void backoffDoublesFromOneMinuteAndStaysAtOneHour() {
        assertEquals(Duration.ofMinutes(1), DeliveryBackoff.after(1));
        assertEquals(Duration.ofMinutes(2), DeliveryBackoff.after(2));
        assertEquals(Duration.ofMinutes(32), DeliveryBackoff.after(6));
        assertEquals(Duration.ofHours(1), DeliveryBackoff.after(7));
        assertEquals(Duration.ofHours(1), DeliveryBackoff.after(Integer.MAX_VALUE));
    }

    @Test
    void undeliverableNoticeUsesOperatorLanguage() {
        JdbcNotificationService service = service(MailTestSupport.settings(MailTestSupport.freePort(),
                Map.of("mail.maxAttempts", "1", "mail.operatorLocale", "ja")));
        service.queueMail(new MailMessage("nobody@example.ac.jp", "件名", "本文"));
        service.deliverDue();
        String title = service.feed(1).get(0).title();
        assertEquals("【連携コンソール】nobody@example.ac.jp 宛のメールを配送できませんでした", title);
    }

    @Test
    void claimLeftByCrashedProcessRunsOutAfterTenMinutes() throws Exception {
        smtp = MailTestSupport.startSmtp(MailTestSupport.freePort());
        JdbcNotificationService service = service(MailTestSupport.settings(smtpPort()));
        long id = service.queueMail(new MailMessage("taro@example.ac.jp", "件名", "本文"));

        // Another server claims the row and dies before sending.
        Instant claimedAt = clock.instant();
        new MailQueueTable(database).claim(id, claimedAt, claimedAt.plus(JdbcNotificationService.CLAIM_DURATION)).orElseThrow();
        assertEquals("SENDING", MailTestSupport.rawStatus(database, id));
        assertEquals(MailStatus.State.QUEUED, status(service, id).state(), "shown as still queued");

        clock.advance(Duration.ofMinutes(9));
        assertEquals(0, service.deliverDue(), "the claim still holds");
        clock.set(claimedAt.plus(Duration.ofMinutes(10)));
        assertEquals(1, service.deliverDue());
        assertEquals("SENT", MailTestSupport.rawStatus(database, id));
        assertEquals(0, service.deliverDue());
        onlyReceived();
    }

    @Test
    void deliveryTaskDeliversAndRestoresContextClassLoader() throws Exception {
        smtp = MailTestSupport.startSmtp(MailTestSupport.freePort());
        JdbcNotificationService service = service(MailTestSupport.settings(smtpPort()));
        MailDeliveryTask task = new MailDeliveryTask(service,
                MailTestSupport.siteConfig(Map.of("mail.deliveryInterval", "PT30S")));
        assertEquals("platform.mail.delivery", task.id());
        assertEquals(Duration.ofSeconds(30), task.interval());
        assertEquals(MailDeliveryTask.DEFAULT_INTERVAL,
                new MailDeliveryTask(service, MailTestSupport.siteConfig(Map.of())).interval());

        service.queueTemplated("taro@example.ac.jp", Locale.JAPANESE, "test", Map.of("operator", "管理者"));
        ClassLoader callers = new URLClassLoader(new URL[0], null);
        Thread.currentThread().setContextClassLoader(callers);
        try {
            task.run();
            assertSame(callers, Thread.currentThread().getContextClassLoader());
        } finally {
            Thread.currentThread().setContextClassLoader(SmtpDeliveryTest.class.getClassLoader());
        }
        assertEquals("【連携コンソール】テストメール", onlyReceived().getSubject());
    }

    private JdbcNotificationService service(MailSettings settings) {
        return new JdbcNotificationService(database, settings, clock);
    }

    private int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    private MimeMessage onlyReceived() {
        assertTrue(smtp.waitForIncomingEmail(5000, 1));
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length, "exactly one mail must arrive");
        return received[0];
    }

    private static MailStatus status(JdbcNotificationService service, long id) {
        return service.mailQueue(100).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    private static String rawSubject(MimeMessage message) throws Exception {
        return String.join(" ", message.getHeader("Subject"));
    }

    /** The body bytes as sent, with only the transfer encoding undone (no charset decoding). */
    private static byte[] decodedBodyBytes(MimeMessage message) throws Exception {
        try (InputStream raw = MimeUtility.decode(message.getRawInputStream(), message.getEncoding())) {
            return raw.readAllBytes();
        }
    }

    private static String crlfToLf(String text) {
        return text.replace("\r\n", "\n");
    }
}
