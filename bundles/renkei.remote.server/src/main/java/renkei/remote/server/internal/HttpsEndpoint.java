// SPDX-License-Identifier: EPL-2.0
package renkei.remote.server.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import renkei.platform.AuditLog;
import renkei.platform.IdentityService;
import renkei.platform.RenkeiHome;
import renkei.platform.SecretStore;
import renkei.platform.SiteConfig;
import renkei.platform.remote.ClientCertificateTrust;
import renkei.platform.remote.PublicDirectory;
import renkei.platform.remote.TlsFiles;
import renkei.spi.MetricsSource;

/**
 * The server's HTTPS endpoint for connected consoles and CLIs, relying parties and monitoring. Runs
 * only in the headless server process ({@code renkei.serve=true}, set by {@code releng/run
 * --server}), never in a CLI or console sharing the product, and only when the home has the
 * server's certificate ({@code renkei server certificate}). Jetty 12 core: no servlet container,
 * HTTP/1.1 over TLS 1.3/1.2.
 */
@Component(immediate = true)
public final class HttpsEndpoint {

    /** Framework property that makes this process serve. */
    public static final String SERVE = "renkei.serve";

    private static final Logger LOG = Logger.getLogger(HttpsEndpoint.class.getName());

    private final AtomicReference<IdentityService> identity = new AtomicReference<>();
    private final AtomicReference<AuditLog> audit = new AtomicReference<>();
    private final AtomicReference<ClientCertificateTrust> trust = new AtomicReference<>();
    private final List<PublicDirectory> directories = new CopyOnWriteArrayList<>();
    private final List<MetricsSource> metricsSources = new CopyOnWriteArrayList<>();

    @Reference
    private SiteConfig config;

    @Reference
    private SecretStore secrets;

    private Server server;
    private ExportedServices exported;
    private ServiceRegistration<EventHandler> eventRegistration;

    @Activate
    void activate(BundleContext context) throws Exception {
        if (!Boolean.parseBoolean(context.getProperty(SERVE))) {
            return;
        }
        RenkeiHome home = RenkeiHome.fromEnvironment();
        Path keyStore = TlsFiles.serverKeyStore(home);
        if (!Files.isRegularFile(keyStore)) {
            LOG.warning(() -> "no server certificate in " + keyStore
                    + ": run `renkei server certificate --hostname <fqdn>`; HTTPS endpoint not started");
            return;
        }
        String passphrase = secrets.get(TlsFiles.SERVER_PASSPHRASE).orElse(null);
        if (passphrase == null) {
            LOG.severe(() -> "the secret " + TlsFiles.SERVER_PASSPHRASE + " of " + keyStore
                    + " is missing: issue the server certificate again; HTTPS endpoint not started");
            return;
        }
        TransportAudit transportAudit = new TransportAudit(audit::get);
        exported = new ExportedServices(context);
        exported.open();
        EventHub events = new EventHub();
        Dictionary<String, Object> topics = new Hashtable<>();
        topics.put(EventConstants.EVENT_TOPIC, EventHub.TOPICS);
        eventRegistration = context.registerService(EventHandler.class, events, topics);
        CallStatistics statistics = new CallStatistics();
        MetricsPage metrics = new MetricsPage(() -> List.copyOf(metricsSources),
                () -> exported.local(renkei.platform.HealthService.class).orElse(null), statistics, events::openStreams);
        CallDispatcher dispatcher = new CallDispatcher(exported, identity::get, transportAudit, statistics);

        QueuedThreadPool threads = new QueuedThreadPool(256, 8);
        threads.setName("renkei-https");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(ServerTls.factory(keyStore, passphrase.toCharArray(), new ClientTrustManager(trust::get, transportAudit)),
                        HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(http));
        String address = config.get(TlsFiles.HTTPS_ADDRESS, TlsFiles.DEFAULT_HTTPS_ADDRESS);
        int port = config.getInt(TlsFiles.HTTPS_PORT, TlsFiles.DEFAULT_HTTPS_PORT);
        connector.setHost(address);
        connector.setPort(port);
        connector.setIdleTimeout(60_000);
        server.addConnector(connector);
        server.setHandler(new ApiHandler(trust::get, identity::get, () -> List.copyOf(directories), exported, dispatcher, events,
                metrics, transportAudit));
        server.setStopTimeout(5_000);
        try {
            server.start();
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "HTTPS endpoint cannot listen on " + address + ":" + port + ": " + e.getMessage());
            stop();
            return;
        }
        LOG.info(() -> "HTTPS endpoint listening on https://" + address + ":" + connector.getLocalPort()
                + " (client certificates of this CA; public: " + directories.stream().map(d -> "/" + d.name() + "/").toList() + ")");
    }

    @Deactivate
    void stop() {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "HTTPS endpoint did not stop cleanly: " + e.getMessage());
            }
            server = null;
        }
        if (eventRegistration != null) {
            eventRegistration.unregister();
            eventRegistration = null;
        }
        if (exported != null) {
            exported.close();
            exported = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindIdentity(IdentityService service) {
        identity.set(service);
    }

    void unbindIdentity(IdentityService service) {
        identity.compareAndSet(service, null);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindAudit(AuditLog service) {
        audit.set(service);
    }

    void unbindAudit(AuditLog service) {
        audit.compareAndSet(service, null);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindTrust(ClientCertificateTrust service) {
        trust.set(service);
    }

    void unbindTrust(ClientCertificateTrust service) {
        trust.compareAndSet(service, null);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindDirectory(PublicDirectory directory) {
        directories.add(directory);
    }

    void unbindDirectory(PublicDirectory directory) {
        directories.remove(directory);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindMetrics(MetricsSource source) {
        metricsSources.add(source);
    }

    void unbindMetrics(MetricsSource source) {
        metricsSources.remove(source);
    }
}
