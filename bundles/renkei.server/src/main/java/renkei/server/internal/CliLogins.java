// SPDX-License-Identifier: EPL-2.0
package renkei.server.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

import renkei.platform.AuthenticationException;
import renkei.platform.IdentityService;
import renkei.platform.Session;
import renkei.platform.cli.NotLoggedInException;
import renkei.platform.cli.Prompter;

/**
 * How the CLI logs in and finds its login again: a password line, a TOTP line only when the
 * account needs one, and later the stored token resumed through {@link IdentityService#resume},
 * which re-checks the lifetimes and the account (and audits a refusal). Only the identity service
 * is used, so the same code works on a local database and against a server.
 *
 * <p>Stateless; thread-safe.
 */
final class CliLogins {

    static final String LOGIN_HINT = "run 'renkei login --user NAME' first";

    private CliLogins() {
    }

    /** Asks for the password and, if the account has a second factor, the TOTP code. */
    static Session login(IdentityService identity, Prompter prompter, String username) throws IOException, AuthenticationException {
        char[] password = prompter.secret(username + " password: ");
        try {
            try {
                return identity.authenticate(username, password, null);
            } catch (AuthenticationException e) {
                if (e.reason() != AuthenticationException.Reason.SECOND_FACTOR_REQUIRED) {
                    throw e;
                }
            }
            String code = prompter.line(username + " TOTP code: ");
            return identity.authenticate(username, password, code);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * The session stored for this home. A session the identity service refuses is forgotten, so the
     * next command says plainly that nobody is logged in.
     *
     * @throws NotLoggedInException with a one-line message saying what to do
     */
    static Session resume(IdentityService identity, CliSessionFile file) {
        return resume(() -> identity, file);
    }

    /**
     * As {@link #resume(IdentityService, CliSessionFile)}, asking for the identity service only when
     * there is a login to resume: without one the answer is "log in" even while the service (in a
     * connected home, the server) cannot be reached.
     */
    static Session resume(Supplier<IdentityService> identityService, CliSessionFile file) {
        Optional<CliSessionFile.Login> login;
        try {
            login = file.read();
        } catch (IOException e) {
            throw new NotLoggedInException("cannot read " + file.path() + " (" + e.getMessage() + "); " + LOGIN_HINT);
        }
        if (login.isEmpty()) {
            throw new NotLoggedInException("not logged in; " + LOGIN_HINT);
        }
        String user = login.get().username();
        try {
            return identityService.get().resume(login.get().token());
        } catch (AuthenticationException e) {
            forget(file);
            String again = "run 'renkei login --user " + user + "' again";
            throw new NotLoggedInException(switch (e.reason()) {
                case SESSION_EXPIRED -> "the session of " + user + " has expired; " + again;
                case DISABLED -> "the account " + user + " is disabled";
                default -> "the session of " + user + " is no longer valid; " + again;
            });
        }
    }

    private static void forget(CliSessionFile file) {
        try {
            file.delete();
        } catch (IOException e) {
            // The stale token is useless anyway; the refusal is what the operator needs to see.
        }
    }
}
