// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import renkei.platform.RenkeiHome;
import renkei.platform.SiteConfig;

/** A site configuration given as key/value pairs, read through the same typed accessors as renkei.properties. */
public record TestConfig(Properties values) implements SiteConfig {

    public static TestConfig of(Map<String, String> values) {
        Properties properties = new Properties();
        properties.putAll(values);
        return new TestConfig(properties);
    }

    @Override
    public RenkeiHome home() {
        return new RenkeiHome(Path.of(System.getProperty("java.io.tmpdir")));
    }

    @Override
    public Properties properties() {
        Properties copy = new Properties();
        copy.putAll(values);
        return copy;
    }
}
