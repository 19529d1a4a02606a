// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

import java.time.Instant;

/** One item of the console's notification feed. */
public record Notification(long id, Instant createdAt, Severity severity, String source, String title, String body) {
}
