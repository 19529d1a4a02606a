// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import renkei.ca.core.IssuedCertificate;
import renkei.ca.core.RevocationReason;
import renkei.ca.core.internal.CaSettings;
import renkei.ca.core.internal.CertificateAuthority;
import renkei.ca.core.internal.OpsFixtures;
import renkei.platform.MailStatus;
import renkei.platform.Notification;
import renkei.platform.NotificationService;
import renkei.platform.Severity;
import renkei.platform.standalone.StandalonePlatform;
import renkei.ca.core.internal.TestConfig;
import renkei.ca.core.internal.TestClock;

/** CA-15 expiry reminders on a real H2 database and mail queue, with the clock moved by hand. */
class ExpiryReminderTaskTest {

    private static final Instant START = Instant.parse("2026-04-01T09:00:00Z");
    private static final Map<String, String> TARO = Map.of("givenName", "Taro", "sn", "Yamada", "hpciId", "hpci000123",
            "eduPersonPrincipalName", "taro@example.ac.jp");

    private final TestClock clock = new TestClock(START);
    private StandalonePlatform platform;
    private CertificateAuthority authority;
    private CaSettings settings;
    private NotificationService notifications;

    @BeforeEach
    void setUp() {
        platform = StandalonePlatform.inMemory();
        authority = OpsFixtures.authority(platform.database(), platform.audit(), clock);
        TestConfig config = config(Map.of());
        settings = CaSettings.from(config);
        notifications = platform.notifications(config);
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    @Test
    void eachCertificateIsRemindedOnceWhenItEntersItsWindowEvenWithTwoServers() {
        IssuedCertificate host = authority.issueHost("ca-alice", "CA_OPERATOR", OpsFixtures.csrA(), "host01.example.ac.jp");
        IssuedCertificate client = authority.issueClient("ca-alice", "CA_OPERATOR", OpsFixtures.csrA(), TARO);
        ExpiryReminderTask server1 = task(notifications);
        ExpiryReminderTask server2 = task(platform.notifications(config(Map.of())));

        clock.set(host.notAfter().minus(Duration.ofDays(30)).minusSeconds(1));
        server1.run();
        assertEquals(0, notifications.mailQueue(10).size(), "a second before the 30-day window nothing is due");
        assertEquals(0, notifications.feed(10).size());

        clock.set(host.notAfter().minus(Duration.ofDays(30)));
        server1.run();
        assertEquals(Set.of("ra@example.ac.jp", "ca-admin@hpci.example.jp"), recipients());
        MailStatus toRa = mailTo("ra@example.ac.jp");
        assertEquals("【連携コンソール】証明書 host01.example.ac.jp の有効期限が近づいています（"
                + CertificateMail.time(host.notAfter()) + " まで）", toRa.subject());
        List<Notification> feed = notifications.feed(10);
        assertEquals(1, feed.size());
        assertEquals(Severity.WARNING, feed.get(0).severity());
        assertEquals(ExpiryReminderTask.FEED_SOURCE, feed.get(0).source());
        assertEquals("Host certificate host01.example.ac.jp expires on " + CertificateMail.time(host.notAfter()), feed.get(0).title());
        assertTrue(feed.get(0).body().contains("Serial " + host.serialHex()), feed.get(0).body());
        assertTrue(feed.get(0).body().contains("ra@example.ac.jp, ca-admin@hpci.example.jp"), feed.get(0).body());

        server1.run();
        server2.run();
        clock.advance(Duration.ofDays(1));
        server2.run();
        assertEquals(2, notifications.mailQueue(10).size(), "the host reminder is not repeated, by either server");
        assertEquals(1, notifications.feed(10).size());

        clock.set(client.notAfter().minus(Duration.ofDays(14)));
        server2.run();
        assertEquals(4, notifications.mailQueue(10).size());
        MailStatus toHolder = mailTo("taro@example.ac.jp");
        assertTrue(toHolder.subject().contains("Taro Yamada hpci000123"), toHolder.subject());
        assertEquals(2, notifications.feed(10).size());
        assertEquals("Client certificate Taro Yamada hpci000123 expires on " + CertificateMail.time(client.notAfter()),
                notifications.feed(1).get(0).title());
        server1.run();
        assertEquals(4, notifications.mailQueue(10).size());
    }

    @Test
    void revokedAndExpiredCertificatesAreNotReminded() {
        IssuedCertificate revoked = authority.issueHost("ca-alice", "CA_OPERATOR", OpsFixtures.csrA(), "old.example.ac.jp");
        authority.revoke("ca-alice", "CA_OPERATOR", revoked.serialHex(), RevocationReason.superseded, "req-1");
        IssuedCertificate expired = authority.issueHost("ca-alice", "CA_OPERATOR", OpsFixtures.csrA(), "gone.example.ac.jp");

        clock.set(expired.notAfter().plusSeconds(1));
        task(notifications).run();
        assertEquals(0, notifications.mailQueue(10).size());
        assertEquals(0, notifications.feed(10).size());
    }

    @Test
    void aReminderThatCouldNotBeQueuedIsRaisedByTheNextRun() {
        IssuedCertificate host = authority.issueHost("ca-alice", "CA_OPERATOR", OpsFixtures.csrA(), "host01.example.ac.jp");
        clock.set(host.notAfter().minus(Duration.ofDays(1)));
        StandalonePlatform brokenMail = StandalonePlatform.inMemory();
        NotificationService unreachable = brokenMail.notifications(config(Map.of()));
        brokenMail.close();

        assertThrows(RuntimeException.class, () -> task(unreachable).run());

        task(notifications).run();
        assertEquals(Set.of("ra@example.ac.jp", "ca-admin@hpci.example.jp"), recipients());
        assertEquals(1, notifications.feed(10).size());
    }

    @Test
    void withoutRecipientsTheFeedStillSaysSo() {
        TestConfig bare = config(Map.of("ca.mail.admins", "", "ca.mail.issued.example.ac.jp", ""));
        IssuedCertificate host = authority.issueHost("ca-alice", "CA_OPERATOR", OpsFixtures.csrA(), "host01.example.ac.jp");
        clock.set(host.notAfter().minus(Duration.ofDays(2)));
        new ExpiryReminderTask(authority::search, notifications, platform.database(), CaSettings.from(bare), clock).run();
        assertEquals(0, notifications.mailQueue(10).size());
        assertTrue(notifications.feed(1).get(0).body().contains("No mail recipient is configured"), notifications.feed(1).get(0).body());
    }

    @Test
    void remainingTimeReadsNaturally() {
        assertEquals("30 days", CertificateMail.remaining(Duration.ofDays(30).plusHours(5), java.util.Locale.ENGLISH));
        assertEquals("1 day", CertificateMail.remaining(Duration.ofHours(25), java.util.Locale.ENGLISH));
        assertEquals("5 hours", CertificateMail.remaining(Duration.ofHours(5), java.util.Locale.ENGLISH));
        assertEquals("30 日", CertificateMail.remaining(Duration.ofDays(30), java.util.Locale.JAPANESE));
        assertEquals("0 minutes", CertificateMail.remaining(Duration.ofSeconds(-5), java.util.Locale.ENGLISH));
    }

    private ExpiryReminderTask task(NotificationService service) {
        return new ExpiryReminderTask(authority::search, service, platform.database(), settings, clock);
    }

    private Set<String> recipients() {
        return notifications.mailQueue(100).stream().map(MailStatus::recipient).collect(Collectors.toSet());
    }

    private MailStatus mailTo(String recipient) {
        return notifications.mailQueue(100).stream().filter(m -> m.recipient().equals(recipient)).findFirst().orElseThrow();
    }

    private static TestConfig config(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.put("mail.smtp.host", "127.0.0.1");
        values.put("mail.from", "ca@console.example.jp");
        values.put("ca.reminder.host", "P30D");
        values.put("ca.reminder.client", "P14D");
        values.put("ca.mail.admins", "ca-admin@hpci.example.jp");
        values.put("ca.mail.issued.example.ac.jp", "ra@example.ac.jp");
        values.putAll(overrides);
        return TestConfig.of(values);
    }
}
