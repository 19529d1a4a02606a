// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

import java.util.Objects;

/** A rendered mail to one recipient, ready to be queued. */
public record MailMessage(String recipient, String subject, String body) {

    public MailMessage {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        if (!recipient.contains("@")) {
            throw new IllegalArgumentException("Not a mail address: " + recipient);
        }
    }
}
