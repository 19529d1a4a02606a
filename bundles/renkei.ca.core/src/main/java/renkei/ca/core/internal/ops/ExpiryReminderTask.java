// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import renkei.ca.core.CaService;
import renkei.ca.core.CertificateProfile;
import renkei.ca.core.CertificateQuery;
import renkei.ca.core.IssuedCertificate;
import renkei.ca.core.internal.CaSettings;
import renkei.platform.Database;
import renkei.platform.NotificationService;
import renkei.platform.Session;
import renkei.platform.Severity;
import renkei.platform.SiteConfig;
import renkei.spi.PeriodicTask;

/**
 * CA-15 expiry reminders, daily: every valid certificate whose notAfter is within
 * {@code ca.reminder.host} (host and service certificates, renewed yearly) or
 * {@code ca.reminder.client} gets one {@code ca.expiry} mail to its holder and to
 * {@code ca.mail.admins}, and one console feed item. Once per certificate, across servers, through
 * {@link ReminderLedger}.
 *
 * <p>Who the holder is: certificates carry no mail address, so a client's ePPN is taken as its
 * holder's address (ePPNs of the HPCI IdPs are mail-shaped, but an IdP whose ePPN is not a mailbox
 * leaves only the admins informed), and a host or service certificate's holder is whoever receives
 * issuance notices for its domain (CA-07).
 *
 * <p>Run by the scheduler, never concurrently with itself; {@link #run()} blocks on the database.
 */
@Component(service = PeriodicTask.class)
public final class ExpiryReminderTask implements PeriodicTask {

    static final String FEED_SOURCE = "ca.reminder";
    static final String TEMPLATE = "ca.expiry";
    static final String STAGE = "expiry";

    private static final Logger LOG = Logger.getLogger(ExpiryReminderTask.class.getName());
    /** Far above the certificates expiring in any one window at CA-13's scale (10,000 users). */
    private static final int LIMIT = 100_000;

    private final Function<CertificateQuery, List<IssuedCertificate>> search;
    private final NotificationService notifications;
    private final ReminderLedger ledger;
    private final CaSettings settings;
    private final Clock clock;

    @Activate
    public ExpiryReminderTask(@Reference CaService ca, @Reference NotificationService notifications,
            @Reference Database database, @Reference SiteConfig config) {
        this(query -> ca.search(Session.system(), query), notifications, database, CaSettings.from(config), Clock.systemUTC());
    }

    /** @param search the CA's certificate search, e.g. {@code CertificateAuthority::search} */
    public ExpiryReminderTask(Function<CertificateQuery, List<IssuedCertificate>> search, NotificationService notifications,
            Database database, CaSettings settings, Clock clock) {
        this.search = search;
        this.notifications = notifications;
        this.ledger = new ReminderLedger(database);
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "ca.reminder.expiry";
    }

    @Override
    public String displayName() {
        return "Certificate expiry reminders";
    }

    @Override
    public Duration interval() {
        return Duration.ofDays(1);
    }

    @Override
    public void run() {
        Instant now = clock.instant();
        int reminded = 0;
        for (CertificateProfile profile : CertificateProfile.values()) {
            Duration lead = profile == CertificateProfile.CLIENT ? settings.clientReminder() : settings.hostReminder();
            for (IssuedCertificate certificate : search.apply(CertificateQuery.all(LIMIT).withProfile(profile)
                    .expiringBefore(now.plus(lead)))) {
                if (ledger.claim(certificate.serialHex(), STAGE, now)) {
                    remind(certificate, now);
                    reminded++;
                }
            }
        }
        ledger.purgeBefore(now.minus(ReminderLedger.RETENTION));
        int count = reminded;
        LOG.fine(() -> count + " expiry reminders raised");
    }

    private void remind(IssuedCertificate certificate, Instant now) {
        try {
            Set<String> sentTo = mail(certificate, now);
            notifications.post(Severity.WARNING, FEED_SOURCE, feedTitle(certificate),
                    "Serial " + certificate.serialHex() + ", " + certificate.subjectDn() + ". "
                            + (sentTo.isEmpty() ? "No mail recipient is configured (ca.mail.admins, ca.mail.issued.*)."
                                    : "Reminder mailed to " + String.join(", ", sentTo) + "."));
        } catch (RuntimeException e) {
            // The queue or feed is unreachable: forget the claim so the next run raises the reminder after all.
            ledger.release(certificate.serialHex(), STAGE);
            throw e;
        }
    }

    /** @return the recipients whose mail was queued */
    private Set<String> mail(IssuedCertificate certificate, Instant now) {
        Locale locale = settings.mailLocale();
        Map<String, String> values = CertificateMail.values(certificate, locale);
        values.put("remaining", CertificateMail.remaining(Duration.between(now, certificate.notAfter()), locale));
        Set<String> queued = new LinkedHashSet<>();
        for (String recipient : recipients(certificate)) {
            try {
                notifications.queueTemplated(recipient, locale, TEMPLATE, values);
                queued.add(recipient);
            } catch (IllegalArgumentException e) {
                // A bad address (an ePPN that is no mailbox) costs only that mail.
                LOG.log(Level.WARNING, "Expiry reminder for " + certificate.serialHex() + " to " + recipient
                        + " not queued: " + e.getMessage());
            }
        }
        return queued;
    }

    private Set<String> recipients(IssuedCertificate certificate) {
        Set<String> recipients = new LinkedHashSet<>();
        if (certificate.profile() == CertificateProfile.CLIENT) {
            certificate.eppn().ifPresent(recipients::add);
        } else {
            recipients.addAll(settings.issuedRecipients(CertificateMail.domainOf(certificate)));
        }
        recipients.addAll(settings.adminRecipients());
        return recipients;
    }

    private static String feedTitle(IssuedCertificate certificate) {
        String kind = CertificateMail.profileName(certificate.profile(), Locale.ENGLISH);
        return Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " certificate " + certificate.commonName()
                + " expires on " + CertificateMail.time(certificate.notAfter());
    }
}
