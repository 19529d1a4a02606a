// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

import java.time.Instant;
import java.util.Optional;

/** Delivery state of one queued mail. */
public record MailStatus(long id, String recipient, String subject, String charset, State state, int attempts,
        Instant nextAttemptAt, Optional<String> lastError) {

    /** Queue states: queued mails are retried with back-off until sent or given up. */
    public enum State {
        QUEUED, SENT, FAILED
    }
}
