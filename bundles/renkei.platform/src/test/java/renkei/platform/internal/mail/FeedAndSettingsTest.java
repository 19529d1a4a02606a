// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import renkei.platform.MailMessage;
import renkei.platform.Notification;
import renkei.platform.NotificationService;
import renkei.platform.Severity;
import renkei.platform.internal.JdbcDatabase;
import renkei.platform.testsupport.TestDatabases;
import renkei.platform.testsupport.MutableClock;
import renkei.platform.internal.mail.MailTestSupport.MemorySecretStore;

/** The console feed, and the settings that decide how mail is encoded. */
class FeedAndSettingsTest {

    private final MutableClock clock = new MutableClock(MailTestSupport.START);
    private final JdbcDatabase database = TestDatabases.h2Migrated();
    private final List<Notification> announced = new ArrayList<>();
    private final JdbcNotificationService service = new JdbcNotificationService(database,
            MailTestSupport.settings(25, Map.of("mail.iso2022jp.domains", " docomo.ne.jp, @EZweb.ne.jp ,.softbank.ne.jp.")),
            clock, announced::add);

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void feedIsNewestFirstAndKeepsJapanese() {
        Notification first = service.post(Severity.INFO, "ca", "証明書を発行しました", "利用者: 山田太郎\nライセンスID: ABC-123");
        clock.advance(Duration.ofSeconds(30));
        Notification second = service.post(Severity.WARNING, "gfarm", "ディスク使用率が 90% を超えました", "gfsd01: /data 91%");
        clock.advance(Duration.ofSeconds(30));
        Notification third = service.post(Severity.CRITICAL, "traffic", "回線断", "SINET 接続が切れています");

        assertEquals(List.of(third, second, first), service.feed(10));
        assertEquals(List.of(third, second), service.feed(2));
        assertEquals("証明書を発行しました", service.feed(10).get(2).title());
        assertEquals("利用者: 山田太郎\nライセンスID: ABC-123", service.feed(10).get(2).body());
        assertEquals(List.of(first, second, third), announced, "each item is announced once, in order");
    }

    @Test
    void feedSinceReturnsOnlyLaterItems() {
        Notification first = service.post(Severity.INFO, "ca", "一件目", "");
        clock.advance(Duration.ofMinutes(1));
        Notification second = service.post(Severity.INFO, "ca", "二件目", "");
        clock.advance(Duration.ofMinutes(1));
        Notification third = service.post(Severity.INFO, "ca", "三件目", "");

        assertEquals(List.of(third, second), service.feedSince(first.createdAt(), 10), "since is exclusive");
        assertEquals(List.of(third), service.feedSince(first.createdAt(), 1));
        assertEquals(List.of(), service.feedSince(third.createdAt(), 10));
        assertEquals(List.of(third, second, first), service.feedSince(Instant.EPOCH, 10));
    }

    @Test
    void feedEventsGoToEventAdminWhileBound() {
        List<Event> posted = new ArrayList<>();
        EventAdmin admin = recordingEventAdmin(posted);
        FeedEventPublisher publisher = new FeedEventPublisher();
        JdbcNotificationService withEvents = new JdbcNotificationService(database, MailTestSupport.settings(25), clock, publisher);

        withEvents.post(Severity.INFO, "ca", "バインド前", "");
        publisher.bind(admin);
        Notification item = withEvents.post(Severity.WARNING, "ca", "バインド後", "本文");
        publisher.unbind(recordingEventAdmin(new ArrayList<>()));
        withEvents.post(Severity.INFO, "ca", "別サービスの unbind 後", "");
        publisher.unbind(admin);
        withEvents.post(Severity.INFO, "ca", "unbind 後", "");

        assertEquals(2, posted.size());
        assertEquals(NotificationService.TOPIC_FEED, posted.get(0).getTopic());
        assertEquals(item.id(), posted.get(0).getProperty("id"));
        assertEquals("WARNING", posted.get(0).getProperty("severity"));
        assertEquals("バインド後", posted.get(0).getProperty("title"));
    }

