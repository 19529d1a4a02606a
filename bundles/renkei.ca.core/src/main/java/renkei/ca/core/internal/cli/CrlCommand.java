// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import renkei.ca.core.CaService;
import renkei.ca.core.SignedCrl;
import renkei.platform.cli.Arguments;
import renkei.platform.cli.CliCommand;
import renkei.platform.cli.CliContext;

/** {@code renkei ca crl}: the newest CRL, signing one when there is none or with {@code --issue}. */
@Component(service = CliCommand.class)
public final class CrlCommand extends CaCliCommand {

    public CrlCommand() {
        super("ca crl", "--out FILE [--der] [--issue] - the newest CRL (signing one if there is none, or with --issue), "
                + "PEM unless --der");
    }

    @Override
    public int run(CliContext context, List<String> args) throws Exception {
        Arguments options = new Arguments(args, Set.of("--out"), Set.of("--der", "--issue"));
        Path file = Path.of(options.required("--out"));
        CaService ca = context.service(CaService.class);
        Optional<SignedCrl> latest = options.flag("--issue") ? Optional.empty() : ca.latestCrl();
        SignedCrl crl = latest.isPresent() && latest.get().der() != null ? latest.get() : ca.issueCrl(context.session());
        write(file, options.flag("--der") ? crl.der() : pem("X509 CRL", crl.der()));
        return 0;
    }
}
