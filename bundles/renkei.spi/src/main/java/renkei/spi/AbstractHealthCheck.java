// SPDX-License-Identifier: EPL-2.0
package renkei.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * Convenience base for {@link HealthCheck}s whose identity and schedule are fixed at construction.
 *
 * @since 1.0
 */
public abstract class AbstractHealthCheck implements HealthCheck {

    private final String id;
    private final String displayName;
    private final Duration interval;

    protected AbstractHealthCheck(String id, String displayName, Duration interval) {
        this.id = Objects.requireNonNull(id, "id");
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        this.interval = interval;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String displayName() {
        return displayName;
    }

    @Override
    public final Duration interval() {
        return interval;
    }
}
