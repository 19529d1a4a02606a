// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

import java.util.Optional;
import java.util.Set;

/**
 * An operator account as other bundles see it; secrets never leave the identity service.
 *
 * @param site the site an administrator is responsible for, empty for center-wide accounts
 */
public record Operator(String username, String displayName, Optional<String> email, Optional<String> site,
        Set<Role> roles, boolean totpEnrolled, boolean enabled) {

    public Operator {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether this account must present a TOTP code to log in. */
    public boolean requiresSecondFactor() {
        return roles.stream().anyMatch(Role::requiresSecondFactor);
    }
}
