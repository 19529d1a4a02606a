// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.cli;

import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import renkei.ca.core.CaService;
import renkei.ca.core.RevocationReason;
import renkei.ca.core.SignedCrl;
import renkei.platform.cli.Arguments;
import renkei.platform.cli.CliCommand;
import renkei.platform.cli.CliContext;

/** {@code renkei ca revoke}: revoke and re-issue the CRL (CA-08); prints the new CRL number. */
@Component(service = CliCommand.class)
public final class RevokeCommand extends CaCliCommand {

    public RevokeCommand() {
        super("ca revoke", "--serial HEX --reason R [--reference TEXT] - revoke (RFC 5280 reason name, e.g. keyCompromise) "
                + "and re-issue the CRL; prints the new CRL number");
    }

    @Override
    public int run(CliContext context, List<String> args) {
        Arguments options = new Arguments(args, Set.of("--serial", "--reason", "--reference"), Set.of());
        SignedCrl crl = context.service(CaService.class).revoke(context.session(), options.required("--serial"),
                RevocationReason.byName(options.required("--reason")), options.value("--reference").orElse(""));
        context.out().println(crl.number());
        return 0;
    }
}
