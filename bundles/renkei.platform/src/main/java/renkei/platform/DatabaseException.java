// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

/** A database operation failed; the message names what was being done, the cause says why. */
public class DatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    public DatabaseException(String message) {
        super(message);
    }
}
