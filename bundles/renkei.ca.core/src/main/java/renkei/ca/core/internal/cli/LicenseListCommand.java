// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.cli;

import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import renkei.ca.core.CaService;
import renkei.ca.core.LicenseInfo;
import renkei.platform.cli.Arguments;
import renkei.platform.cli.CliCommand;
import renkei.platform.cli.CliContext;

/** {@code renkei ca license list}: license IDs, tab-separated. */
@Component(service = CliCommand.class)
public final class LicenseListCommand extends CaCliCommand {

    public LicenseListCommand() {
        super("ca license list", "[--hpci-id ID] [--limit N] - license IDs: id, state, HPCI-ID, ePPN, expires, serial");
    }

    @Override
    public int run(CliContext context, List<String> args) {
        Arguments options = new Arguments(args, Set.of("--hpci-id", "--limit"), Set.of());
        for (LicenseInfo license : context.service(CaService.class).licenses(context.session(), options.value("--hpci-id"),
                options.intValue("--limit", 100))) {
            context.out().println(String.join("\t", license.licenseId(), license.state().name(), license.hpciId(), license.eppn(),
                    license.expiresAt().toString(), license.redeemedSerial().orElse("-")));
        }
        return 0;
    }
}
