// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

import java.util.List;
import java.util.Optional;

import renkei.platform.remote.LocalOnly;
import renkei.platform.remote.NoSession;
import renkei.platform.remote.RemoteService;

/**
 * Operator accounts, login and permission checks. Passwords are stored as Argon2id hashes; TOTP
 * secrets (RFC 6238) are stored wrapped with a key from the {@link SecretStore}. Every login
 * attempt, account change and denied permission is audited.
 *
 * <p>Thread-safe; methods block on the database.
 *
 * <p>Sessions are stored (as a hash of their token) with an idle and an absolute lifetime
 * ({@code session.idle}, default 30 min; {@code session.absolute}, default 12 h) and are bound to the
 * {@link CallChannel} they were opened over.
 *
 * @noimplement
 */
@RemoteService
public interface IdentityService {

    /**
     * Authenticates an operator and opens a session bound to the current {@link CallChannel}; the
     * returned session carries its token.
     *
     * @param totpCode six-digit code, or {@code null} when the operator has not been asked yet
     * @throws AuthenticationException with {@link AuthenticationException.Reason#SECOND_FACTOR_REQUIRED}
     *         when the password was right but the account needs a TOTP code
     */
    @NoSession
    Session authenticate(String username, char[] password, String totpCode) throws AuthenticationException;

    /**
     * Looks an open session up by its token, as every later call that names it must: refused when
     * the token is unknown, logged out, idle or past its absolute lifetime, or was opened over
     * another {@link CallChannel} (a token copied to another client certificate). The account is
     * reloaded, so a disabled account or a withdrawn role takes effect at once. Refusals are
     * audited.
     *
     * @throws AuthenticationException {@link AuthenticationException.Reason#SESSION_EXPIRED} or
     *         {@link AuthenticationException.Reason#SESSION_INVALID}, or {@code DISABLED}
     */
    @NoSession
    Session resume(String token) throws AuthenticationException;

    /** Ends the session; its token is useless afterwards. Audited. */
    void logout(Session session);

    /** Creates an account; requires the operations office or, for their own site, a site administrator. */
    Operator createOperator(Session by, NewOperator operator);

    /** Generates a new TOTP secret for the account; requires the operator themself or the operations office. */
    TotpEnrolment enrolTotp(Session by, String username);

    /** Sets a new password; requires the operator themself or the operations office. */
    void changePassword(Session by, String username, char[] newPassword);

    /**
     * Creates the first operations-office account of a new installation (used by {@code renkei
     * operator bootstrap} and the demo seeder); refused once any account exists.
     */
    @LocalOnly("sets up a new installation's first account")
    Operator bootstrap(NewOperator operator);

    /** Enables or disables an account; requires the operations office. */
    void setEnabled(Session by, String username, boolean enabled);

    Optional<Operator> find(String username);

    List<Operator> list();

    /**
     * Throws {@link AccessDeniedException} (and audits the refusal) unless the session holds one of
     * the roles.
     */
    @LocalOnly("a check the server makes for itself")
    void require(Session session, String action, Role... anyOf);
}
