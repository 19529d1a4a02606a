// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

import java.util.Objects;

/**
 * What a caller asks the audit log to record: who (actor and the role they acted in), what action
 * on which target, and with what result. The log adds the time, sequence and hash link.
 *
 * @param category retention category, see {@link AuditCategory}
 */
public record AuditEntry(String category, String actor, String actorRole, String action, String target,
        AuditResult result, String detail) {

    public AuditEntry {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(result, "result");
        actorRole = actorRole == null ? "" : actorRole;
        target = target == null ? "" : target;
        detail = detail == null ? "" : detail;
    }

    /** An entry in the general operations category. */
    public static AuditEntry of(String actor, String actorRole, String action, String target, AuditResult result, String detail) {
        return new AuditEntry(AuditCategory.GENERAL.id(), actor, actorRole, action, target, result, detail);
    }
}
