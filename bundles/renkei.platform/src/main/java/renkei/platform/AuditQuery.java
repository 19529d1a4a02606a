// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

import java.time.Instant;
import java.util.Optional;

/**
 * Filter for reading the audit log; empty fields match everything. Newest records come first.
 */
public record AuditQuery(Optional<String> category, Optional<String> actor, Optional<String> actionPrefix,
        Optional<Instant> from, Optional<Instant> to, int limit) {

    public static AuditQuery latest(int limit) {
        return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }

    public AuditQuery inCategory(String value) {
        return new AuditQuery(Optional.of(value), actor, actionPrefix, from, to, limit);
    }

    public AuditQuery byActor(String value) {
        return new AuditQuery(category, Optional.of(value), actionPrefix, from, to, limit);
    }

    public AuditQuery actionStartingWith(String value) {
        return new AuditQuery(category, actor, Optional.of(value), from, to, limit);
    }
}
