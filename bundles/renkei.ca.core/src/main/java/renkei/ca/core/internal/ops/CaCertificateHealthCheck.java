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

import renkei.ca.core.CaKeyService;
import renkei.ca.core.KeyStatus;
import renkei.ca.core.internal.CaSettings;
import renkei.platform.SiteConfig;
import renkei.spi.AbstractHealthCheck;
import renkei.spi.HealthCheck;
import renkei.spi.HealthResult;
import renkei.spi.HealthStatus;

/**
 * Health source {@code ca.certificate}: warning when the CA certificate is within
 * {@code ca.alarm.cacert.margin} of expiry (a new CA takes months to roll out to every site),
 * critical once it has expired, and a warning while the signing key is not activated, because
 * issuance and the scheduled CRL re-issue are refused then. Counts down to the CA's notAfter.
 *
 * <p>Called by the platform's health scheduler, never concurrently with itself.
 */
@Component(service = HealthCheck.class)
public final class CaCertificateHealthCheck extends AbstractHealthCheck {

    private final Supplier<KeyStatus> keyStatus;
    private final Duration margin;
    private final Clock clock;

    @Activate
    public CaCertificateHealthCheck(@Reference CaKeyService keys, @Reference SiteConfig config) {
        this(keys::status, CaSettings.from(config).caCertAlarmMargin(), Clock.systemUTC());
    }

    public CaCertificateHealthCheck(Supplier<KeyStatus> keyStatus, Duration margin, Clock clock) {
        super("ca.certificate", "CA certificate and signing key", Duration.ofMinutes(15));
        this.keyStatus = keyStatus;
        this.margin = margin;
        this.clock = clock;
    }

    @Override
    public HealthResult check() {
        KeyStatus status = keyStatus.get();
        if (!status.initialised() || status.caNotAfter().isEmpty()) {
            return HealthResult.warning("No CA yet: the key ceremony has not taken place");
        }
        Instant now = clock.instant();
        Instant notAfter = status.caNotAfter().get();
        Duration left = Duration.between(now, notAfter);
        String until = CertificateMail.time(notAfter);
        HealthStatus severity;
        String certificate;
        if (!now.isBefore(notAfter)) {
            severity = HealthStatus.CRITICAL;
            certificate = "CA certificate expired at " + until;
        } else if (left.compareTo(margin) <= 0) {
            severity = HealthStatus.WARNING;
            certificate = "CA certificate expires in " + CertificateMail.remaining(left, Locale.ENGLISH) + " (" + until + ")";
        } else {
            severity = HealthStatus.OK;
            certificate = "CA certificate valid until " + until;
        }
        String key;
        if (status.isActive(now)) {
            key = "key active until " + CertificateMail.time(status.activeUntil().get()) + " (" + String.join(", ", status.activatedBy()) + ")";
        } else {
            severity = severity.worst(HealthStatus.WARNING);
            key = "key not activated: issuance and CRL re-issue are refused";
        }
        return new HealthResult(severity, certificate + "; " + key, Optional.of(notAfter));
    }
}
