// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core;

import java.time.Instant;
import java.util.List;

/**
 * What the key ceremony produced and who attended.
 *
 * @param attendees the two CA operators first, then the witnesses
 */
public record CeremonyRecord(Instant at, String caSubject, String serialHex, String sha256Fingerprint, String keyStore,
        List<String> attendees) {
}
