// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.cli;

import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import renkei.ca.core.CaKeyService;
import renkei.ca.core.CeremonyRecord;
import renkei.platform.Session;
import renkei.platform.cli.Arguments;
import renkei.platform.cli.CliCommand;
import renkei.platform.cli.CliContext;

/**
 * {@code renkei ca init}: the key ceremony. The two CA operators authenticate here, each with a
 * password and a TOTP line, so it needs no {@code renkei login}.
 */
@Component(service = CliCommand.class)
public final class CaInitCommand extends CaCliCommand {

    public CaInitCommand() {
        super("ca init", "--operator U1 --operator U2 [--witness NAME]... - key ceremony: RSA-2048 CA key and 10-year "
                + "certificate; each operator answers a password and a TOTP line on stdin");
    }

    @Override
    public boolean needsSession() {
        return false;
    }

    @Override
    public int run(CliContext context, List<String> args) throws Exception {
        Arguments options = new Arguments(args, Set.of("--operator", "--witness"), Set.of());
        Session[] operators = twoOperators(context, options);
        CeremonyRecord record;
        try {
            record = context.service(CaKeyService.class).createCa(operators[0], operators[1], options.values("--witness"));
        } finally {
            logout(context, operators);
        }
        context.out().println("CA created: " + record.caSubject());
        context.out().println("serial=" + record.serialHex());
        context.out().println("sha256=" + record.sha256Fingerprint());
        context.out().println("keystore=" + record.keyStore());
        context.out().println("attendees=" + String.join(",", record.attendees()));
        return 0;
    }
}
