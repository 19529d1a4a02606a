// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import renkei.ca.core.CaException;
import renkei.ca.core.CertificateProfile;
import renkei.ca.core.CertificateQuery;
import renkei.ca.core.LicenseInfo;
import renkei.platform.Role;
import renkei.platform.Session;
import renkei.platform.standalone.StandalonePlatform;

/**
 * CA-04 and single-use license IDs under contention: two installations (two connection pools, as
 * two consoles or servers have) on one database (H2 file, PostgreSQL) race for the same name, the same user and
 * the same license. Exactly one request wins each race; the others are refused with a reason.
 */
class ConcurrentIssuanceTest {

    private static final int RACERS = 8;

    @TempDir
    Path dir;

    private final Session alice = TestSessions.as("ca-alice", Role.CA_OPERATOR);

    @Test
    void onH2() throws Exception {
        raceOn("jdbc:h2:file:" + dir.resolve("shared") + ";AUTO_SERVER=TRUE", "sa");
    }

    @Test
    void onPostgres() throws Exception {
        raceOn(TestPostgres.freshSchemaUrl(), TestPostgres.user());
    }

    /** Only one of many racing requests gets the name, the user's certificate or the license. */
    private void raceOn(String url, String user) throws Exception {
        try (StandalonePlatform first = StandalonePlatform.open(url, user, "");
                StandalonePlatform second = StandalonePlatform.open(url, user, "")) {
            CaServiceComponent a = service(first);
            CaServiceComponent b = service(second);

            List<Outcome> hosts = race(i -> (i % 2 == 0 ? a : b).issue(alice, CertificateProfile.HOST,
                    i % 2 == 0 ? TestKeys.CSR_A : TestKeys.CSR_B, Optional.of("race.example.ac.jp")).serialHex());
            assertOneWinner(hosts, "already used");

            Map<String, String> taro = Map.of("givenName", "Taro", "sn", "Yamada", "hpciId", "hpci000321",
                    "eduPersonPrincipalName", "taro@example.ac.jp");
            String license = a.issueLicense(alice, taro);
            List<Outcome> redemptions = race(i -> (i % 2 == 0 ? a : b).redeemLicense(alice, license,
                    i % 2 == 0 ? TestKeys.CSR_A : TestKeys.CSR_B).serialHex());
            assertOneWinner(redemptions, "already used");
            assertEquals(LicenseInfo.State.REDEEMED, b.licenses(alice, Optional.of("hpci000321"), 5).get(0).state());

            assertEquals(2, a.search(alice, CertificateQuery.all(50)).size(), "one host, one client: nothing issued twice");
            assertTrue(first.audit().verify("ca").intact(), "the audit chain survives concurrent appends");
        }
    }

    private CaServiceComponent service(StandalonePlatform platform) {
        CaSettings settings = TestSessions.settings(dir);
        return new CaServiceComponent(platform.database(), platform.audit(),
                IssuerSource.fixed(new CertificateIssuer(TestKeys.CA, settings.crlDistributionPoint())), TestKeys.CA::certificate,
                settings, Clock.systemUTC());
    }

    private record Outcome(String serial, String refusal) {
    }

    private interface Request {
        String run(int racer);
    }

    /** Starts every racer at the same moment. */
    private static List<Outcome> race(Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i : IntStream.range(0, RACERS).toArray()) {
                Callable<Outcome> racer = () -> {
                    start.await();
                    try {
                        return new Outcome(request.run(i), null);
                    } catch (CaException e) {
                        return new Outcome(null, e.getMessage());
                    }
                };
                futures.add(pool.submit(racer));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertOneWinner(List<Outcome> outcomes, String refusal) {
        assertEquals(1, outcomes.stream().filter(o -> o.serial() != null).count(), outcomes.toString());
        assertTrue(outcomes.stream().filter(o -> o.serial() == null).allMatch(o -> o.refusal().contains(refusal)), outcomes.toString());
    }
}
