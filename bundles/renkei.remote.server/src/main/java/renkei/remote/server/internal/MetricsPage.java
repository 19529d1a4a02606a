// SPDX-License-Identifier: EPL-2.0
package renkei.remote.server.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import renkei.platform.HealthService;
import renkei.platform.SourceHealth;
import renkei.spi.HealthStatus;
import renkei.spi.MetricSample;
import renkei.spi.MetricsSource;

/**
 * {@code /metrics} in the Prometheus text exposition format 0.0.4: every {@link MetricsSource}'s
 * samples, each source's health and the age of its last success, the API's call counters and the
 * JVM. Samples are grouped into families (one {@code # HELP} and {@code # TYPE} each, as the format
 * requires); a source that fails or names a metric badly is skipped and counted, never fails the page.
 */
final class MetricsPage {

    private static final Logger LOG = Logger.getLogger(MetricsPage.class.getName());
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final Supplier<List<MetricsSource>> sources;
    private final Supplier<HealthService> health;
    private final CallStatistics calls;
    private final Supplier<Integer> eventStreams;

    MetricsPage(Supplier<List<MetricsSource>> sources, Supplier<HealthService> health, CallStatistics calls,
            Supplier<Integer> eventStreams) {
        this.sources = sources;
        this.health = health;
        this.calls = calls;
        this.eventStreams = eventStreams;
    }

    String render() {
        List<MetricSample> samples = new ArrayList<>();
        int failedSources = 0;
        for (MetricsSource source : sources.get()) {
            try {
                samples.addAll(source.samples());
            } catch (Exception e) {
                failedSources++;
                LOG.log(Level.WARNING, "metrics source " + source.getClass().getName() + " failed: " + e.getMessage());
            }
        }
        samples.addAll(healthSamples());
        samples.addAll(calls.samples());
        samples.add(MetricSample.gauge("renkei_api_event_streams", "Open server-sent event streams to consoles", eventStreams.get()));
        samples.add(MetricSample.gauge("renkei_metrics_sources_failed", "Metrics sources that failed during this scrape", failedSources));
        samples.addAll(jvm());
        return format(samples);
    }

    private List<MetricSample> healthSamples() {
        HealthService service = health.get();
        List<MetricSample> samples = new ArrayList<>();
        if (service == null) {
            return samples;
        }
        Instant now = Instant.now();
        for (SourceHealth source : service.all()) {
            for (HealthStatus status : HealthStatus.values()) {
                samples.add(new MetricSample("renkei_source_status", "Source health: 1 for the source's current status", "gauge",
                        Map.of("source", source.sourceId(), "kind", source.kind(), "status", status.name().toLowerCase(Locale.ROOT)),
                        source.status() == status ? 1 : 0));
            }
            source.lastSuccess().ifPresent(at -> samples.add(new MetricSample("renkei_source_last_success_age_seconds",
                    "Seconds since the source's last successful check", "gauge", Map.of("source", source.sourceId()),
                    Duration.between(at, now).toMillis() / 1000.0)));
            samples.add(new MetricSample("renkei_source_consecutive_failures", "Failed checks in a row", "gauge",
                    Map.of("source", source.sourceId()), source.consecutiveFailures()));
        }
        return samples;
    }

    private static List<MetricSample> jvm() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        return List.of(
                MetricSample.gauge("renkei_jvm_heap_used_bytes", "JVM heap in use", memory.getHeapMemoryUsage().getUsed()),
                MetricSample.gauge("renkei_jvm_heap_max_bytes", "JVM heap limit", memory.getHeapMemoryUsage().getMax()),
                MetricSample.gauge("renkei_jvm_nonheap_used_bytes", "JVM non-heap memory in use", memory.getNonHeapMemoryUsage().getUsed()),
                MetricSample.gauge("renkei_jvm_threads", "Live JVM threads", ManagementFactory.getThreadMXBean().getThreadCount()),
                MetricSample.gauge("renkei_jvm_uptime_seconds", "Seconds since the JVM started",
                        ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0));
    }

    static String format(List<MetricSample> samples) {
        Map<String, List<MetricSample>> families = new TreeMap<>();
        Map<String, MetricSample> first = new LinkedHashMap<>();
        for (MetricSample sample : samples) {
            if (!NAME.matcher(sample.name()).matches() || !sample.labels().keySet().stream().allMatch(l -> LABEL.matcher(l).matches())) {
                LOG.warning(() -> "metric skipped, not a Prometheus name: " + sample.name() + " " + sample.labels().keySet());
                continue;
            }
            MetricSample head = first.putIfAbsent(sample.name(), sample);
            if (head != null && !head.type().equals(sample.type())) {
                continue; // one family, one type
            }
            families.computeIfAbsent(sample.name(), n -> new ArrayList<>()).add(sample);
        }
        StringBuilder text = new StringBuilder();
        families.forEach((name, family) -> {
            MetricSample head = family.get(0);
            text.append("# HELP ").append(name).append(' ').append(escapeHelp(head.help())).append('\n');
            text.append("# TYPE ").append(name).append(' ').append("counter".equals(head.type()) ? "counter" : "gauge").append('\n');
            for (MetricSample sample : family) {
                text.append(name);
                if (!sample.labels().isEmpty()) {
                    text.append('{');
                    new TreeMap<>(sample.labels()).forEach((k, v) -> text.append(k).append("=\"").append(escapeLabel(v)).append("\","));
                    text.setLength(text.length() - 1);
                    text.append('}');
                }
                text.append(' ').append(number(sample.value())).append('\n');
            }
        });
        return text.toString();
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    private static String escapeHelp(String help) {
        return help == null ? "" : help.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static String escapeLabel(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
