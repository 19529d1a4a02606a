// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import renkei.ca.core.CertificateProfile;
import renkei.ca.core.IssuedCertificate;
import renkei.ca.core.RevocationReason;
import renkei.ca.core.internal.remote.CaMetrics;
import renkei.platform.Role;
import renkei.platform.Session;
import renkei.platform.standalone.StandalonePlatform;
import renkei.spi.MetricSample;

class CaMetricsTest {

    @TempDir
    Path home;

    private StandalonePlatform platform;
    private CaServiceComponent ca;
    private final Session alice = TestSessions.as("ca-alice", Role.CA_OPERATOR);

    @BeforeEach
    void setUp() {
        platform = StandalonePlatform.inMemory();
        CaSettings settings = TestSessions.settings(home);
        ca = new CaServiceComponent(platform.database(), platform.audit(),
                IssuerSource.fixed(new CertificateIssuer(TestKeys.CA, settings.crlDistributionPoint())), TestKeys.CA::certificate,
                settings, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    @Test
    void keyStateCertificatesByProfileAndStatusAndCrlLifetime() {
        IssuedCertificate a = ca.issue(alice, CertificateProfile.HOST, TestKeys.CSR_A, Optional.of("a.example.ac.jp"));
        ca.issue(alice, CertificateProfile.HOST, TestKeys.CSR_B, Optional.of("b.example.ac.jp"));
        ca.revoke(alice, a.serialHex(), RevocationReason.superseded, "");
        TestClock clock = new TestClock(Instant.now());
        List<MetricSample> samples = new CaMetrics(platform.database(), () -> true, clock).samples();

        assertEquals(1.0, value(samples, "renkei_ca_key_active", Map.of()));
        assertEquals(1.0, value(samples, "renkei_ca_certificates", Map.of("profile", "host", "status", "valid")));
        assertEquals(1.0, value(samples, "renkei_ca_certificates", Map.of("profile", "host", "status", "revoked")));
        assertEquals(0.0, value(samples, "renkei_ca_certificates", Map.of("profile", "operator", "status", "valid")));
        double seconds = value(samples, "renkei_ca_crl_next_update_seconds", Map.of());
        assertTrue(seconds > Duration.ofDays(29).toSeconds() && seconds <= Duration.ofDays(30).toSeconds(), "CRL valid 30 days: " + seconds);

        clock.advance(Duration.ofDays(400));
        List<MetricSample> later = new CaMetrics(platform.database(), () -> false, clock).samples();
        assertEquals(0.0, value(later, "renkei_ca_key_active", Map.of()));
        assertEquals(1.0, value(later, "renkei_ca_certificates", Map.of("profile", "host", "status", "expired")));
        assertEquals(1.0, value(later, "renkei_ca_certificates", Map.of("profile", "host", "status", "revoked")), "revoked wins");
    }

    private static double value(List<MetricSample> samples, String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(labels)).findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + name + labels + " in " + samples)).value();
    }
}
