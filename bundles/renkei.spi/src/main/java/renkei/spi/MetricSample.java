// SPDX-License-Identifier: EPL-2.0
package renkei.spi;

import java.util.Map;

/**
 * One sample of a metric family.
 *
 * @param name   metric name, {@code renkei_<domain>_<what>[_unit]}, e.g. {@code renkei_ca_certificates}
 * @param help   one line for the {@code # HELP} comment
 * @param type   {@code gauge} or {@code counter}
 * @param labels label names to values; empty for none
 * @since 1.1
 */
public record MetricSample(String name, String help, String type, Map<String, String> labels, double value) {

    public MetricSample {
        labels = Map.copyOf(labels);
    }

    public static MetricSample gauge(String name, String help, double value) {
        return new MetricSample(name, help, "gauge", Map.of(), value);
    }
}
