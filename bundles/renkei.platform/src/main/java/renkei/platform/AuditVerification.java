// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

import java.util.OptionalLong;

/**
 * Result of walking one category's hash chain.
 *
 * @param checked        records examined
 * @param firstBrokenSeq sequence number of the first record whose content or link does not match
 * @param problem        what is wrong there, empty when intact
 */
public record AuditVerification(String category, long checked, OptionalLong firstBrokenSeq, String problem) {

    public boolean intact() {
        return firstBrokenSeq.isEmpty();
    }

    @Override
    public String toString() {
        return intact() ? category + ": intact (" + checked + " records)"
                : category + ": BROKEN at seq " + firstBrokenSeq.getAsLong() + " — " + problem;
    }
}
