// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import renkei.platform.MailStatus;
import renkei.platform.internal.JdbcDatabase;
import renkei.platform.testsupport.MutableClock;
import renkei.platform.testsupport.TestDatabases;

class MailTemplatesTest {

    private static final Map<String, String> ALARM = Map.of("source", "gfarm-mds", "status", "CRITICAL",
            "summary", "メタデータサーバーが応答しません");

    private final MailTemplates templates = new MailTemplates();

    @Test
    void rendersEnglish() {
        MailTemplates.Text text = templates.render(Locale.ENGLISH, "health.alarm", ALARM);
        assertEquals("[Renkei Console] gfarm-mds is CRITICAL", text.subject());
        assertTrue(text.body().startsWith("Source gfarm-mds is CRITICAL: メタデータサーバーが応答しません\n"), text.body());
    }

    @Test
    void rendersJapanese() {
        MailTemplates.Text text = templates.render(Locale.JAPAN, "health.alarm", ALARM);
        assertEquals("【連携コンソール】gfarm-mds の状態が CRITICAL になりました", text.subject());
        assertTrue(text.body().contains("監視対象 gfarm-mds の状態が CRITICAL になりました。"), text.body());
        assertTrue(text.body().contains("概要: メタデータサーバーが応答しません"), text.body());
    }

    @Test
    void everyTemplateExistsInBothLanguages() {
        Map<String, Map<String, String>> values = Map.of(
                "test", Map.of("operator", "admin"),
                "health.alarm", ALARM,
                "mail.undeliverable", Map.of("recipient", "a@example.jp", "subject", "件名", "attempts", "20", "error", "refused"),
                "ca.issued", Map.of("commonName", "Taro Yamada hpci000123", "profile", "client", "subjectDn", "C=JP,CN=x",
                        "serial", "1A", "notBefore", "2026-04-01 09:00 UTC", "notAfter", "2027-05-01 09:00 UTC",
                        "hpciId", "hpci000123", "eppn", "taro@example.ac.jp", "issuedBy", "ca-alice", "domain", "example.ac.jp"),
                "ca.expiry", Map.of("commonName", "host01.example.ac.jp", "profile", "host", "subjectDn", "C=JP,CN=x",
                        "serial", "1A", "notAfter", "2027-05-01 09:00 UTC", "remaining", "30 days", "hpciId", "-", "eppn", "-"));
        Charset iso2022jp = Charset.forName("ISO-2022-JP");
        values.forEach((id, placeholders) -> {
            MailTemplates.Text english = templates.render(Locale.ENGLISH, id, placeholders);
            MailTemplates.Text japanese = templates.render(Locale.JAPANESE, id, placeholders);
            assertTrue(english.subject().startsWith("[Renkei Console]"), english.subject());
            assertTrue(japanese.subject().startsWith("【連携コンソール】"), japanese.subject());
            assertTrue(!english.body().contains("{") && !japanese.body().contains("{"), "all placeholders filled in " + id);
            // Japanese templates go to ISO-2022-JP domains too, so they must not lose characters there.
            assertTrue(iso2022jp.newEncoder().canEncode(japanese.subject() + japanese.body()), id + " must encode as ISO-2022-JP");
        });
    }

    @Test
    void englishRecipientGetsEnglishEvenOnJapaneseServer() {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.JAPAN);
        try {
            assertEquals("[Renkei Console] Test mail", templates.render(Locale.ENGLISH, "test", Map.of("operator", "x")).subject());
            assertEquals("[Renkei Console] Test mail", templates.render(Locale.FRENCH, "test", Map.of("operator", "x")).subject());
            assertEquals("[Renkei Console] Test mail", templates.render(null, "test", Map.of("operator", "x")).subject());
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void unknownPlaceholderIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> templates.render(Locale.JAPANESE, "health.alarm", Map.of("source", "x", "status", "y")));
        assertTrue(e.getMessage().contains("{summary}"), e.getMessage());
        assertTrue(e.getMessage().contains("health.alarm"), e.getMessage());
    }

    @Test
    void unknownTemplateIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> templates.render(Locale.ENGLISH, "no.such.template", Map.of()));
        assertTrue(e.getMessage().contains("Unknown mail template 'no.such.template'"), e.getMessage());
        assertTrue(e.getMessage().contains("health.alarm"), "lists the known ones: " + e.getMessage());
    }

    @Test
    void valuesAreInsertedLiterally() {
        MailTemplates.Text text = templates.render(Locale.ENGLISH, "health.alarm",
                Map.of("source", "{status}", "status", "$1 \\ OK", "summary", "s"));
        assertEquals("[Renkei Console] {status} is $1 \\ OK", text.subject());
    }

    @Test
    void queueTemplatedStoresRenderedMailWithRecipientCharset() {
        try (JdbcDatabase database = TestDatabases.h2Migrated()) {
            JdbcNotificationService service = new JdbcNotificationService(database,
                    MailTestSupport.settings(25, Map.of("mail.iso2022jp.domains", "ezweb.ne.jp")), new MutableClock(MailTestSupport.START));
            service.queueTemplated("user@ezweb.ne.jp", Locale.JAPANESE, "health.alarm", ALARM);
            MailStatus queued = service.mailQueue(1).get(0);
            assertEquals("【連携コンソール】gfarm-mds の状態が CRITICAL になりました", queued.subject());
            assertEquals("ISO-2022-JP", queued.charset());
            assertEquals(MailStatus.State.QUEUED, queued.state());
            assertThrows(IllegalArgumentException.class,
                    () -> service.queueTemplated("user@ezweb.ne.jp", Locale.JAPANESE, "health.alarm", Map.of()));
            assertEquals(1, service.mailQueue(10).size(), "a failed render queues nothing");
        }
    }
}
