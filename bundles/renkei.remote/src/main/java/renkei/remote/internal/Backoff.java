// SPDX-License-Identifier: EPL-2.0
package renkei.remote.internal;

import java.time.Duration;

/**
 * Waits between attempts to reach the server: the first wait, doubled after every failure up to a
 * ceiling, and back to the first after a success, so a restarted server is found within the
 * ceiling and a server that is down is not hammered.
 *
 * <p>Not thread-safe: each retrying thread owns one.
 */
final class Backoff {

    /** What the connected client uses: 1 s doubling to 15 s. */
    static Backoff standard() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(15));
    }

    private final Duration first;
    private final Duration ceiling;
    private Duration next;

    Backoff(Duration first, Duration ceiling) {
        if (first.isNegative() || first.isZero() || ceiling.compareTo(first) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < first <= ceiling, got " + first + " and " + ceiling);
        }
        this.first = first;
        this.ceiling = ceiling;
        this.next = first;
    }

    /** The wait before the next attempt; the one after it is twice as long, up to the ceiling. */
    Duration next() {
        Duration wait = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(ceiling) > 0 ? ceiling : doubled;
        return wait;
    }

    /** After a success: the next failure waits the first wait again. */
    void reset() {
        next = first;
    }
}
