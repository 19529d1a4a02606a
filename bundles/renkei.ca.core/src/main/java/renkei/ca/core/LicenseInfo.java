// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core;

import java.time.Instant;
import java.util.Optional;

/**
 * A license ID as license management shows it (CA-05).
 *
 * @param redeemedSerial serial of the certificate it was redeemed for
 */
public record LicenseInfo(String licenseId, String hpciId, String eppn, Instant issuedAt, Instant expiresAt, String issuedBy,
        State state, Optional<Instant> redeemedAt, Optional<String> redeemedSerial) {

    /** Where the license is in its single-use life. */
    public enum State {
        UNUSED, REDEEMED, EXPIRED, WITHDRAWN
    }
}
