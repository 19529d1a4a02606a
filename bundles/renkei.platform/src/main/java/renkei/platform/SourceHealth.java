// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import renkei.spi.HealthStatus;

/**
 * The one shape every monitored source has, whatever it is (a health check, a periodic job, a
 * metadata feed): when it last succeeded, when it runs next, what it watches expire, and its last
 * error with the real cause.
 *
 * @param kind                "check" for {@code HealthCheck}s, "job" for periodic tasks
 * @param consecutiveFailures runs that failed since the last success
 */
public record SourceHealth(String sourceId, String displayName, String kind, HealthStatus status, String summary,
        Optional<Instant> lastRun, Optional<Instant> lastSuccess, Optional<Instant> nextRun, Optional<Instant> expiresAt,
        Optional<String> lastError, Optional<String> lastErrorCause, Optional<Instant> lastErrorAt, int consecutiveFailures) {

    /** Time left until {@link #expiresAt()}, negative once expired. */
    public Optional<Duration> expiresIn(Instant now) {
        return expiresAt.map(at -> Duration.between(now, at));
    }
}
