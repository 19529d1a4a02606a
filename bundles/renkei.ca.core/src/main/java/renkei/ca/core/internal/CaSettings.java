// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import renkei.ca.core.LicensePolicy;
import renkei.ca.core.SubjectRules;
import renkei.platform.SiteConfig;

/**
 * The CA's site configuration, read once from {@code renkei.properties} ({@code ca.*} keys) so
 * that every CA component parses it the same way and a typo fails at start-up with the key's name.
 * Secrets (the PKCS#12 passphrase {@code ca.key.passphrase}, the token PIN {@code ca.pkcs11.pin})
 * are in the secret store, never here.
 *
 * @param caSubject          subject of the CA certificate made by the key ceremony
 * @param keyStoreType       {@code pkcs12} or {@code pkcs11}
 * @param pkcs11SlotListIndex which token of the PKCS#11 module holds the CA key; the JDK's SunPKCS11 selects tokens by
 *                           position or slot ID, never by label, so the label is only shown to operators
 * @param mailIssued         CA-07 recipients of issuance mail by the holder's mail domain; key {@code *} for every domain
 * @param crlReissueBefore   CA-08: the scheduler signs a new CRL when the newest is this close to nextUpdate (at most 7 days)
 * @param crlAlarmMargin     health turns critical when the published CRL is this close to nextUpdate
 * @param caCertAlarmMargin  health warns when the CA certificate is this close to expiry
 * @param mailLocale         language of CA-07 issuance notices and CA-15 expiry reminders ({@code ca.mail.locale}, default ja)
 */
public record CaSettings(String caSubject, SubjectRules subjectRules, String crlDistributionPoint, String keyStoreType,
        Path keyFile, Optional<String> pkcs11Library, String pkcs11TokenLabel,
        int pkcs11SlotListIndex, Duration maxActivation, LicensePolicy licensePolicy,
        int minPassphraseLength, Path repositoryDirectory, Optional<Path> cpsDocument, String repositoryUrl,
        Map<String, List<String>> mailIssued, List<String> adminRecipients, Duration hostReminder, Duration clientReminder,
        Duration crlReissueBefore, Duration crlAlarmMargin, Duration caCertAlarmMargin, java.util.Locale mailLocale) {

    public static final String PASSPHRASE_SECRET = "ca.key.passphrase";
    public static final String PIN_SECRET = "ca.pkcs11.pin";
    private static final String MAIL_ISSUED = "ca.mail.issued.";

    public static CaSettings from(SiteConfig config) {
        String home = config.home().root().toString();
        Duration reissue = config.getDuration("ca.crl.reissueBefore", Duration.ofDays(7));
        if (reissue.compareTo(Duration.ofDays(7)) < 0) {
            // CA-08: re-issue no later than 7 days before expiry, so a shorter configured lead is raised to 7 days.
            reissue = Duration.ofDays(7);
        }
        Map<String, List<String>> mail = new LinkedHashMap<>();
        config.properties().stringPropertyNames().stream().filter(k -> k.startsWith(MAIL_ISSUED)).sorted()
                .forEach(k -> mail.put(k.substring(MAIL_ISSUED.length()).toLowerCase(java.util.Locale.ROOT), list(config.get(k, ""))));
        String crlUrl = config.get("ca.crl.url", "https://ca.example.ac.jp/repository/ca.crl");
        return new CaSettings(
                config.get("ca.subject", "/C=JP/O=HPCI/OU=Renkei Demo/CN=Renkei Demo CA"),
                new SubjectRules(config.get("ca.dn.base", "/C=JP/O=HPCI/OU=Renkei"),
                        config.get("ca.client.cn.format", SubjectRules.DEFAULT_CLIENT_FORMAT)),
                crlUrl,
                keyStoreType(config.get("ca.key.store", "pkcs12")),
                Path.of(config.get("ca.key.file", home + "/ca/ca.p12")),
                Optional.ofNullable(config.get("ca.pkcs11.library", null)),
                config.get("ca.pkcs11.token", "renkei-ca"),
                config.getInt("ca.pkcs11.slotListIndex", 0),
                config.getDuration("ca.activation.max", Duration.ofHours(8)),
                new LicensePolicy(config.getInt("ca.license.maxObtained", 5), config.getInt("ca.license.maxHeld", 1),
                        config.getDuration("ca.license.validity", Duration.ofDays(14)),
                        list(config.get("ca.license.rules", "")).stream().map(LicensePolicy.AttributeRule::parse).toList()),
                config.getInt("ca.passphrase.minLength", 12),
                Path.of(config.get("ca.repository.dir", home + "/ca/repository")),
                Optional.ofNullable(config.get("ca.repository.cps", null)).map(Path::of),
                config.get("ca.repository.url", crlUrl.substring(0, Math.max(0, crlUrl.lastIndexOf('/')))),
                Map.copyOf(mail),
                list(config.get("ca.mail.admins", "")),
                config.getDuration("ca.reminder.host", Duration.ofDays(30)),
                config.getDuration("ca.reminder.client", Duration.ofDays(30)),
                reissue,
                config.getDuration("ca.alarm.crl.margin", Duration.ofDays(5)),
                config.getDuration("ca.alarm.cacert.margin", Duration.ofDays(365)),
                java.util.Locale.forLanguageTag(config.get("ca.mail.locale", "ja")));
    }

    /** Recipients of issuance mail for a holder whose address is in {@code mailDomain} (subdomains match). */
    public List<String> issuedRecipients(String mailDomain) {
        String domain = mailDomain.toLowerCase(java.util.Locale.ROOT);
        while (true) {
            List<String> found = mailIssued.get(domain);
            if (found != null) {
                return found;
            }
            int dot = domain.indexOf('.');
            if (dot < 0) {
                return mailIssued.getOrDefault("*", List.of());
            }
            domain = domain.substring(dot + 1);
        }
    }

    private static String keyStoreType(String value) {
        if (!value.equals("pkcs12") && !value.equals("pkcs11")) {
            throw new IllegalArgumentException("Configuration ca.key.store must be pkcs12 or pkcs11, got: " + value);
        }
        return value;
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
