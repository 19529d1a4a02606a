// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.key;

import java.time.Duration;
import java.time.Instant;

import renkei.ca.core.CaException;
import renkei.ca.core.CaKeyService;
import renkei.platform.Role;
import renkei.platform.Session;

/**
 * CA-12 dual control: the key ceremony and every activation need two different CA operators, each
 * logged in with password and TOTP within {@link CaKeyService#FRESH_LOGIN}, so that a session left
 * open on a console cannot be used as the second person.
 *
 * <p>Stateless and thread-safe.
 */
final class DualControl {

    private DualControl() {
    }

    /** @throws CaException naming the first rule the pair breaks */
    static void check(Session first, Session second, Instant now) {
        if (first == null || second == null) {
            throw new CaException("Two CA operators must log in");
        }
        requireOperator(first, now);
        requireOperator(second, now);
        if (first.username().equals(second.username())) {
            throw new CaException("Two different CA operators are required; " + first.username() + " cannot be both");
        }
    }

    /** One CA operator acting alone (deactivation): the role is enough, a stale login is not refused. */
    static void requireRole(Session session) {
        if (session == null) {
            throw new CaException("A CA operator must log in");
        }
        if (!session.operator().roles().contains(Role.CA_OPERATOR)) {
            throw new CaException(session.username() + " is not a CA operator");
        }
    }

    private static void requireOperator(Session session, Instant now) {
        requireRole(session);
        if (!session.secondFactor()) {
            throw new CaException(session.username() + " did not log in with a TOTP code");
        }
        Duration since = Duration.between(session.authenticatedAt(), now);
        if (since.compareTo(CaKeyService.FRESH_LOGIN) > 0) {
            throw new CaException(session.username() + " logged in " + since.toMinutes() + " minutes ago; log in again (at most "
                    + CaKeyService.FRESH_LOGIN.toMinutes() + " minutes before)");
        }
    }
}
