// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core;

import java.util.List;
import java.util.Optional;

/**
 * One subject's local accounts (CA-10).
 *
 * @param subjectDn in OpenSSL/Globus slash form, e.g. {@code /C=JP/O=HPCI/CN=Taro Yamada hpci000123}
 * @param accounts  local account names, the first is the default
 */
public record AccountMapping(String subjectDn, List<String> accounts, Optional<String> eppn, Optional<String> hpciId) {

    public AccountMapping {
        accounts = List.copyOf(accounts);
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("A mapping needs at least one local account: " + subjectDn);
        }
    }
}
