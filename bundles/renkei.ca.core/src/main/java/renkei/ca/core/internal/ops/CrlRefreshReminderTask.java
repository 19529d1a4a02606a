// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import renkei.ca.core.CaService;
import renkei.ca.core.SignedCrl;
import renkei.ca.core.internal.CaSettings;
import renkei.platform.Database;
import renkei.platform.NotificationService;
import renkei.platform.Severity;
import renkei.platform.SiteConfig;
import renkei.spi.PeriodicTask;

/**
 * CA-15: once a month a console feed item reminds the operators that resource sites must fetch
 * the current CRL. The task runs daily so a month is not missed while servers are down; the
 * ledger keeps it to one item per month however many servers run it.
 *
 * <p>Months follow the clock's zone (the server's default zone in production), so the reminder
 * appears on the first of the month as the operators count it.
 */
@Component(service = PeriodicTask.class)
public final class CrlRefreshReminderTask implements PeriodicTask {

    static final String KEY = "crl-refresh";

    private final Supplier<Optional<SignedCrl>> latestCrl;
    private final NotificationService notifications;
    private final ReminderLedger ledger;
    private final String repositoryUrl;
    private final Clock clock;

    @Activate
    public CrlRefreshReminderTask(@Reference CaService ca, @Reference NotificationService notifications,
            @Reference Database database, @Reference SiteConfig config) {
        this(ca::latestCrl, notifications, database, CaSettings.from(config), Clock.systemDefaultZone());
    }

    public CrlRefreshReminderTask(Supplier<Optional<SignedCrl>> latestCrl, NotificationService notifications, Database database,
            CaSettings settings, Clock clock) {
        this.latestCrl = latestCrl;
        this.notifications = notifications;
        this.ledger = new ReminderLedger(database);
        this.repositoryUrl = settings.repositoryUrl();
        this.clock = clock;
    }

    @Override
    public String id() {
        return "ca.reminder.crlRefresh";
    }

    @Override
    public String displayName() {
        return "Monthly CRL refresh reminder";
    }

    @Override
    public Duration interval() {
        return Duration.ofDays(1);
    }

    @Override
    public void run() {
        YearMonth month = YearMonth.now(clock);
        if (!ledger.claim(KEY, month.toString(), clock.instant())) {
            return;
        }
        try {
            String current = latestCrl.get()
                    .map(crl -> "The current CRL is number " + crl.number() + ", valid until " + CertificateMail.time(crl.nextUpdate()) + ".")
                    .orElse("The CA has not issued a CRL yet.");
            notifications.post(Severity.INFO, ExpiryReminderTask.FEED_SOURCE, "Monthly CRL refresh (" + month + ")",
                    "Ask the resource sites to fetch the current CRL from " + repositoryUrl + " (CA-15). " + current);
        } catch (RuntimeException e) {
            ledger.release(KEY, month.toString());
            throw e;
        }
    }
}
