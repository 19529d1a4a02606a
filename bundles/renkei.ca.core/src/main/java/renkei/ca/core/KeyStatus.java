// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The CA key as the console and health checks see it.
 *
 * @param initialised       whether the key ceremony has taken place
 * @param keyStore          where the key lives, e.g. {@code PKCS#12 /home/ca/ca.p12} or {@code PKCS#11 token renkei-ca}
 * @param caSubject         the CA certificate's subject, empty before the ceremony
 * @param caNotAfter        when the CA certificate expires
 * @param sha256Fingerprint colon-separated upper-case hex, as {@code openssl x509 -fingerprint -sha256} prints it
 * @param activeUntil       present while the key is activated
 * @param activatedBy       the two operators of the current activation
 */
public record KeyStatus(boolean initialised, String keyStore, Optional<String> caSubject, Optional<Instant> caNotAfter,
        Optional<String> sha256Fingerprint, Optional<Instant> activeUntil, List<String> activatedBy) {

    public boolean isActive(Instant now) {
        return activeUntil.map(now::isBefore).orElse(false);
    }
}
