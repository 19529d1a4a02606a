// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import renkei.ca.core.KeyStatus;
import renkei.ca.core.internal.key.CaKeyDemoSeeder;
import renkei.ca.core.internal.key.CaKeyManager;
import renkei.platform.DemoOperators;
import renkei.platform.Session;
import renkei.platform.internal.demo.PlatformDemoSeeder;
import renkei.platform.internal.identity.Totp;

class CaKeyDemoSeederTest {

    @TempDir
    Path home;

    @Test
    void demoOperatorsCreateTheCaAndActivateItForTheDemoPeriod() throws Exception {
        Properties demo = new Properties();
        demo.setProperty("ca.activation.max", "P3650D");
        try (KeyFixture fixture = new KeyFixture(home, demo).withOperators()) {
            CaKeyManager keys = fixture.manager(Clock.systemUTC());
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            // What the platform's demo seeder does: the fixed demo password and the previous step's code.
            DemoOperators operators = username -> fixture.platform.identity().authenticate(username,
                    KeyFixture.PASSWORD.toCharArray(),
                    new Totp().code(PlatformDemoSeeder.demoTotpSecret(username), Totp.stepAt(Instant.now()) - 1));
            new CaKeyDemoSeeder(keys, operators, fixture.config)
                    .seed(Session.system(), new PrintStream(printed, true, StandardCharsets.UTF_8));

            KeyStatus status = keys.status();
            assertTrue(status.initialised());
            assertEquals(List.of("ca-alice", "ca-bob"), status.activatedBy());
            assertTrue(status.activeUntil().orElseThrow().isAfter(Instant.now().plus(Duration.ofDays(3649))), status.toString());
            CertificateAuthority authority = fixture.authority(keys, Clock.systemUTC());
            authority.issueHost("ca-alice", "CA_OPERATOR", TestKeys.CSR_A, "demo01.example.ac.jp");
            String out = printed.toString(StandardCharsets.UTF_8);
            assertTrue(out.contains(status.sha256Fingerprint().orElseThrow()), out);
        }
    }
}
