// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

import java.time.Duration;
import java.util.Properties;

/**
 * Read-only view of the site configuration ({@code renkei.properties} in the Renkei home) with
 * typed accessors. Secrets never appear here; they live in {@link SecretStore}.
 *
 * @noimplement
 */
public interface SiteConfig {

    RenkeiHome home();

    /** All configured properties, with {@code ${home}} already expanded. */
    Properties properties();

    default String get(String key, String defaultValue) {
        String value = properties().getProperty(key);
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }

    default int getInt(String key, int defaultValue) {
        String value = get(key, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Configuration " + key + " must be an integer, got: " + value, e);
        }
    }

    default boolean getBoolean(String key, boolean defaultValue) {
        String value = get(key, null);
        return value == null ? defaultValue : Boolean.parseBoolean(value);
    }

    /** ISO-8601 duration such as {@code PT5M} or {@code P30D}. */
    default Duration getDuration(String key, Duration defaultValue) {
        String value = get(key, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Duration.parse(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Configuration " + key + " must be an ISO-8601 duration like PT5M, got: " + value, e);
        }
    }
}
