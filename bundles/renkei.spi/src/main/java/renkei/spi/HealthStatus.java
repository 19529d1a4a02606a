// SPDX-License-Identifier: EPL-2.0
package renkei.spi;

/**
 * Severity of a source's health, ordered from good to bad so that {@code compareTo} ranks them.
 *
 * @since 1.0
 */
public enum HealthStatus {
    OK, UNKNOWN, WARNING, CRITICAL;

    /** The worse of two statuses. */
    public HealthStatus worst(HealthStatus other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
