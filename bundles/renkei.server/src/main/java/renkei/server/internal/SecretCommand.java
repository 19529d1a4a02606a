// SPDX-License-Identifier: EPL-2.0
package renkei.server.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import renkei.platform.SecretStore;
import renkei.platform.cli.Arguments;
import renkei.platform.cli.CliContext;
import renkei.platform.cli.UsageException;

/**
 * {@code renkei secret set NAME}: stores a secret (database or SMTP password …) in the home's
 * keystore, reading it from stdin so it never appears in the process list or shell history.
 */
final class SecretCommand extends Command {

    SecretCommand() {
        super("secret set",
                "NAME - read a secret from stdin into the keystore (db.password, mail.smtp.password, …)", false);
    }

    @Override
    public int run(CliContext context, List<String> args) throws Exception {
        PrintStream out = context.out();
        Arguments options = new Arguments(args, Set.of(), Set.of());
        if (options.positional().size() != 1) {
            throw new UsageException("exactly one secret name is needed");
        }
        String value = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (value == null || value.isEmpty()) {
            throw new UsageException("no secret on stdin");
        }
        context.service(SecretStore.class).put(options.positional().get(0), value);
        out.println("Stored secret " + options.positional().get(0));
        return 0;
    }
}
