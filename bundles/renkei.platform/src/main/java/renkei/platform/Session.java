// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

import java.time.Instant;
import java.util.Optional;

/**
 * Proof that an operator authenticated; passed to core services that check permissions.
 * Only {@link IdentityService} creates sessions. A session opened by {@link IdentityService#authenticate}
 * carries a token: the handle by which a later call (another CLI process, a remote console) names
 * it. A server never trusts a session object sent by a client: it looks the token up with
 * {@link IdentityService#resume(String)}, which reloads the account.
 *
 * @param secondFactor whether a TOTP code was verified at login
 * @param token        bearer handle of a stored session; empty for {@link #system()}
 */
public record Session(Operator operator, Instant authenticatedAt, boolean secondFactor, Optional<String> token) {

    public Session {
        token = token == null ? Optional.empty() : token;
    }

    /** A session without a token, for in-process callers and tests. */
    public Session(Operator operator, Instant authenticatedAt, boolean secondFactor) {
        this(operator, authenticatedAt, secondFactor, Optional.empty());
    }

    public String username() {
        return operator.username();
    }

    /** Roles joined for audit records, e.g. {@code CA_OPERATOR,HELP_DESK}. */
    public String rolesText() {
        return String.join(",", operator.roles().stream().map(Enum::name).sorted().toList());
    }

    /** The pseudo-session for work done by the system itself (scheduler, migrations). */
    public static Session system() {
        return new Session(new Operator("system", "System", Optional.empty(), Optional.empty(),
                java.util.EnumSet.allOf(Role.class), false, true), Instant.EPOCH, true);
    }

    /** Never prints the token: sessions end up in logs and exception messages. */
    @Override
    public String toString() {
        return "Session[" + operator.username() + " " + rolesText() + " since " + authenticatedAt
                + (secondFactor ? " +totp" : "") + (token.isPresent() ? " token=…" : "") + "]";
    }
}
