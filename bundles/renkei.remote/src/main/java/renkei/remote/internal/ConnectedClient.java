// SPDX-License-Identifier: EPL-2.0
package renkei.remote.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.net.ssl.SSLContext;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import com.fasterxml.jackson.databind.JsonNode;

import renkei.platform.SecretStore;
import renkei.platform.SiteConfig;
import renkei.platform.remote.ConnectionEvents;
import renkei.platform.remote.ServerConnection;
import renkei.platform.remote.TlsFiles;
import renkei.remote.wire.RemoteCallException;
import renkei.remote.wire.WireProtocol;

/**
 * The client side of connected mode. In a home with {@code server.url} it publishes
 * {@link ServerConnection}, asks the server which services it exports ({@code GET /api/services},
 * retried with back-off while the server is unreachable or the TLS material is unusable), and
 * registers a remote proxy for each one found among the installed bundles (property
 * {@value #PROXY_PROPERTY}{@code =true}), so consoles and CLI commands bind the same interfaces as
 * in an embedded home. Once there is a primary session it follows the server's event stream and
 * re-posts the events locally. In an embedded home it does nothing.
 *
 * <p>Settings: {@code server.connect.timeout} (default PT10S), {@code server.request.timeout}
 * (default PT60S); the system property {@code renkei.remote.events=false} keeps the event stream
 * closed (the short-lived CLI).
 *
 * <p>Connecting runs on the daemon thread {@code renkei-remote-connect}; deactivation stops it, the
 * event stream and every registration.
 */
@Component(immediate = true)
public final class ConnectedClient {

    /** Service property of every remote proxy. */
    public static final String PROXY_PROPERTY = "renkei.remote.proxy";
    /** Ranked above an in-process implementation, should one be satisfied anyway. */
    static final int PROXY_RANKING = 100;

    private static final Logger LOG = Logger.getLogger(ConnectedClient.class.getName());

    private final SiteConfig config;
    private final SecretStore secrets;
    private final EventAdmin events;
    private final BundleContext context;
    private final String serverUrl;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private final PrimarySession primary = new PrimarySession();
    private LinkState link;
    private Thread connector;
    private WireClient client;
    private EventStream stream;
    private boolean running;

    @Activate
    public ConnectedClient(@Reference SiteConfig config, @Reference SecretStore secrets, @Reference EventAdmin events,
            BundleContext context) {
        this.config = config;
        this.secrets = secrets;
        this.events = events;
        this.context = context;
        this.serverUrl = config.get(TlsFiles.SERVER_URL, null);
        if (serverUrl == null) {
            return;
        }
        synchronized (this) {
            running = true;
            link = new LinkState(serverUrl, Clock.systemUTC(), this::linkChanged);
            registrations.add(context.registerService(ServerConnection.class, link, properties()));
            connector = new Thread(this::connect, "renkei-remote-connect");
            connector.setDaemon(true);
            connector.start();
        }
    }

    /** Until the service list arrived: TLS, the list, the proxies; then the event stream. */
    private void connect() {
        Backoff backoff = Backoff.standard();
        while (isRunning()) {
            WireClient attempt = null;
            try {
                SSLContext tls = ClientTls.forHome(config.home(), secrets);
                attempt = new WireClient(serverUrl, tls, config.getDuration("server.connect.timeout", Duration.ofSeconds(10)),
                        config.getDuration("server.request.timeout", Duration.ofSeconds(60)));
                List<String> names = exportedServices(attempt);
                link.up();
                if (publish(attempt, names)) {
                    return;
                }
                attempt.close();
                return;
            } catch (TlsSetupException | RemoteCallException e) {
                link.down(e.getMessage());
            } catch (RuntimeException e) {
                link.down("cannot connect to server " + serverUrl + ": " + ClientTls.oneLine(e));
                LOG.log(Level.WARNING, "connecting to " + serverUrl + " failed", e);
            }
            if (attempt != null) {
                attempt.close();
            }
            try {
                Thread.sleep(backoff.next().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The interface names of {@code GET /api/services}. */
    static List<String> exportedServices(WireClient client) {
        WireClient.Answer answer = client.get(WireProtocol.SERVICES, null);
        JsonNode services = answer.body() == null ? null : answer.body().get("services");
        if (answer.status() != 200 || services == null || !services.isArray()) {
            JsonNode error = answer.body() == null ? null : answer.body().path("error").get("message");
            throw new RemoteCallException(answer.status(), "server " + client.serverUrl() + " refused the service list: HTTP "
                    + answer.status() + (error == null ? "" : " " + error.asText()));
        }
        List<String> names = new ArrayList<>();
        services.forEach(name -> names.add(name.asText()));
        return names;
    }

    /** Registers the proxies; false when the component was deactivated meanwhile. */
    private synchronized boolean publish(WireClient connected, List<String> names) {
        if (!running) {
            return false;
        }
        client = connected;
        RemoteCalls calls = new RemoteCalls(connected, primary, link);
        RemoteInterfaces interfaces = new RemoteInterfaces(context);
        for (String name : names) {
            Optional<Class<?>> type = interfaces.find(name);
            if (type.isEmpty()) {
                LOG.info("server " + serverUrl + " exports " + name + ", which is not a @RemoteService interface of this installation");
                continue;
            }
            Dictionary<String, Object> properties = properties();
            properties.put(PROXY_PROPERTY, Boolean.TRUE);
            properties.put(Constants.SERVICE_RANKING, PROXY_RANKING);
            registrations.add(context.registerService(name, RemoteProxy.create(type.get(), calls), properties));
        }
        if (Boolean.parseBoolean(System.getProperty("renkei.remote.events", "true"))) {
            stream = new EventStream(connected, primary, link, events::postEvent, Backoff.standard(), EventStream.DEAD_AFTER_MILLIS);
            stream.start();
        }
        return true;
    }

    private Dictionary<String, Object> properties() {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("renkei.remote.server", serverUrl);
        return properties;
    }

    private void linkChanged(LinkState.Change change) {
        events.postEvent(new Event(ConnectionEvents.TOPIC, Map.of(ConnectionEvents.STATE,
                change.connected() ? ConnectionEvents.CONNECTED : ConnectionEvents.LOST, ConnectionEvents.SERVER, serverUrl,
                ConnectionEvents.DETAIL, change.detail())));
    }

    private synchronized boolean isRunning() {
        return running;
    }

    @Deactivate
    void deactivate() {
        Thread stopping;
        EventStream stoppingStream;
        synchronized (this) {
            running = false;
            stopping = connector;
            stoppingStream = stream;
            connector = null;
            stream = null;
        }
        if (stopping != null) {
            stopping.interrupt();
        }
        if (stoppingStream != null) {
            stoppingStream.stop(Duration.ofSeconds(2));
        }
        synchronized (this) {
            for (ServiceRegistration<?> registration : registrations) {
                try {
                    registration.unregister();
                } catch (IllegalStateException e) {
                    // Already gone with the framework.
                }
            }
            registrations.clear();
            if (client != null) {
                client.close();
                client = null;
            }
        }
    }
}
