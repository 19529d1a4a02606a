// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.key;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import renkei.ca.core.CaKeyService;
import renkei.ca.core.CeremonyRecord;
import renkei.ca.core.KeyStatus;
import renkei.ca.core.internal.CaSettings;
import renkei.platform.AuthenticationException;
import renkei.platform.DemoOperators;
import renkei.platform.DemoSeeder;
import renkei.platform.Session;
import renkei.platform.SiteConfig;

/**
 * The demo CA: the demo operators {@code ca-alice} and {@code ca-bob} hold the key ceremony and
 * activate the key for {@code ca.activation.max} (long in a demo home), so the CLI and the console
 * can issue unattended. They log in like anyone else, with password and TOTP, which only works here
 * because the demo's TOTP secrets are fixed. Runs after the platform's seeder, which creates them.
 */
@Component(service = DemoSeeder.class)
public final class CaKeyDemoSeeder implements DemoSeeder {

    /** After the platform (0); CA seeders that issue demo certificates come later. */
    static final int ORDER = 10;

    private final CaKeyService keys;
    private final DemoOperators operators;
    private final CaSettings settings;

    @Activate
    public CaKeyDemoSeeder(@Reference CaKeyService keys, @Reference DemoOperators operators, @Reference SiteConfig config) {
        this.keys = keys;
        this.operators = operators;
        this.settings = CaSettings.from(config);
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public void seed(Session office, PrintStream out) throws AuthenticationException {
        Session alice = operators.login("ca-alice");
        Session bob = operators.login("ca-bob");
        CeremonyRecord ceremony = keys.createCa(alice, bob, List.of(office.username()));
        KeyStatus status = keys.activate(alice, bob, settings.maxActivation());
        out.println("Demo CA:                " + ceremony.caSubject() + " in " + ceremony.keyStore());
        out.println("Demo CA SHA-256:        " + ceremony.sha256Fingerprint());
        out.println("Demo CA key active until " + status.activeUntil().map(Instant::toString).orElse("?")
                + " (activated by ca-alice and ca-bob)");
    }
}
