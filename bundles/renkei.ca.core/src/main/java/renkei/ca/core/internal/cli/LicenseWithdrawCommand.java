// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.cli;

import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import renkei.ca.core.CaService;
import renkei.platform.cli.Arguments;
import renkei.platform.cli.CliCommand;
import renkei.platform.cli.CliContext;

/** {@code renkei ca license withdraw}: makes an unused license ID unusable. */
@Component(service = CliCommand.class)
public final class LicenseWithdrawCommand extends CaCliCommand {

    public LicenseWithdrawCommand() {
        super("ca license withdraw", "--license-id L [--reason TEXT] - make an unused license ID unusable");
    }

    @Override
    public int run(CliContext context, List<String> args) {
        Arguments options = new Arguments(args, Set.of("--license-id", "--reason"), Set.of());
        context.service(CaService.class).withdrawLicense(context.session(), options.required("--license-id"),
                options.value("--reason").orElse(""));
        return 0;
    }
}
