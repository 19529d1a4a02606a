// SPDX-License-Identifier: EPL-2.0
package renkei.spi;

import java.time.Duration;

/**
 * A monitored source contributed by a domain or site bundle: register an implementation with
 * {@code @Component(service = HealthCheck.class)} and the platform runs it on its schedule and
 * shows the outcome on the Dashboard in the same "source health" shape as every other source.
 *
 * <p>Threading: {@link #check()} is called from a scheduler thread, never from the UI thread, and
 * never concurrently with itself on one instance. It may block (network, disk) but should honour
 * {@link #timeout()}.
 *
 * @since 1.0
 */
public interface HealthCheck {

    /** Stable identifier, e.g. {@code site.example.dns}; used as the key of the stored health. */
    String id();

    /** Human-readable name shown on the Dashboard (already localised by the bundle). */
    String displayName();

    /** How often the check runs. */
    Duration interval();

    /** How long one run may take before the platform reports it as failed. */
    default Duration timeout() {
        return Duration.ofSeconds(60);
    }

    /**
     * Runs the check once.
     *
     * @return the outcome; a check that cannot reach its source should throw, so the cause is
     *         recorded as the source's last error
     * @throws Exception when the source could not be checked at all
     */
    HealthResult check() throws Exception;
}
