// SPDX-License-Identifier: EPL-2.0
package renkei.server.internal;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import renkei.platform.DemoSeeder;
import renkei.platform.IdentityService;
import renkei.platform.NewOperator;
import renkei.platform.Role;
import renkei.platform.Scheduler;
import renkei.platform.Session;
import renkei.platform.cli.Arguments;
import renkei.platform.cli.CliContext;

/**
 * {@code renkei demo init}: seeds a demo home. The wrapper script has already emptied the home and
 * written a demo {@code renkei.properties} before the platform started; this fills the database:
 * the demo operator, every bundle's {@link DemoSeeder}, then one run of every task so the Dashboard
 * has real health to show.
 */
final class DemoCommand extends Command {

    DemoCommand() {
        super("demo init",
                "- create a fresh demo home (embedded H2, demo operators, sample data) in RENKEI_HOME", false);
    }

    @Override
    public int run(CliContext context, List<String> args) throws Exception {
        PrintStream out = context.out();
        new Arguments(args, java.util.Set.of(), java.util.Set.of());
        IdentityService identity = context.service(IdentityService.class);
        identity.bootstrap(new NewOperator(DemoSeeder.DEMO_USER, "デモ運用担当 (Demo operator)",
                Optional.of("office@example.ac.jp"), Optional.empty(),
                EnumSet.of(Role.OPERATIONS_OFFICE, Role.HELP_DESK, Role.INCIDENT_RESPONDER, Role.LOG_ADMINISTRATOR),
                DemoSeeder.DEMO_PASSWORD.toCharArray()));
        Session office = identity.authenticate(DemoSeeder.DEMO_USER, DemoSeeder.DEMO_PASSWORD.toCharArray(), null);
        List<DemoSeeder> seeders = context.services(DemoSeeder.class).stream().sorted(Comparator.comparingInt(DemoSeeder::order)).toList();
        for (DemoSeeder seeder : seeders) {
            seeder.seed(office, out);
        }
        Scheduler scheduler = context.service(Scheduler.class);
        for (String task : scheduler.taskIds()) {
            scheduler.runNow(task);
        }
        // The seeders' session is not the CLI's: scripts log in themselves ('renkei login').
        identity.logout(office);
        out.println("CLI login:              renkei login --user " + DemoSeeder.DEMO_USER + " (reads the password line)");
        out.println("Demo home ready: " + context.home());
        return 0;
    }
}
