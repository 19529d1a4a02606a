// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

import java.io.PrintStream;

/**
 * Contributes demo data to a fresh demo home ({@code renkei demo init}). Each domain bundle
 * publishes one as a DS service; seeders run in ascending {@link #order()} after the platform's own
 * (order 0), which creates the demo operators.
 *
 * @noimplement for now; the interface may move to {@code renkei.spi} once sites need it
 */
public interface DemoSeeder {

    /** The demo home's operations-office login, printed by {@code renkei demo init} and documented in the README. */
    String DEMO_USER = "demo";
    String DEMO_PASSWORD = "renkei-demo-2026";

    /** Seeders run in ascending order; the platform uses 0. */
    int order();

    /**
     * Seeds the data.
     *
     * @param office a session of the demo operations-office operator
     * @param out    where to print what an operator needs to know (logins, secrets)
     */
    void seed(Session office, PrintStream out) throws Exception;
}
