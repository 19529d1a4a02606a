// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.mail;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import renkei.platform.SecretStore;
import renkei.platform.SiteConfig;

/**
 * How outgoing mail is sent: SMTP server, sender, retry limit and which recipient domains need
 * ISO-2022-JP (older Japanese mail systems and phones that show UTF-8 mail as garbage).
 *
 * @param iso2022jpDomains lower-case domains; a recipient in one of them or in a subdomain gets ISO-2022-JP
 * @param maxAttempts      delivery attempts before a mail is given up as failed
 * @param timeout          connect, read and write timeout of the SMTP connection
 * @param operatorLocale   language of the feed item that reports an undeliverable mail
 */
public record MailSettings(String host, int port, String from, boolean startTls, Optional<String> user,
        Optional<String> password, List<String> iso2022jpDomains, int maxAttempts, Duration timeout,
        Locale operatorLocale) {

    public static final String UTF_8 = "UTF-8";
    /** Java and MIME name of the 7-bit Japanese encoding. */
    public static final String ISO_2022_JP = "ISO-2022-JP";

    public static final int DEFAULT_MAX_ATTEMPTS = 20;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public MailSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(operatorLocale, "operatorLocale");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SMTP port must be 1…65535, got " + port);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("mail.maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("SMTP timeout must be positive, got " + timeout);
        }
        iso2022jpDomains = iso2022jpDomains.stream().map(MailSettings::normaliseDomain).filter(d -> !d.isEmpty()).toList();
    }

    /**
     * Reads {@code mail.smtp.host}, {@code mail.smtp.port}, {@code mail.from}, {@code mail.smtp.starttls},
     * {@code mail.smtp.user}, {@code mail.iso2022jp.domains} (comma-separated), {@code mail.maxAttempts},
     * {@code mail.smtp.timeoutMs} and {@code mail.operatorLocale}; the password is secret {@code mail.smtp.password}.
     */
    public static MailSettings from(SiteConfig config, SecretStore secrets) {
        String domains = config.get("mail.iso2022jp.domains", "");
        return new MailSettings(
                config.get("mail.smtp.host", "localhost"),
                config.getInt("mail.smtp.port", 25),
                config.get("mail.from", "renkei@localhost"),
                config.getBoolean("mail.smtp.starttls", false),
                Optional.ofNullable(config.get("mail.smtp.user", null)),
                secrets.get("mail.smtp.password").filter(p -> !p.isEmpty()),
                Arrays.asList(domains.split(",")),
                config.getInt("mail.maxAttempts", DEFAULT_MAX_ATTEMPTS),
                Duration.ofMillis(config.getInt("mail.smtp.timeoutMs", (int) DEFAULT_TIMEOUT.toMillis())),
                Locale.forLanguageTag(config.get("mail.operatorLocale", "en")));
    }

    /** UTF-8, or ISO-2022-JP when the address's domain is, or is below, a configured domain. */
    public String charsetFor(String address) {
        int at = address.lastIndexOf('@');
        String domain = normaliseDomain(address.substring(at + 1));
        for (String configured : iso2022jpDomains) {
            if (domain.equals(configured) || domain.endsWith("." + configured)) {
                return ISO_2022_JP;
            }
        }
        return UTF_8;
    }

    private static String normaliseDomain(String domain) {
        String trimmed = domain.strip().toLowerCase(Locale.ROOT);
        // Accept "@example.jp" and ".example.jp" as people write them in configuration files.
        while (trimmed.startsWith("@") || trimmed.startsWith(".")) {
            trimmed = trimmed.substring(1);
        }
        // Fully qualified "example.jp." is the same domain.
        while (trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    /** Never shows the password: settings end up in logs and error messages. */
    @Override
    public String toString() {
        return "MailSettings[host=" + host + ", port=" + port + ", from=" + from + ", startTls=" + startTls + ", user="
                + user.orElse("-") + ", password=" + (password.isPresent() ? "***" : "-") + ", iso2022jpDomains="
                + iso2022jpDomains + ", maxAttempts=" + maxAttempts + ", timeout=" + timeout + ", operatorLocale="
                + operatorLocale.toLanguageTag() + "]";
    }
}
