// SPDX-License-Identifier: EPL-2.0
package renkei.server.internal;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import renkei.platform.HealthService;
import renkei.platform.SourceHealth;
import renkei.platform.cli.Arguments;
import renkei.platform.cli.CliContext;
import renkei.spi.HealthStatus;

/** {@code renkei health}: the Dashboard as text; exit 1 when any source is critical. */
final class HealthCommand extends Command {

    HealthCommand() {
        super("health",
                "[--run SOURCE-ID] - source health (status, source, last success, next run, expiry, summary); exit 1 if any is CRITICAL");
    }

    @Override
    public int run(CliContext context, List<String> args) {
        PrintStream out = context.out();
        Arguments options = new Arguments(args, Set.of("--run"), Set.of());
        HealthService health = context.service(HealthService.class);
        options.value("--run").ifPresent(health::runNow);
        boolean critical = false;
        Instant now = Instant.now();
        for (SourceHealth source : health.all()) {
            critical |= source.status() == HealthStatus.CRITICAL;
            out.println(String.join("\t", source.status().name(), source.sourceId(), text(source.lastSuccess()), text(source.nextRun()),
                    source.expiresIn(now).map(d -> d.toHours() + "h").orElse("-"),
                    source.summary() + source.lastError().map(e -> " | last error: " + e).orElse("")));
        }
        return critical ? 1 : 0;
    }

    private static String text(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse("-");
    }
}
