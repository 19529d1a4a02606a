// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import renkei.ca.core.CaService;
import renkei.platform.cli.Arguments;
import renkei.platform.cli.CliCommand;
import renkei.platform.cli.CliContext;

/** {@code renkei ca cacert}: the CA certificate for relying parties and {@code renkei connect}. */
@Component(service = CliCommand.class)
public final class CaCertCommand extends CaCliCommand {

    public CaCertCommand() {
        super("ca cacert", "--out FILE [--der] - the CA certificate, PEM unless --der");
    }

    @Override
    public int run(CliContext context, List<String> args) throws Exception {
        Arguments options = new Arguments(args, Set.of("--out"), Set.of("--der"));
        byte[] der = context.service(CaService.class).caCertificate().getEncoded();
        write(Path.of(options.required("--out")), options.flag("--der") ? der : pem("CERTIFICATE", der));
        return 0;
    }
}
