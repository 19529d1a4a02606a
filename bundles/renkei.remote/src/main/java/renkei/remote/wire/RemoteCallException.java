// SPDX-License-Identifier: EPL-2.0
package renkei.remote.wire;

/**
 * A remote call the server refused or could not answer, when the refusal has no type of the called
 * interface to be rebuilt as: no session, a local-only method, an unreachable server, a server
 * error. The message is one line to show as it is.
 */
public class RemoteCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public RemoteCallException(int status, String message) {
        super(message);
        this.status = status;
    }

    public RemoteCallException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** HTTP status of the answer; 0 when no answer came. */
    public int status() {
        return status;
    }
}
