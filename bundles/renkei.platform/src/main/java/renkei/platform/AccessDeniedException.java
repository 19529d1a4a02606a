// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

/** The session's operator lacks the role an operation requires; the refusal has been audited. */
public class AccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
