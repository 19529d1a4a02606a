// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.cli;

import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import renkei.ca.core.CaKeyService;
import renkei.ca.core.KeyStatus;
import renkei.platform.IdentityService;
import renkei.platform.Session;
import renkei.platform.cli.Arguments;
import renkei.platform.cli.CliCommand;
import renkei.platform.cli.CliContext;

/** {@code renkei ca deactivate}: any one CA operator ends the activation; they authenticate here. */
@Component(service = CliCommand.class)
public final class CaDeactivateCommand extends CaCliCommand {

    public CaDeactivateCommand() {
        super("ca deactivate", "--operator U [--reason TEXT] - end the activation now (password and TOTP lines on stdin)");
    }

    @Override
    public boolean needsSession() {
        return false;
    }

    @Override
    public int run(CliContext context, List<String> args) throws Exception {
        Arguments options = new Arguments(args, Set.of("--operator", "--reason"), Set.of());
        Session operator = context.prompter().login(context.service(IdentityService.class), options.required("--operator"));
        KeyStatus status;
        try {
            status = context.service(CaKeyService.class).deactivate(operator, options.value("--reason").orElse(""));
        } finally {
            logout(context, operator);
        }
        CaStatusCommand.print(status, context.out());
        return 0;
    }
}
