// SPDX-License-Identifier: EPL-2.0
package renkei.server.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import renkei.platform.IdentityService;
import renkei.platform.NewOperator;
import renkei.platform.Operator;
import renkei.platform.Role;

/** {@code renkei operator …}: inspect accounts and create the first one of a new installation. */
final class OperatorCommands {

    private OperatorCommands() {
    }

    static final class ListOperators extends Command {

        ListOperators(Services services) {
            super("operator list",
                    "- operator accounts: user, roles, site, TOTP enrolled, enabled", services);
        }

        @Override
        int run(List<String> args, PrintStream out) {
            new Arguments(args, Set.of(), Set.of());
            for (Operator operator : services.require(IdentityService.class).list()) {
                out.println(String.join("\t", operator.username(), operator.roles().stream().map(Enum::name).sorted()
                        .reduce((a, b) -> a + "," + b).orElse(""), operator.site().orElse("-"),
                        operator.totpEnrolled() ? "totp" : "no-totp", operator.enabled() ? "enabled" : "disabled",
                        operator.displayName()));
            }
            return 0;
        }
    }

    static final class Bootstrap extends Command {

        Bootstrap(Services services) {
            super("operator bootstrap",
                    "--user U --name NAME --password-file F [--email E] - create the first operations-office account", services);
        }

        @Override
        int run(List<String> args, PrintStream out) throws Exception {
            Arguments options = new Arguments(args, Set.of("--user", "--name", "--password-file", "--email"), Set.of());
            String password = Files.readString(Path.of(options.required("--password-file")), StandardCharsets.UTF_8).strip();
            Operator created = services.require(IdentityService.class).bootstrap(new NewOperator(options.required("--user"),
                    options.required("--name"), options.value("--email"), java.util.Optional.empty(),
                    EnumSet.of(Role.OPERATIONS_OFFICE), password.toCharArray()));
            out.println("Created " + created.username() + " (OPERATIONS_OFFICE)");
            return 0;
        }
    }
}
