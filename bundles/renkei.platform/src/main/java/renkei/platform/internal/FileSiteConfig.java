// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal;

import java.util.Properties;

import org.osgi.service.component.annotations.Component;

import renkei.platform.RenkeiHome;
import renkei.platform.SiteConfig;

/** {@link SiteConfig} read once from the home's {@code renkei.properties}. */
@Component(service = SiteConfig.class)
public final class FileSiteConfig implements SiteConfig {

    private final RenkeiHome home;
    private final Properties properties;

    /** The configuration of the home this process was started with. */
    public FileSiteConfig() {
        this(RenkeiHome.fromEnvironment());
    }

    public FileSiteConfig(RenkeiHome home) {
        this(home, home.loadConfig());
    }

    public FileSiteConfig(RenkeiHome home, Properties raw) {
        this.home = home;
        this.properties = new Properties();
        String root = home.root().toString();
        raw.forEach((key, value) -> properties.setProperty(key.toString(), value.toString().replace("${home}", root)));
    }

    @Override
    public RenkeiHome home() {
        return home;
    }

    @Override
    public Properties properties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }
}
