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
import renkei.platform.cli.Arguments;
import renkei.platform.cli.CliContext;
import renkei.platform.cli.UsageException;

/** {@code renkei operator …}: inspect accounts and create the first one of a new installation. */
final class OperatorCommands {

    private OperatorCommands() {
    }

    static final class ListOperators extends Command {

        ListOperators() {
            super("operator list",
                    "- operator accounts: user, roles, site, TOTP enrolled, enabled");
        }

        @Override
        public int run(CliContext context, List<String> args) {
        PrintStream out = context.out();
            new Arguments(args, Set.of(), Set.of());
            for (Operator operator : context.service(IdentityService.class).list()) {
                out.println(String.join("\t", operator.username(), operator.roles().stream().map(Enum::name).sorted()
                        .reduce((a, b) -> a + "," + b).orElse(""), operator.site().orElse("-"),
                        operator.totpEnrolled() ? "totp" : "no-totp", operator.enabled() ? "enabled" : "disabled",
                        operator.displayName()));
            }
            return 0;
        }
    }

    static final class Bootstrap extends Command {

        Bootstrap() {
            super("operator bootstrap",
                    "--user U --name NAME --password-file F [--email E] - create the first operations-office account", false);
        }

        @Override
        public int run(CliContext context, List<String> args) throws Exception {
        PrintStream out = context.out();
            Arguments options = new Arguments(args, Set.of("--user", "--name", "--password-file", "--email"), Set.of());
            String password = Files.readString(Path.of(options.required("--password-file")), StandardCharsets.UTF_8).strip();
            Operator created = context.service(IdentityService.class).bootstrap(new NewOperator(options.required("--user"),
                    options.required("--name"), options.value("--email"), java.util.Optional.empty(),
                    EnumSet.of(Role.OPERATIONS_OFFICE), password.toCharArray()));
            out.println("Created " + created.username() + " (OPERATIONS_OFFICE)");
            return 0;
        }
    }

    static final class Add extends Command {

        Add() {
            super("operator add", "--user U --name NAME --role ROLE[,ROLE] --password-file F [--email E] [--site S] - create an "
                    + "account (roles: " + java.util.Arrays.toString(Role.values()) + "); CA roles then need 'operator totp'");
        }

        @Override
        public int run(CliContext context, List<String> args) throws Exception {
        PrintStream out = context.out();
            Arguments options = new Arguments(args, Set.of("--user", "--name", "--role", "--password-file", "--email", "--site"),
                    Set.of());
            EnumSet<Role> roles = EnumSet.noneOf(Role.class);
            for (String role : options.required("--role").split(",")) {
                try {
                    roles.add(Role.valueOf(role.strip().toUpperCase(java.util.Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new UsageException("unknown role '" + role + "'");
                }
            }
            String password = Files.readString(Path.of(options.required("--password-file")), StandardCharsets.UTF_8).strip();
            Operator created = context.service(IdentityService.class).createOperator(context.session(),
                    new NewOperator(options.required("--user"), options.required("--name"), options.value("--email"),
                            options.value("--site"), roles, password.toCharArray()));
            out.println("Created " + created.username() + " (" + String.join(",", created.roles().stream().map(Enum::name).sorted()
                    .toList()) + ")");
            return 0;
        }
    }

    static final class EnrolTotp extends Command {

        EnrolTotp() {
            super("operator totp", "--user U - give the account a new TOTP secret; prints secret=BASE32 and uri=otpauth://… "
                    + "for the operator's authenticator app");
        }

        @Override
        public int run(CliContext context, List<String> args) {
        PrintStream out = context.out();
            Arguments options = new Arguments(args, Set.of("--user"), Set.of());
            renkei.platform.TotpEnrolment enrolment = context.service(IdentityService.class).enrolTotp(context.session(),
                    options.required("--user"));
            out.println("secret=" + enrolment.base32Secret());
            out.println("uri=" + enrolment.otpauthUri());
            return 0;
        }
    }
}
