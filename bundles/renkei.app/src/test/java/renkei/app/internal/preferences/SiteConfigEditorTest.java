// SPDX-License-Identifier: EPL-2.0
package renkei.app.internal.preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Applying the Preferences page's changes to the site configuration. */
class SiteConfigEditorTest {

    @Test
    void changesReplaceValuesBlanksRemoveKeysAndOtherKeysStay() {
        Properties base = new Properties();
        base.setProperty("db.url", "jdbc:h2:file:${home}/db/renkei");
        base.setProperty("mail.smtp.port", "25");
        base.setProperty("site.example.dns.hosts", "localhost");
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("mail.smtp.port", " 2525 ");
        changes.put("db.url", "");
        changes.put("mail.from", "ops@example.ac.jp");

        Properties result = SiteConfigEditor.apply(base, changes);

        assertEquals("2525", result.getProperty("mail.smtp.port"));
        assertFalse(result.containsKey("db.url"));
        assertEquals("ops@example.ac.jp", result.getProperty("mail.from"));
        assertEquals("localhost", result.getProperty("site.example.dns.hosts"));
        assertEquals("jdbc:h2:file:${home}/db/renkei", base.getProperty("db.url"), "the input is not modified");
    }

    @Test
    void passwordsAreSecretsNeverFileKeys() {
        SiteConfigEditor.KEYS.stream().filter(key -> key.name().endsWith("password"))
                .forEach(key -> assertEquals(true, key.secret(), key.name()));
    }
}
