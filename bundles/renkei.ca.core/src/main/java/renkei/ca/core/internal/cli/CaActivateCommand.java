// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.cli;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import renkei.ca.core.CaKeyService;
import renkei.ca.core.KeyStatus;
import renkei.platform.Session;
import renkei.platform.cli.Arguments;
import renkei.platform.cli.CliCommand;
import renkei.platform.cli.CliContext;

/** {@code renkei ca activate}: dual-control activation; the two CA operators authenticate here. */
@Component(service = CliCommand.class)
public final class CaActivateCommand extends CaCliCommand {

    public CaActivateCommand() {
        super("ca activate", "--operator U1 --operator U2 [--period PT8H] - activate the CA key (two CA operators, "
                + "password and TOTP lines on stdin)");
    }

    @Override
    public boolean needsSession() {
        return false;
    }

    @Override
    public int run(CliContext context, List<String> args) throws Exception {
        Arguments options = new Arguments(args, Set.of("--operator", "--period"), Set.of());
        Duration period = duration(options.value("--period").orElse("PT8H"));
        Session[] operators = twoOperators(context, options);
        KeyStatus status;
        try {
            status = context.service(CaKeyService.class).activate(operators[0], operators[1], period);
        } finally {
            logout(context, operators);
        }
        CaStatusCommand.print(status, context.out());
        return 0;
    }
}
