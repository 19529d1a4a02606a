// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.mail;

import java.time.Duration;

/**
 * Wait before the next delivery attempt: 1 min after the first failure, doubling each time, at
 * most 1 h. Short at first so a brief SMTP restart delays mail by a minute; capped so mail still
 * flows within the hour after a long outage.
 */
final class DeliveryBackoff {

    static final Duration FIRST = Duration.ofMinutes(1);
    static final Duration MAX = Duration.ofHours(1);

    private DeliveryBackoff() {
    }

    /** @param failedAttempts failures so far, including the one just recorded (1 or more) */
    static Duration after(int failedAttempts) {
        int doublings = Math.max(0, failedAttempts - 1);
        // 2^6 minutes already exceeds the cap; stopping there also keeps the shift from overflowing.
        if (doublings >= 6) {
            return MAX;
        }
        Duration wait = FIRST.multipliedBy(1L << doublings);
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
