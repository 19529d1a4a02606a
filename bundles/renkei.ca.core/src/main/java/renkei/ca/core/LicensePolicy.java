// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Limits and authorisation for license IDs (CA-05, CA-06).
 *
 * @param maxObtained   license IDs a user may obtain in total
 * @param maxHeld       unused, unexpired license IDs a user may hold at once
 * @param validity      how long a license ID can be redeemed
 * @param grantingRules attribute rules, e.g. {@code eduPersonEntitlement=urn:mace:hpci.jp:cert-user}; a user
 *                      is authorised when any rule matches one of their values (an empty list authorises everyone)
 */
public record LicensePolicy(int maxObtained, int maxHeld, Duration validity, List<AttributeRule> grantingRules) {

    public LicensePolicy {
        if (maxObtained < 1 || maxHeld < 1 || validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("License limits must be positive");
        }
        grantingRules = List.copyOf(grantingRules);
    }

    /** One attribute name and the value that grants access; multi-valued attributes are separated by ';'. */
    public record AttributeRule(String attribute, String value) {

        /** Parses {@code name=value}. */
        public static AttributeRule parse(String text) {
            int equals = text.indexOf('=');
            if (equals <= 0 || equals == text.length() - 1) {
                throw new IllegalArgumentException("Attribute rule must look like name=value: " + text);
            }
            return new AttributeRule(text.substring(0, equals).strip(), text.substring(equals + 1).strip());
        }

        boolean matches(Map<String, String> attributes) {
            String values = attributes.get(attribute);
            return values != null && List.of(values.split(";")).stream().map(String::strip).anyMatch(value::equals);
        }
    }

    /** CA-06: whether the attributes grant the right to a certificate. */
    public boolean authorises(Map<String, String> attributes) {
        return grantingRules.isEmpty() || grantingRules.stream().anyMatch(rule -> rule.matches(attributes));
    }
}
