// SPDX-License-Identifier: EPL-2.0
package renkei.remote.server.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import renkei.spi.MetricSample;

/** API calls by method and status class, and their total time, for {@code /metrics}. Thread-safe. */
final class CallStatistics {

    private record Key(String method, String status) {
    }

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<Key, LongAdder> nanos = new ConcurrentHashMap<>();

    void record(String interfaceName, String method, int status, long elapsedNanos) {
        String simple = interfaceName.substring(interfaceName.lastIndexOf('.') + 1);
        Key key = new Key(simple + "." + method, (status / 100) + "xx");
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
        nanos.computeIfAbsent(key, k -> new LongAdder()).add(elapsedNanos);
    }

    List<MetricSample> samples() {
        List<MetricSample> samples = new ArrayList<>();
        counts.forEach((key, count) -> samples.add(new MetricSample("renkei_api_calls_total", "API calls answered, by method and status class",
                "counter", Map.of("method", key.method(), "status", key.status()), count.sum())));
        nanos.forEach((key, total) -> samples.add(new MetricSample("renkei_api_call_seconds_total",
                "Time spent answering API calls, by method and status class", "counter",
                Map.of("method", key.method(), "status", key.status()), total.sum() / 1e9)));
        return samples;
    }
}
