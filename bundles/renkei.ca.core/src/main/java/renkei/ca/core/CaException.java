// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core;

/**
 * A CA operation was refused or failed; the message is one line an operator (or the CLI) can show
 * as it is, e.g. "CSR signature does not verify".
 */
public class CaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CaException(String message) {
        super(message);
    }

    public CaException(String message, Throwable cause) {
        super(message, cause);
    }
}
