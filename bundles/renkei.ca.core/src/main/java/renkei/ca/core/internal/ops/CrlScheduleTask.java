// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import renkei.ca.core.CaException;
import renkei.ca.core.CaService;
import renkei.ca.core.SignedCrl;
import renkei.ca.core.internal.CaSettings;
import renkei.platform.NotificationService;
import renkei.platform.Session;
import renkei.platform.Severity;
import renkei.platform.SiteConfig;
import renkei.spi.PeriodicTask;

/**
 * CA-08 schedule: hourly, signs a new CRL when there is none or the newest is within
 * {@code ca.crl.reissueBefore} (at least 7 days) of its nextUpdate. Revocations re-issue the CRL
 * themselves; this keeps a quiet CA's CRL from running out.
 *
 * <p>When signing is refused (most often: the key is not activated) the run fails with that cause,
 * so the scheduler shows it as the task's last error, and a critical feed item tells the CA
 * operators, once per distinct cause rather than every hour. Before the key ceremony there is
 * nothing to sign and the task does nothing.
 *
 * <p>Run by the scheduler, never concurrently with itself.
 */
@Component(service = PeriodicTask.class)
public final class CrlScheduleTask implements PeriodicTask {

    static final String FEED_SOURCE = "ca.crl";

    private static final Logger LOG = Logger.getLogger(CrlScheduleTask.class.getName());

    private final CaService ca;
    private final NotificationService notifications;
    private final Duration reissueBefore;
    private final Clock clock;
    /** Last failure already posted to the feed; only touched by {@link #run()}, which never overlaps itself. */
    private volatile String postedFailure;

    @Activate
    public CrlScheduleTask(@Reference CaService ca, @Reference NotificationService notifications, @Reference SiteConfig config) {
        this(ca, notifications, CaSettings.from(config).crlReissueBefore(), Clock.systemUTC());
    }

    public CrlScheduleTask(CaService ca, NotificationService notifications, Duration reissueBefore, Clock clock) {
        this.ca = ca;
        this.notifications = notifications;
        this.reissueBefore = reissueBefore;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "ca.crl.schedule";
    }

    @Override
    public String displayName() {
        return "CRL re-issue";
    }

    @Override
    public Duration interval() {
        return Duration.ofHours(1);
    }

    /** Whether a CRL must be signed at {@code now}. */
    boolean due(Optional<SignedCrl> latest, Instant now) {
        return latest.map(crl -> !now.isBefore(crl.nextUpdate().minus(reissueBefore))).orElse(true);
    }

    @Override
    public void run() {
        if (!caExists()) {
            return;
        }
        Optional<SignedCrl> latest = ca.latestCrl();
        if (!due(latest, clock.instant())) {
            return;
        }
        try {
            SignedCrl crl = ca.issueCrl(Session.system());
            LOG.info(() -> "CRL " + crl.number() + " issued, valid until " + crl.nextUpdate());
            if (postedFailure != null) {
                notifications.post(Severity.INFO, FEED_SOURCE, "CRL re-issued",
                        "CRL number " + crl.number() + " was signed, valid until " + CertificateMail.time(crl.nextUpdate()) + ".");
                postedFailure = null;
            }
        } catch (CaException e) {
            String cause = String.valueOf(e.getMessage());
            if (!cause.equals(postedFailure)) {
                notifications.post(Severity.CRITICAL, FEED_SOURCE, "CRL could not be re-issued",
                        cause + " " + latest.map(crl -> "The current CRL (number " + crl.number() + ") runs out at "
                                + CertificateMail.time(crl.nextUpdate()) + ".").orElse("No CRL has been issued yet."));
                postedFailure = cause;
            }
            throw new IllegalStateException("CRL re-issue failed: " + cause, e);
        }
    }

    private boolean caExists() {
        try {
            ca.caCertificate();
            return true;
        } catch (CaException e) {
            return false;
        }
    }
}
