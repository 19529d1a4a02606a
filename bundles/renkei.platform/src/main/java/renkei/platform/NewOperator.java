// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

import java.util.Optional;
import java.util.Set;

/** What is needed to create an operator account. */
public record NewOperator(String username, String displayName, Optional<String> email, Optional<String> site,
        Set<Role> roles, char[] password) {
}
