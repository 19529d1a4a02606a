// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.repository;

import java.util.Arrays;

import renkei.platform.AccessDeniedException;
import renkei.platform.AuditCategory;
import renkei.platform.AuditEntry;
import renkei.platform.AuditLog;
import renkei.platform.AuditResult;
import renkei.platform.Role;
import renkei.platform.Session;

/**
 * Role checks for the mapping store and the repository. A refusal is audited in the {@code ca}
 * category (CA-11 keeps CA records ten years, longer than the general category where
 * {@code IdentityService.require} would put it) and then thrown.
 *
 * <p>Stateless apart from the audit log; thread-safe.
 */
final class CaAccess {

    /** Changing mappings, the register or the repository. */
    static final Role[] CHANGE = { Role.CA_OPERATOR };
    /** Looking at mappings and checking a file without applying it. */
    static final Role[] READ = { Role.CA_OPERATOR, Role.CA_OFFICER, Role.OPERATIONS_OFFICE };

    private final AuditLog audit;

    CaAccess(AuditLog audit) {
        this.audit = audit;
    }

    void require(Session session, String action, String target, Role... anyOf) {
        for (Role role : anyOf) {
            if (session.operator().has(role)) {
                return;
            }
        }
        String why = "needs one of " + Arrays.toString(anyOf);
        audit.append(new AuditEntry(AuditCategory.CA.id(), session.username(), session.rolesText(), action, target,
                AuditResult.DENIED, why));
        throw new AccessDeniedException(session.username() + " may not " + action + ": " + why);
    }

    void success(Session session, String action, String target, String detail) {
        audit.append(new AuditEntry(AuditCategory.CA.id(), session.username(), session.rolesText(), action, target,
                AuditResult.SUCCESS, detail));
    }

    void failure(Session session, String action, String target, String detail) {
        audit.append(new AuditEntry(AuditCategory.CA.id(), session.username(), session.rolesText(), action, target,
                AuditResult.FAILURE, detail));
    }
}
