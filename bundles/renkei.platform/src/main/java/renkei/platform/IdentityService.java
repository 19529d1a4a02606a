// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

import java.util.List;
import java.util.Optional;

/**
 * Operator accounts, login and permission checks. Passwords are stored as Argon2id hashes; TOTP
 * secrets (RFC 6238) are stored wrapped with a key from the {@link SecretStore}. Every login
 * attempt, account change and denied permission is audited.
 *
 * <p>Thread-safe; methods block on the database.
 *
 * @noimplement
 */
public interface IdentityService {

    /**
     * Authenticates an operator.
     *
     * @param totpCode six-digit code, or {@code null} when the operator has not been asked yet
     * @throws AuthenticationException with {@link AuthenticationException.Reason#SECOND_FACTOR_REQUIRED}
     *         when the password was right but the account needs a TOTP code
     */
    Session authenticate(String username, char[] password, String totpCode) throws AuthenticationException;

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
    Operator bootstrap(NewOperator operator);

    /** Enables or disables an account; requires the operations office. */
    void setEnabled(Session by, String username, boolean enabled);

    Optional<Operator> find(String username);

    List<Operator> list();

    /**
     * Throws {@link AccessDeniedException} (and audits the refusal) unless the session holds one of
     * the roles.
     */
    void require(Session session, String action, Role... anyOf);
}
