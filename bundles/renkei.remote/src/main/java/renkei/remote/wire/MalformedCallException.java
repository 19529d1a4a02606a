// SPDX-License-Identifier: EPL-2.0
package renkei.remote.wire;

/** A call or an answer whose JSON does not fit the method it names; the server answers 400. */
public class MalformedCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedCallException(String message) {
        super(message);
    }
}
