// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import renkei.platform.Operator;
import renkei.platform.RenkeiHome;
import renkei.platform.Role;
import renkei.platform.Session;
import renkei.platform.SiteConfig;

/** Sessions and site configuration for CA service tests, as the identity service and home would give them. */
final class TestSessions {

    private TestSessions() {
    }

    static Session as(String username, Role... roles) {
        return new Session(new Operator(username, username, Optional.of(username + "@ca.example.ac.jp"), Optional.empty(),
                Set.of(roles), true, true), Instant.now(), true);
    }

    static CaSettings settings(Path home, String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return CaSettings.from(new SiteConfig() {
            @Override
            public RenkeiHome home() {
                return new RenkeiHome(home);
            }

            @Override
            public Properties properties() {
                return properties;
            }
        });
    }
}
