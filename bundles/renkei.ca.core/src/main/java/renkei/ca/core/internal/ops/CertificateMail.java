// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.ops;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import renkei.ca.core.CertificateProfile;
import renkei.ca.core.IssuedCertificate;

/**
 * What CA mail and feed items say about a certificate: its mail domain, template placeholder values
 * and the few words that differ by language. Stateless.
 */
final class CertificateMail {

    /** One zone for every text, so a mail and the feed item about the same event agree. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private CertificateMail() {
    }

    /**
     * CA-07's "mail domain" of a holder: a client's ePPN scope, a host's FQDN without the host label,
     * a service's likewise ({@code ldap/host01.example.ac.jp} → {@code example.ac.jp}). Empty when a
     * client has no ePPN, and for an operator, whose CN is a user name.
     */
    static String domainOf(IssuedCertificate certificate) {
        if (certificate.profile() == CertificateProfile.OPERATOR) {
            return "";
        }
        if (certificate.profile() == CertificateProfile.CLIENT) {
            String eppn = certificate.eppn().orElse("");
            return eppn.substring(eppn.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        }
        String fqdn = certificate.commonName().substring(certificate.commonName().indexOf('/') + 1);
        return fqdn.substring(fqdn.indexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    /** Placeholders shared by the {@code ca.issued} and {@code ca.expiry} templates. */
    static Map<String, String> values(IssuedCertificate certificate, Locale locale) {
        Map<String, String> values = new HashMap<>();
        values.put("commonName", certificate.commonName());
        values.put("profile", profileName(certificate.profile(), locale));
        values.put("subjectDn", certificate.subjectDn());
        values.put("serial", certificate.serialHex());
        values.put("notBefore", time(certificate.notBefore()));
        values.put("notAfter", time(certificate.notAfter()));
        values.put("hpciId", certificate.hpciId().orElse("-"));
        values.put("eppn", certificate.eppn().orElse("-"));
        values.put("issuedBy", certificate.issuedBy());
        return values;
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    static String profileName(CertificateProfile profile, Locale locale) {
        boolean japanese = locale.getLanguage().equals("ja");
        return switch (profile) {
            case CLIENT -> japanese ? "クライアント" : "client";
            case HOST -> japanese ? "ホスト" : "host";
            case SERVICE -> japanese ? "サービス" : "service";
            case SERVER -> japanese ? "サーバー" : "server";
            case OPERATOR -> japanese ? "オペレーター" : "operator";
        };
    }

    /** Whole days when at least one is left, else hours or minutes: enough for a reminder. */
    static String remaining(Duration left, Locale locale) {
        boolean japanese = locale.getLanguage().equals("ja");
        if (left.toDays() >= 1) {
            return left.toDays() + (japanese ? " 日" : left.toDays() == 1 ? " day" : " days");
        }
        if (left.toHours() >= 1) {
            return left.toHours() + (japanese ? " 時間" : left.toHours() == 1 ? " hour" : " hours");
        }
        long minutes = Math.max(0, left.toMinutes());
        return minutes + (japanese ? " 分" : minutes == 1 ? " minute" : " minutes");
    }
}
