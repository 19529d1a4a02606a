// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import renkei.ca.core.CaKeyService;
import renkei.ca.core.KeyStatus;
import renkei.platform.cli.Arguments;
import renkei.platform.cli.CliCommand;
import renkei.platform.cli.CliContext;

/** {@code renkei ca status}: the CA key, its activation and certificate as name=value lines. */
@Component(service = CliCommand.class)
public final class CaStatusCommand extends CaCliCommand {

    public CaStatusCommand() {
        super("ca status", "- CA key, activation and certificate: name=value lines");
    }

    @Override
    public int run(CliContext context, List<String> args) {
        new Arguments(args, Set.of(), Set.of());
        print(context.service(CaKeyService.class).status(), context.out());
        return 0;
    }

    static void print(KeyStatus status, PrintStream out) {
        out.println("initialised=" + status.initialised());
        out.println("keystore=" + status.keyStore());
        status.caSubject().ifPresent(s -> out.println("subject=" + s));
        status.caNotAfter().ifPresent(t -> out.println("notAfter=" + t));
        status.sha256Fingerprint().ifPresent(f -> out.println("sha256=" + f));
        out.println("active=" + status.isActive(Instant.now()));
        status.activeUntil().ifPresent(t -> out.println("activeUntil=" + t));
        if (!status.activatedBy().isEmpty()) {
            out.println("activatedBy=" + String.join(",", status.activatedBy()));
        }
    }
}
