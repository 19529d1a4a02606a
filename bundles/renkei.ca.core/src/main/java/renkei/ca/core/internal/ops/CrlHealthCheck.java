// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import renkei.ca.core.CaService;
import renkei.ca.core.SignedCrl;
import renkei.ca.core.internal.CaSettings;
import renkei.platform.SiteConfig;
import renkei.spi.AbstractHealthCheck;
import renkei.spi.HealthCheck;
import renkei.spi.HealthResult;

/**
 * Health source {@code ca.crl}: critical when there is no CRL, or the newest is within
 * {@code ca.alarm.crl.margin} of its nextUpdate or past it, since relying parties then start
 * refusing every certificate; ok otherwise. The result counts down to nextUpdate.
 *
 * <p>Called by the platform's health scheduler, never concurrently with itself.
 */
@Component(service = HealthCheck.class)
public final class CrlHealthCheck extends AbstractHealthCheck {

    private final Supplier<Optional<SignedCrl>> latestCrl;
    private final Duration margin;
    private final Clock clock;

    @Activate
    public CrlHealthCheck(@Reference CaService ca, @Reference SiteConfig config) {
        this(ca::latestCrl, CaSettings.from(config).crlAlarmMargin(), Clock.systemUTC());
    }

    public CrlHealthCheck(Supplier<Optional<SignedCrl>> latestCrl, Duration margin, Clock clock) {
        super("ca.crl", "CA certificate revocation list", Duration.ofMinutes(15));
        this.latestCrl = latestCrl;
        this.margin = margin;
        this.clock = clock;
    }

    @Override
    public HealthResult check() {
        Optional<SignedCrl> latest = latestCrl.get();
        if (latest.isEmpty()) {
            return HealthResult.critical("No CRL has been issued yet");
        }
        SignedCrl crl = latest.get();
        Instant now = clock.instant();
        Duration left = Duration.between(now, crl.nextUpdate());
        String what = "CRL " + crl.number() + " (" + crl.revokedCount() + " revoked)";
        String until = CertificateMail.time(crl.nextUpdate());
        HealthResult result;
        if (!now.isBefore(crl.nextUpdate())) {
            result = HealthResult.critical(what + " expired at " + until + "; relying parties refuse certificates now");
        } else if (left.compareTo(margin) <= 0) {
            result = HealthResult.critical(what + " runs out in " + CertificateMail.remaining(left, Locale.ENGLISH) + " (" + until
                    + ") and has not been re-issued");
        } else {
            result = HealthResult.ok(what + " valid until " + until);
        }
        return result.expiringAt(crl.nextUpdate());
    }
}
