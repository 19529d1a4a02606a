// SPDX-License-Identifier: EPL-2.0
package renkei.server.internal;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.launch.Framework;

import renkei.platform.Database;
import renkei.platform.RenkeiHome;
import renkei.platform.Scheduler;
import renkei.platform.SiteConfig;

/**
 * The headless server: keeps the platform running so its scheduler executes every periodic task and
 * health check, logs to {@code $RENKEI_HOME/logs/server.log} and stdout, and stops cleanly on
 * SIGTERM (systemd's stop) by letting the framework deactivate every component before the JVM exits.
 */
public final class ServerApplication implements IApplication {

    private static final Logger LOG = Logger.getLogger(ServerApplication.class.getName());

    private final CountDownLatch stopRequested = new CountDownLatch(1);

    @Override
    public Object start(IApplicationContext context) throws Exception {
        RenkeiHome home = RenkeiHome.fromEnvironment();
        ServerLogging.configure(home.resolve("logs").resolve("server.log"));
        Services services = new Services();
        Scheduler scheduler;
        Database database;
        try {
            database = services.require(Database.class);
            scheduler = services.require(Scheduler.class);
        } catch (IllegalStateException e) {
            LOG.log(Level.SEVERE, "Renkei server cannot start: " + e.getMessage());
            return 1;
        }
        Optional<org.h2.tools.Server> h2Server;
        try {
            h2Server = H2TcpServer.startIfConfigured(services.require(SiteConfig.class));
        } catch (java.sql.SQLException e) {
            LOG.log(Level.SEVERE, "Renkei server cannot start H2 server mode: " + e.getMessage());
            return 1;
        }
        context.applicationRunning();
        Framework framework = (Framework) FrameworkUtil.getBundle(getClass()).getBundleContext().getBundle(0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ServerLogging.direct("Stop requested; stopping components");
            stopRequested.countDown();
            try {
                framework.waitForStop(60_000);
                ServerLogging.direct("Renkei server stopped");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "renkei-shutdown"));
        LOG.info(() -> "Renkei server started: home " + home + ", database " + database.describe() + ", scheduler "
                + (scheduler.isActive() ? "active as " + scheduler.ownerId() : "INACTIVE (renkei.scheduler.enabled=false)")
                + ", tasks " + scheduler.taskIds());
        stopRequested.await();
        h2Server.ifPresent(org.h2.tools.Server::stop);
        return IApplication.EXIT_OK;
    }

    @Override
    public void stop() {
        stopRequested.countDown();
    }
}
