// SPDX-License-Identifier: EPL-2.0
package renkei.remote.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import renkei.spi.MetricSample;
import renkei.spi.MetricsSource;

class MetricsPageTest {

    @Test
    void groupsSamplesIntoFamiliesAndEscapesLabels() {
        String text = MetricsPage.format(List.of(
                new MetricSample("renkei_ca_certificates", "Certificates", "gauge", Map.of("profile", "client"), 3),
                new MetricSample("renkei_ca_certificates", "Certificates", "gauge", Map.of("profile", "host"), 4),
                new MetricSample("bad name", "skipped", "gauge", Map.of(), 1),
                new MetricSample("renkei_x", "quoted", "gauge", Map.of("who", "a\"b\\c"), 0.5)));

        assertEquals(1, text.lines().filter(l -> l.equals("# TYPE renkei_ca_certificates gauge")).count(), text);
        assertTrue(text.contains("renkei_ca_certificates{profile=\"host\"} 4\n"), text);
        assertTrue(text.contains("renkei_x{who=\"a\\\"b\\\\c\"} 0.5\n"), text);
        assertTrue(!text.contains("bad name"), text);
    }

    @Test
    void aFailingSourceDoesNotFailThePageAndPromtoolAcceptsIt() throws Exception {
        MetricsSource failing = () -> {
            throw new IllegalStateException("database down");
        };
        MetricsSource fine = () -> List.of(MetricSample.gauge("renkei_test_value", "A value", 7));
        CallStatistics calls = new CallStatistics();
        calls.record("renkei.ca.core.CaService", "search", 200, 1_500_000);
        calls.record("renkei.ca.core.CaService", "search", 403, 500_000);
        String text = new MetricsPage(() -> List.of(failing, fine), () -> null, calls, () -> 2).render();

        assertTrue(text.contains("renkei_test_value 7\n"), text);
        assertTrue(text.contains("renkei_metrics_sources_failed 1\n"), text);
        assertTrue(text.contains("renkei_api_calls_total{method=\"CaService.search\",status=\"4xx\"} 1\n"), text);
        assertTrue(text.contains("renkei_api_event_streams 2\n"), text);
        assertPromtoolAccepts(text);
    }

    /** Debian's prometheus package (releng/install-deps) is the independent judge of the format. */
    private static void assertPromtoolAccepts(String text) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/promtool")), "promtool not installed");
        Process promtool = new ProcessBuilder("/usr/bin/promtool", "check", "metrics").redirectErrorStream(true).start();
        promtool.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        promtool.getOutputStream().close();
        String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(promtool.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, promtool.exitValue(), output + "\n" + text);
    }
}
