// SPDX-License-Identifier: EPL-2.0
package renkei.platform.cli;

/** A command needs a session and there is none (or it ended); the message says how to log in. */
public final class NotLoggedInException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotLoggedInException(String message) {
        super(message);
    }
}
