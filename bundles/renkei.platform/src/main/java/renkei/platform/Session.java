// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

import java.time.Instant;

/**
 * Proof that an operator authenticated; passed to core services that check permissions.
 * Only {@link IdentityService} creates sessions.
 *
 * @param secondFactor whether a TOTP code was verified at login
 */
public record Session(Operator operator, Instant authenticatedAt, boolean secondFactor) {

    public String username() {
        return operator.username();
    }

    /** Roles joined for audit records, e.g. {@code CA_OPERATOR,HELP_DESK}. */
    public String rolesText() {
        return String.join(",", operator.roles().stream().map(Enum::name).sorted().toList());
    }

    /** The pseudo-session for work done by the system itself (scheduler, migrations). */
    public static Session system() {
        return new Session(new Operator("system", "System", java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.EnumSet.allOf(Role.class), false, true), Instant.EPOCH, true);
    }
}
