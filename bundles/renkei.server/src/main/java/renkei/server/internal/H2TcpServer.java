// SPDX-License-Identifier: EPL-2.0
package renkei.server.internal;

import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;

import org.h2.tools.Server;

import renkei.platform.SiteConfig;

/**
 * H2 server mode: when {@code h2.tcp.port} is set, the headless server also serves the home's H2
 * databases over TCP so that consoles on other machines connect with
 * {@code jdbc:h2:tcp://<server>:<port>/renkei} — the step between one embedded console and
 * PostgreSQL. {@code h2.tcp.allowOthers=true} accepts connections from other hosts.
 */
final class H2TcpServer {

    private static final Logger LOG = Logger.getLogger(H2TcpServer.class.getName());

    private H2TcpServer() {
    }

    static Optional<Server> startIfConfigured(SiteConfig config) throws SQLException {
        String port = config.get("h2.tcp.port", null);
        if (port == null) {
            return Optional.empty();
        }
        String baseDir = config.home().resolve("db").toString();
        Server server = config.getBoolean("h2.tcp.allowOthers", false)
                ? Server.createTcpServer("-tcpPort", port, "-baseDir", baseDir, "-ifExists", "-tcpAllowOthers")
                : Server.createTcpServer("-tcpPort", port, "-baseDir", baseDir, "-ifExists");
        server.start();
        LOG.info(() -> "H2 server mode: " + server.getURL() + " serving " + baseDir);
        return Optional.of(server);
    }
}