    @Test
    void charsetFollowsRecipientDomainIncludingSubdomains() {
        MailSettings settings = MailTestSupport.settings(25,
                Map.of("mail.iso2022jp.domains", " docomo.ne.jp, @EZweb.ne.jp ,.softbank.ne.jp."));
        assertEquals(List.of("docomo.ne.jp", "ezweb.ne.jp", "softbank.ne.jp"), settings.iso2022jpDomains());
        assertEquals("ISO-2022-JP", settings.charsetFor("taro@docomo.ne.jp"));
        assertEquals("ISO-2022-JP", settings.charsetFor("taro@DoCoMo.ne.jp"));
        assertEquals("ISO-2022-JP", settings.charsetFor("taro@mail.docomo.ne.jp"));
        assertEquals("ISO-2022-JP", settings.charsetFor("taro@ezweb.ne.jp"));
        assertEquals("ISO-2022-JP", settings.charsetFor("taro@i.softbank.ne.jp"));
        assertEquals("UTF-8", settings.charsetFor("taro@notdocomo.ne.jp"), "a suffix is not a subdomain");
        assertEquals("UTF-8", settings.charsetFor("taro@docomo.ne.jp.example.com"));
        assertEquals("UTF-8", settings.charsetFor("taro@example.ac.jp"));
        assertEquals("UTF-8", MailTestSupport.settings(25).charsetFor("taro@docomo.ne.jp"), "UTF-8 when nothing is configured");
    }

    @Test
    void queuedMailRecordsCharsetChosenForRecipient() {
        long jis = service.queueMail(new MailMessage("Hanako <hanako@mail.docomo.ne.jp>", "件名", "本文"));
        long utf8 = service.queueMail(new MailMessage("taro@example.ac.jp", "件名", "本文"));
        assertEquals("ISO-2022-JP", charset(jis));
        assertEquals("UTF-8", charset(utf8));
        assertThrows(IllegalArgumentException.class, () -> service.queueMail(new MailMessage("a b@@example", "s", "b")));
    }

    @Test
    void settingsDefaultsAndSecretPassword() {
        MemorySecretStore secrets = new MemorySecretStore();
        MailSettings defaults = MailSettings.from(MailTestSupport.siteConfig(Map.of()), secrets);
        assertEquals("localhost", defaults.host());
        assertEquals(25, defaults.port());
        assertEquals("renkei@localhost", defaults.from());
        assertFalse(defaults.startTls());
        assertEquals(Optional.empty(), defaults.user());
        assertEquals(Optional.empty(), defaults.password());
        assertEquals(20, defaults.maxAttempts());
        assertEquals(Duration.ofSeconds(10), defaults.timeout());
        assertEquals(Locale.ENGLISH, defaults.operatorLocale());

        secrets.put("mail.smtp.password", "s3cret!");
        MailSettings configured = MailSettings.from(MailTestSupport.siteConfig(Map.of("mail.smtp.host", "smtp.example.jp",
                "mail.smtp.port", "587", "mail.smtp.starttls", "true", "mail.smtp.user", "renkei", "mail.maxAttempts", "5",
                "mail.smtp.timeoutMs", "2500")), secrets);
        assertEquals(587, configured.port());
        assertTrue(configured.startTls());
        assertEquals(Optional.of("renkei"), configured.user());
        assertEquals(Optional.of("s3cret!"), configured.password());
        assertEquals(5, configured.maxAttempts());
        assertEquals(Duration.ofMillis(2500), configured.timeout());
        assertFalse(configured.toString().contains("s3cret!"), "the password must never reach a log line");

        assertThrows(IllegalArgumentException.class,
                () -> MailSettings.from(MailTestSupport.siteConfig(Map.of("mail.maxAttempts", "0")), secrets));
    }

    private String charset(long id) {
        return service.mailQueue(10).stream().filter(s -> s.id() == id).findFirst().orElseThrow().charset();
    }

    private static EventAdmin recordingEventAdmin(List<Event> posted) {
        return new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                posted.add(event);
            }

            @Override
            public void sendEvent(Event event) {
                posted.add(event);
            }
        };
    }
}
