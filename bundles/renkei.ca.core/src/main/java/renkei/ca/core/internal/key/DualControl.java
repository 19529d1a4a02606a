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
            throw CaException.of("key.twoOperatorsLogIn");
        }
        requireOperator(first, now);
        requireOperator(second, now);
        if (first.username().equals(second.username())) {
            throw CaException.of("key.sameOperator", first.username());
        }
    }

    /** One CA operator acting alone (deactivation): the role is enough, a stale login is not refused. */
    static void requireRole(Session session) {
        if (session == null) {
            throw CaException.of("key.operatorLogIn");
        }
        if (!session.operator().roles().contains(Role.CA_OPERATOR)) {
            throw CaException.of("key.notOperator", session.username());
        }
    }

    private static void requireOperator(Session session, Instant now) {
        requireRole(session);
        if (!session.secondFactor()) {
            throw CaException.of("key.noTotp", session.username());
        }
        Duration since = Duration.between(session.authenticatedAt(), now);
        if (since.compareTo(CaKeyService.FRESH_LOGIN) > 0) {
            throw CaException.of("key.staleLogin", session.username(), since.toMinutes(), CaKeyService.FRESH_LOGIN.toMinutes());
        }
    }
}
