// SPDX-License-Identifier: EPL-2.0
package renkei.remote.internal;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

import renkei.platform.AuthenticationException;
import renkei.platform.Session;

/**
 * The session whose token goes in the {@code Authorization} header of calls that name no session
 * themselves, and that the event stream is opened for: the operator of this console or CLI.
 * <ul>
 * <li>{@code IdentityService.resume(token)} always makes its session the primary one (the CLI
 * resuming its stored login, a console unlocking).</li>
 * <li>{@code authenticate} does so only while there is none: the second operator of a dual-control
 * activation logs in on the same console and must not take the console over.</li>
 * <li>{@code logout} of the primary session, and a refusal {@code SESSION_EXPIRED} or
 * {@code SESSION_INVALID} of a call that carried no other token than the primary one, clear it.</li>
 * </ul>
 *
 * <p>Thread-safe; {@link #await} blocks until there is a primary session.
 */
final class PrimarySession {

    private String token;

    synchronized Optional<String> token() {
        return Optional.ofNullable(token);
    }

    /** Whether {@code candidate} is the primary session's token now. */
    synchronized boolean isPrimary(String candidate) {
        return candidate != null && candidate.equals(token);
    }

    /** After {@code resume} answered: that session becomes the primary one. */
    void resumed(Session session) {
        session.token().ifPresent(this::set);
    }

    /** After {@code authenticate} answered: the primary one only if there is none yet. */
    synchronized void authenticated(Session session) {
        if (token == null) {
            session.token().ifPresent(this::set);
        }
    }

    /** After {@code logout(session)}: forgets the primary session if that was it. */
    synchronized void loggedOut(Session session) {
        if (session != null && session.token().isPresent() && session.token().get().equals(token)) {
            clear();
        }
    }

    /**
     * After the server refused a call with {@code reason}: forgets the primary session when the
     * session is gone and the call carried only the primary token, so the refusal was about it and
     * not about a second operator's session passed as an argument.
     */
    synchronized void refused(AuthenticationException.Reason reason, Collection<String> tokensOfCall) {
        boolean gone = reason == AuthenticationException.Reason.SESSION_EXPIRED
                || reason == AuthenticationException.Reason.SESSION_INVALID;
        if (gone && token != null && !tokensOfCall.isEmpty() && tokensOfCall.stream().allMatch(token::equals)) {
            clear();
        }
    }

    /** The primary token, waiting up to {@code millis} for one; empty when none came. */
    synchronized Optional<String> await(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (token == null) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return Optional.empty();
            }
            wait(left);
        }
        return Optional.of(token);
    }

    private synchronized void set(String newToken) {
        token = Objects.requireNonNull(newToken);
        notifyAll();
    }

    private synchronized void clear() {
        token = null;
        notifyAll();
    }

    @Override
    public synchronized String toString() {
        return token == null ? "no primary session" : "primary session token=…";
    }
}
