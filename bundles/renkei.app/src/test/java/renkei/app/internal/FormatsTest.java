// SPDX-License-Identifier: EPL-2.0
package renkei.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import renkei.spi.HealthStatus;

/** The texts the Dashboard shows for times and errors (English message bundle). */
class FormatsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @BeforeAll
    static void english() {
        // Before the first message is loaded: NLS picks its bundle from the default locale once.
        Locale.setDefault(Locale.ENGLISH);
    }

    @Test
    void durationsShowTheirTwoLargestUnits() {
        assertEquals(NLS_EN.days(3, 4), Formats.duration(Duration.ofDays(3).plusHours(4).plusMinutes(59)));
        assertEquals(NLS_EN.hours(2, 5), Formats.duration(Duration.ofHours(2).plusMinutes(5)));
        assertEquals(NLS_EN.minutes(7), Formats.duration(Duration.ofMinutes(7).plusSeconds(30)));
        assertEquals(NLS_EN.seconds(42), Formats.duration(Duration.ofSeconds(42)));
    }

    @Test
    void expiryCountsDownAndThenSaysHowLongAgo() {
        assertEquals(Formats.NONE, Formats.expiry(Optional.empty(), NOW));
        String left = Formats.expiry(Optional.of(NOW.plus(Duration.ofDays(14))), NOW);
        String expired = Formats.expiry(Optional.of(NOW.minus(Duration.ofHours(2))), NOW);
        assertTrue(left.contains(Formats.duration(Duration.ofDays(14))), left);
        assertTrue(expired.contains(Formats.duration(Duration.ofHours(2))), expired);
        assertTrue(!left.equals(expired));
    }

    @Test
    void relativeTimesKnowPastFromFuture() {
        assertTrue(!Formats.relative(NOW.plusSeconds(90), NOW).equals(Formats.relative(NOW.minusSeconds(90), NOW)));
    }

    @Test
    void exceptionsShowEveryDistinctCause() {
        Exception error = new IllegalStateException("Health check failed",
                new java.io.IOException("Connection refused", new java.io.IOException("Connection refused")));
        assertEquals("Health check failed \u2190 Connection refused", Formats.describe(error));
        assertEquals("NullPointerException", Formats.describe(new NullPointerException()));
    }

    @Test
    void everyStatusHasAText() {
        for (HealthStatus status : HealthStatus.values()) {
            assertTrue(!Formats.status(status).isBlank() && !Formats.status(status).startsWith("NLS missing"), status.name());
        }
    }

    /** The English patterns, so the test states what an operator reads. */
    private static final class NLS_EN {
        static String days(long d, long h) {
            return d + " d " + h + " h";
        }

        static String hours(long h, long m) {
            return h + " h " + m + " min";
        }

        static String minutes(long m) {
            return m + " min";
        }

        static String seconds(long s) {
            return s + " s";
        }
    }
}
