// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

/** Login refused; {@link #reason()} tells the dialog what to ask for next. */
public class AuthenticationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a login failed. Wrong user and wrong password are deliberately indistinguishable. */
    public enum Reason {
        BAD_CREDENTIALS, SECOND_FACTOR_REQUIRED, BAD_SECOND_FACTOR, SECOND_FACTOR_NOT_ENROLLED, LOCKED, DISABLED,
        /** The session's idle or absolute lifetime ended; log in again. */
        SESSION_EXPIRED,
        /** No such open session over this channel: unknown, logged out, or a token used from another client. */
        SESSION_INVALID
    }

    private final Reason reason;

    public AuthenticationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
