// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import renkei.ca.core.KeyStatus;
import renkei.ca.core.SignedCrl;
import renkei.ca.core.internal.OpsFixtures;
import renkei.platform.standalone.StandalonePlatform;
import renkei.spi.HealthResult;
import renkei.spi.HealthStatus;
import renkei.ca.core.internal.TestClock;

/** The {@code ca.crl} and {@code ca.certificate} health sources at and around their margins. */
class CaHealthChecksTest {

    private static final Instant SIGNED = Instant.parse("2026-04-01T09:00:00Z");
    private static final Duration CRL_MARGIN = Duration.ofDays(5);
    private static final Duration CA_MARGIN = Duration.ofDays(365);

    private final TestClock clock = new TestClock(SIGNED);
    private final StandalonePlatform platform = StandalonePlatform.inMemory();

    @AfterEach
    void tearDown() {
        platform.close();
    }

    @Test
    void crlIsOkUntilTheMarginThenCriticalAndCountsDownToNextUpdate() {
        SignedCrl crl = OpsFixtures.authority(platform.database(), platform.audit(), clock).crl("system", "");
        assertEquals(SIGNED.plus(Duration.ofDays(30)), crl.nextUpdate());
        CrlHealthCheck check = new CrlHealthCheck(() -> Optional.of(crl), CRL_MARGIN, clock);
        assertEquals("ca.crl", check.id());

        HealthResult fresh = check.check();
        assertEquals(HealthStatus.OK, fresh.status());
        assertEquals(Optional.of(crl.nextUpdate()), fresh.expiresAt());
        assertTrue(fresh.summary().contains("CRL " + crl.number()), fresh.summary());

        clock.set(crl.nextUpdate().minus(CRL_MARGIN).minusSeconds(1));
        assertEquals(HealthStatus.OK, check.check().status(), "just outside the margin");

        clock.set(crl.nextUpdate().minus(CRL_MARGIN));
        HealthResult atMargin = check.check();
        assertEquals(HealthStatus.CRITICAL, atMargin.status());
        assertEquals(Optional.of(crl.nextUpdate()), atMargin.expiresAt());
        assertTrue(atMargin.summary().contains("runs out in 5 days"), atMargin.summary());

        clock.set(crl.nextUpdate());
        HealthResult expired = check.check();
        assertEquals(HealthStatus.CRITICAL, expired.status());
        assertTrue(expired.summary().contains("expired"), expired.summary());
        assertEquals(Optional.of(crl.nextUpdate()), expired.expiresAt());
    }

    @Test
    void noCrlAtAllIsCritical() {
        HealthResult result = new CrlHealthCheck(Optional::empty, CRL_MARGIN, clock).check();
        assertEquals(HealthStatus.CRITICAL, result.status());
        assertEquals("No CRL has been issued yet", result.summary());
    }

    @Test
    void caCertificateWarnsWithinTheMarginAndIsCriticalOnceExpired() {
        Instant notAfter = OpsFixtures.ca().certificate().getNotAfter().toInstant();
        KeyStatus active = status(notAfter, Optional.of(notAfter.plus(Duration.ofDays(1))));
        CaCertificateHealthCheck check = new CaCertificateHealthCheck(() -> active, CA_MARGIN, clock);
        assertEquals("ca.certificate", check.id());

        clock.set(notAfter.minus(CA_MARGIN).minusSeconds(1));
        HealthResult ok = check.check();
        assertEquals(HealthStatus.OK, ok.status(), ok.summary());
        assertEquals(Optional.of(notAfter), ok.expiresAt());
        assertTrue(ok.summary().contains("key active until"), ok.summary());
        assertTrue(ok.summary().contains("ca-alice, ca-bob"), ok.summary());

        clock.set(notAfter.minus(CA_MARGIN));
        HealthResult near = check.check();
        assertEquals(HealthStatus.WARNING, near.status());
        assertTrue(near.summary().contains("expires in 365 days"), near.summary());

        clock.set(notAfter);
        HealthResult expired = check.check();
        assertEquals(HealthStatus.CRITICAL, expired.status());
        assertTrue(expired.summary().startsWith("CA certificate expired at"), expired.summary());
    }

    @Test
    void keyNotActivatedIsAWarningThatNeverHidesAnExpiredCertificate() {
        Instant notAfter = OpsFixtures.ca().certificate().getNotAfter().toInstant();
        clock.set(SIGNED);
        KeyStatus lapsed = status(notAfter, Optional.of(SIGNED.minusSeconds(1)));
        CaCertificateHealthCheck check = new CaCertificateHealthCheck(() -> lapsed, CA_MARGIN, clock);

        HealthResult inactive = check.check();
        assertEquals(HealthStatus.WARNING, inactive.status());
        assertTrue(inactive.summary().contains("key not activated"), inactive.summary());
        assertTrue(inactive.summary().startsWith("CA certificate valid until"), inactive.summary());

        clock.set(notAfter.plusSeconds(1));
        assertEquals(HealthStatus.CRITICAL, check.check().status());
    }

    @Test
    void beforeTheKeyCeremonyTheCertificateSourceWarns() {
        KeyStatus none = new KeyStatus(false, "PKCS#12 /tmp/ca.p12", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of());
        HealthResult result = new CaCertificateHealthCheck(() -> none, CA_MARGIN, clock).check();
        assertEquals(HealthStatus.WARNING, result.status());
        assertTrue(result.summary().contains("key ceremony"), result.summary());
    }

    private static KeyStatus status(Instant notAfter, Optional<Instant> activeUntil) {
        return new KeyStatus(true, "PKCS#12 /tmp/ca.p12", Optional.of("CN=Renkei Test CA"), Optional.of(notAfter),
                Optional.of("AA:BB"), activeUntil, List.of("ca-alice", "ca-bob"));
    }
}
