// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

import java.time.Instant;

/** One stored audit record with its position in its category's hash chain. */
public record AuditRecord(long id, String category, long seq, String actor, String actorRole, Instant occurredAt,
        String action, String target, AuditResult result, String detail, String prevHash, String hash) {
}
