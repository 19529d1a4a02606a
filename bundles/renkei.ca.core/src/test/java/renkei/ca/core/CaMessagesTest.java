// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CaMessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+\\}");
    // CaException.of("key", …), caused(e, "key", …) and NotAuthorisedException.of("key", …) in the sources.
    private static final Pattern USE = Pattern.compile("(?:\\bof|\\bcaused)\\((?:\\w+, )?\"([a-z]+\\.[A-Za-z]+)\"");

    private Locale saved;

    @BeforeEach
    void saveLocale() {
        saved = Locale.getDefault();
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndPlaceholders() throws IOException {
        Properties english = load("messages.properties");
        Properties japanese = load("messages_ja.properties");
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(japanese.stringPropertyNames()));
        for (String key : english.stringPropertyNames()) {
            assertEquals(placeholders(english.getProperty(key)), placeholders(japanese.getProperty(key)), key);
            assertFalse(japanese.getProperty(key).equals(english.getProperty(key)), key + " is not translated");
        }
    }

    @Test
    void everyKeyTheSourcesUseExists() throws IOException {
        Properties english = load("messages.properties");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = USE.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        assertTrue(used.size() > 50, "found only " + used);
        used.removeAll(english.stringPropertyNames());
        assertEquals(Set.of(), used, "keys used but missing from messages.properties");
    }

    @Test
    void messageStaysEnglishUnderAJapaneseDefaultLocale() {
        Locale.setDefault(Locale.JAPAN);
        CaException refusal = CaException.of("key.notActivated");
        assertEquals("The CA key is not activated; two CA operators must activate it", refusal.getMessage());
        assertEquals("CA 鍵が活性化されていません。2 名の CA オペレーターが活性化する必要があります", refusal.getLocalizedMessage());
    }

    @Test
    void argumentsFillTheTextLiterally() {
        Locale.setDefault(Locale.ENGLISH);
        // No digit grouping and apostrophes kept, as the text read before it had keys.
        assertEquals("CSR is too large (70000 bytes, at most 65536)", CaException.of("csr.tooLarge", 70000, 65536).getMessage());
        CaException cn = CaException.of("issue.cnInUse", "host01.example.ac.jp", "0A1B");
        assertEquals("CN 'host01.example.ac.jp' is already used by valid certificate 0A1B", cn.getMessage());
        assertEquals(cn.getMessage(), cn.getLocalizedMessage());
        assertEquals("Unknown revocation reason '{x}'; use one of [A]", CaException.of("revoke.unknownReason", "{x}", "[A]").getMessage());
    }

    @Test
    void realRefusalsReadInJapaneseAndStayEnglishForTheLog() {
        Locale.setDefault(Locale.JAPANESE);
        CaException address = assertThrows(CaException.class, () -> SubjectRules.hostCommonName("192.0.2.1"));
        assertEquals("Host CN must be a name, not an IP address: 192.0.2.1", address.getMessage());
        assertEquals("ホスト CN には IP アドレスではなくホスト名を指定してください: 192.0.2.1", address.getLocalizedMessage());
        CaException reason = assertThrows(CaException.class, () -> RevocationReason.byName("stolen"));
        assertTrue(reason.getMessage().startsWith("Unknown revocation reason 'stolen'; use one of ["), reason.getMessage());
        assertTrue(reason.getLocalizedMessage().startsWith("失効理由 'stolen' は不明です"), reason.getLocalizedMessage());
        // The exception's own toString, which logs print, follows the locale too; only getMessage is fixed.
        assertTrue(address.toString().contains("IP アドレス"), address.toString());
    }

    @Test
    void unknownLanguageFallsBackToEnglish() {
        Locale.setDefault(Locale.GERMAN);
        CaException refusal = CaException.of("csr.badSignature");
        assertEquals(refusal.getMessage(), refusal.getLocalizedMessage());
        assertEquals("CSR signature does not verify (the request was altered or not signed by its key)", refusal.getMessage());
    }

    @Test
    void untranslatedMessagesAreTheirOwnLocalisedText() {
        Locale.setDefault(Locale.JAPANESE);
        CaException plain = new CaException("Cannot encode the CA certificate: boom");
        assertEquals(plain.getMessage(), plain.getLocalizedMessage());
        assertEquals(null, plain.key());
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = CaException.class.getResourceAsStream(name)) {
            assertTrue(in != null, name + " is not on the class path");
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
