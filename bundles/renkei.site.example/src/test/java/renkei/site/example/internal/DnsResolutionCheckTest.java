// SPDX-License-Identifier: EPL-2.0
package renkei.site.example.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import renkei.spi.HealthResult;
import renkei.spi.HealthStatus;

/** Runs real lookups through the system resolver: localhost always resolves, .invalid never does (RFC 6761). */
class DnsResolutionCheckTest {

    @Test
    void resolvableHostsAreOk() {
        HealthResult result = new DnsResolutionCheck(List.of("localhost"), 1000, 5000).check();
        assertEquals(HealthStatus.OK, result.status(), result.summary());
        assertTrue(result.summary().startsWith("1 host(s) resolved, slowest localhost"), result.summary());
    }

    @Test
    void anUnresolvableLoginHostIsCritical() {
        HealthResult result = new DnsResolutionCheck(List.of("localhost", "vdi-login.example.invalid"), 1000, 5000).check();
        assertEquals(HealthStatus.CRITICAL, result.status());
        assertTrue(result.summary().contains("vdi-login.example.invalid"), result.summary());
    }

    @Test
    void slowAnswersWarn() {
        HealthResult result = new DnsResolutionCheck(List.of("localhost"), 0, 5000).check();
        assertEquals(HealthStatus.WARNING, result.status(), "with a 0 ms warning limit every lookup is slow");
        assertTrue(result.summary().contains("localhost took"), result.summary());
    }
}
