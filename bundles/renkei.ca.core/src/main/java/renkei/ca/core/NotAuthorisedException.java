// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core;

/**
 * A user's IdP attributes do not grant a certificate (CA-06). Audited as DENIED rather than FAILURE,
 * so the portal's access log (CA-14) shows authorisation results apart from bad requests.
 */
public class NotAuthorisedException extends CaException {

    private static final long serialVersionUID = 1L;

    public NotAuthorisedException(String message) {
        super(message);
    }

    private NotAuthorisedException(String key, String[] args) {
        super(key, args, null);
    }

    /** A keyed refusal, as {@link CaException#of}. */
    public static NotAuthorisedException of(String key, Object... args) {
        return new NotAuthorisedException(key, strings(args));
    }
}
