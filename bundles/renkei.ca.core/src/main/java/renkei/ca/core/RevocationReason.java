// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core;

import java.util.Arrays;

/** RFC 5280 CRLReason codes, named as RFC 5280 (and the CLI) spell them. */
public enum RevocationReason {
    unspecified(0), keyCompromise(1), cACompromise(2), affiliationChanged(3), superseded(4), cessationOfOperation(5),
    certificateHold(6), removeFromCRL(8), privilegeWithdrawn(9), aACompromise(10);

    private final int code;

    RevocationReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** By RFC 5280 name, case-insensitively; unknown names list the valid ones. */
    public static RevocationReason byName(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> CaException.of("revoke.unknownReason", name, Arrays.toString(values())));
    }

    public static RevocationReason byCode(int code) {
        return Arrays.stream(values()).filter(r -> r.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No RFC 5280 reason code " + code));
    }
}
