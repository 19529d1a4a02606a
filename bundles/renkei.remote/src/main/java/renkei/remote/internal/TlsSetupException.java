// SPDX-License-Identifier: EPL-2.0
package renkei.remote.internal;

/** The home's TLS material cannot be used; the message is one line saying what to fix. */
final class TlsSetupException extends Exception {

    private static final long serialVersionUID = 1L;

    TlsSetupException(String message) {
        super(message);
    }

    TlsSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
