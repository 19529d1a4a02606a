// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.ops;

import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import renkei.ca.core.IssuedCertificate;
import renkei.ca.core.internal.CaSettings;
import renkei.ca.core.internal.IssuanceListener;
import renkei.platform.NotificationService;
import renkei.platform.SiteConfig;

/**
 * CA-07: queues the {@code ca.issued} mail to the recipients configured for the holder's mail
 * domain ({@code ca.mail.issued.<domain>}, falling back to {@code ca.mail.issued.*}).
 *
 * <p>Thread-safe and never throws: the certificate is already issued when this runs, and a broken
 * address or an unreachable mail queue must not turn that into an error for the requester.
 */
@Component(service = IssuanceListener.class)
public final class IssuanceMail implements IssuanceListener {

    private static final Logger LOG = Logger.getLogger(IssuanceMail.class.getName());
    static final String TEMPLATE = "ca.issued";

    private final NotificationService notifications;
    private final CaSettings settings;

    @Activate
    public IssuanceMail(@Reference NotificationService notifications, @Reference SiteConfig config) {
        this(notifications, CaSettings.from(config));
    }

    public IssuanceMail(NotificationService notifications, CaSettings settings) {
        this.notifications = notifications;
        this.settings = settings;
    }

    @Override
    public void issued(IssuedCertificate certificate) {
        String domain = CertificateMail.domainOf(certificate);
        Locale locale = settings.mailLocale();
        Map<String, String> values = CertificateMail.values(certificate, locale);
        values.put("domain", domain.isEmpty() ? "*" : domain);
        for (String recipient : settings.issuedRecipients(domain)) {
            try {
                notifications.queueTemplated(recipient, locale, TEMPLATE, values);
            } catch (IllegalArgumentException e) {
                LOG.warning(() -> "Issuance notice for certificate " + certificate.serialHex() + " to " + recipient
                        + " not queued: " + e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Issuance notice for certificate " + certificate.serialHex() + " to " + recipient
                        + " not queued", e);
            }
        }
    }
}
