// SPDX-License-Identifier: EPL-2.0
package renkei.site.example.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import renkei.platform.SiteConfig;
import renkei.spi.AbstractHealthCheck;
import renkei.spi.HealthCheck;
import renkei.spi.HealthResult;
import renkei.spi.HealthStatus;

/**
 * Times name resolution of the hosts users log in to (VPN-04: clients that could not reach DNS
 * stalled 40–50 s at login). Slow answers warn, and failures or answers slower than the critical
 * limit are critical, so the operator hears about it before the users do.
 *
 * <p>Configuration: {@code site.example.dns.hosts} (comma-separated), {@code site.example.dns.warnMs}
 * (default 1000), {@code site.example.dns.criticalMs} (default 5000).
 */
@Component(service = HealthCheck.class)
public final class DnsResolutionCheck extends AbstractHealthCheck {

    /** Source id of this check's stored health. */
    public static final String SOURCE_ID = "site.example.dns";

    /** Configuration key of the hosts to resolve, and its default. */
    public static final String HOSTS_KEY = "site.example.dns.hosts";
    public static final String DEFAULT_HOSTS = "localhost";

    private final List<String> hosts;
    private final long warnMillis;
    private final long criticalMillis;
    private final ExecutorService resolver = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "dns-resolution-check");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public DnsResolutionCheck(@Reference SiteConfig config) {
        this(List.of(config.get(HOSTS_KEY, DEFAULT_HOSTS).split("\\s*,\\s*")),
                config.getInt("site.example.dns.warnMs", 1000), config.getInt("site.example.dns.criticalMs", 5000));
    }

    public DnsResolutionCheck(List<String> hosts, long warnMillis, long criticalMillis) {
        super(SOURCE_ID, "DNS resolution (login hosts)", Duration.ofMinutes(5));
        this.hosts = List.copyOf(hosts);
        this.warnMillis = warnMillis;
        this.criticalMillis = criticalMillis;
    }

    @Override
    public HealthResult check() {
        HealthStatus status = HealthStatus.OK;
        List<String> problems = new ArrayList<>();
        long slowest = -1;
        String slowestHost = "";
        for (String host : hosts) {
            long started = System.nanoTime();
            Future<InetAddress[]> lookup = resolver.submit(() -> InetAddress.getAllByName(host));
            try {
                lookup.get(criticalMillis, TimeUnit.MILLISECONDS);
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                if (millis > slowest) {
                    slowest = millis;
                    slowestHost = host;
                }
                if (millis >= warnMillis) {
                    status = status.worst(HealthStatus.WARNING);
                    problems.add(host + " took " + millis + " ms");
                }
            } catch (TimeoutException e) {
                lookup.cancel(true);
                status = HealthStatus.CRITICAL;
                problems.add(host + " did not resolve within " + criticalMillis + " ms");
            } catch (ExecutionException e) {
                status = HealthStatus.CRITICAL;
                problems.add(host + ": " + (e.getCause() instanceof UnknownHostException ? "unknown host" : e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while resolving " + host, e);
            }
        }
        String summary = problems.isEmpty()
                ? hosts.size() + " host(s) resolved, slowest " + slowestHost + " " + slowest + " ms"
                : String.join("; ", problems);
        return new HealthResult(status, summary, java.util.Optional.empty());
    }

    @Deactivate
    void stop() {
        resolver.shutdownNow();
    }
}
