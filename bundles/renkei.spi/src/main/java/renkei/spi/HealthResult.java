// SPDX-License-Identifier: EPL-2.0
package renkei.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Outcome of one {@link HealthCheck} run.
 *
 * @param status    severity
 * @param summary   one line for the operator, e.g. "3 hosts resolved, slowest 42 ms"
 * @param expiresAt when something the source watches runs out (a CRL's nextUpdate, a
 *                  certificate's notAfter); the Dashboard shows a countdown to it
 * @since 1.0
 */
public record HealthResult(HealthStatus status, String summary, Optional<Instant> expiresAt) {

    public HealthResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public static HealthResult ok(String summary) {
        return new HealthResult(HealthStatus.OK, summary, Optional.empty());
    }

    public static HealthResult warning(String summary) {
        return new HealthResult(HealthStatus.WARNING, summary, Optional.empty());
    }

    public static HealthResult critical(String summary) {
        return new HealthResult(HealthStatus.CRITICAL, summary, Optional.empty());
    }

    /** The same result with an expiry the Dashboard counts down to. */
    public HealthResult expiringAt(Instant instant) {
        return new HealthResult(status, summary, Optional.of(instant));
    }
}
