// SPDX-License-Identifier: EPL-2.0
package renkei.server.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import renkei.platform.Database;
import renkei.platform.IdentityService;
import renkei.platform.cli.Arguments;
import renkei.platform.cli.CliContext;

/**
 * {@code renkei diag components}: every DS component's state; exit 1 when any is unsatisfied. In a
 * connected home the components that need a database are expected to wait (they run on the
 * server): they are marked {@code (server-side)} and not counted; an unreachable server is.
 */
final class DiagCommand extends Command {

    private final Services services;

    DiagCommand(Services services) {
        super("diag components",
                "- list Declarative Services components and their state; exit 1 if any is unsatisfied or failed", false);
        this.services = services;
    }

    @Override
    public int run(CliContext context, List<String> args) {
        PrintStream out = context.out();
        new Arguments(args, Set.of(), Set.of());
        List<String> problems = new ArrayList<>();
        if (services.serverUrl().isPresent()) {
            try {
                // The proxies, and the local components bound to them, are there once this is.
                context.service(IdentityService.class);
            } catch (IllegalStateException e) {
                problems.add(e.getMessage());
            }
        } else {
            context.service(Database.class);
        }
        services.components().forEach(out::println);
        problems.addAll(services.problems());
        problems.forEach(p -> System.err.println("renkei diag: " + p));
        return problems.isEmpty() ? 0 : 1;
    }
}
