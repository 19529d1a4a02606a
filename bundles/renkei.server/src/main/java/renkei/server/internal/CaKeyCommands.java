// SPDX-License-Identifier: EPL-2.0
package renkei.server.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import renkei.ca.core.CaKeyService;
import renkei.ca.core.CeremonyRecord;
import renkei.ca.core.KeyStatus;
import renkei.platform.IdentityService;
import renkei.platform.Session;

/** {@code renkei ca init|activate|deactivate|status}: the CA key under dual control. */
final class CaKeyCommands {

    private CaKeyCommands() {
    }

    static List<Command> all(Services services) {
        return List.of(new Init(services), new Activate(services), new Deactivate(services), new Status(services));
    }

    private static final class Init extends Command {

        Init(Services services) {
            super("ca init", "--operator U1 --operator U2 [--witness NAME]... - key ceremony: RSA-2048 CA key and 10-year "
                    + "certificate; each operator answers a password and a TOTP line on stdin", services);
        }

        @Override
        int run(List<String> args, PrintStream out) throws Exception {
            Arguments options = new Arguments(args, Set.of("--operator", "--witness"), Set.of());
            Session[] operators = twoOperators(services, options);
            CeremonyRecord record = services.require(CaKeyService.class).createCa(operators[0], operators[1],
                    options.values("--witness"));
            out.println("CA created: " + record.caSubject());
            out.println("serial=" + record.serialHex());
            out.println("sha256=" + record.sha256Fingerprint());
            out.println("keystore=" + record.keyStore());
            out.println("attendees=" + String.join(",", record.attendees()));
            return 0;
        }
    }

    private static final class Activate extends Command {

        Activate(Services services) {
            super("ca activate", "--operator U1 --operator U2 [--period PT8H] - activate the CA key (two CA operators, "
                    + "password and TOTP lines on stdin)", services);
        }

        @Override
        int run(List<String> args, PrintStream out) throws Exception {
            Arguments options = new Arguments(args, Set.of("--operator", "--period"), Set.of());
            Duration period = duration(options.value("--period").orElse("PT8H"));
            Session[] operators = twoOperators(services, options);
            print(services.require(CaKeyService.class).activate(operators[0], operators[1], period), out);
            return 0;
        }
    }

    private static final class Deactivate extends Command {

        Deactivate(Services services) {
            super("ca deactivate", "--operator U [--reason TEXT] - end the activation now (password and TOTP lines on stdin)",
                    services);
        }

        @Override
        int run(List<String> args, PrintStream out) throws Exception {
            Arguments options = new Arguments(args, Set.of("--operator", "--reason"), Set.of());
            Session operator = new CliSession.Prompter().login(services.require(IdentityService.class), options.required("--operator"));
            print(services.require(CaKeyService.class).deactivate(operator, options.value("--reason").orElse("")), out);
            return 0;
        }
    }

    private static final class Status extends Command {

        Status(Services services) {
            super("ca status", "- CA key, activation and certificate: name=value lines", services);
        }

        @Override
        int run(List<String> args, PrintStream out) {
            new Arguments(args, Set.of(), Set.of());
            print(services.require(CaKeyService.class).status(), out);
            return 0;
        }
    }

    static void print(KeyStatus status, PrintStream out) {
        out.println("initialised=" + status.initialised());
        out.println("keystore=" + status.keyStore());
        status.caSubject().ifPresent(s -> out.println("subject=" + s));
        status.caNotAfter().ifPresent(t -> out.println("notAfter=" + t));
        status.sha256Fingerprint().ifPresent(f -> out.println("sha256=" + f));
        out.println("active=" + status.isActive(java.time.Instant.now()));
        status.activeUntil().ifPresent(t -> out.println("activeUntil=" + t));
        if (!status.activatedBy().isEmpty()) {
            out.println("activatedBy=" + String.join(",", status.activatedBy()));
        }
    }

    private static Session[] twoOperators(Services services, Arguments options) throws Exception {
        List<String> names = options.values("--operator");
        if (names.size() != 2) {
            throw new Arguments.UsageException("exactly two --operator options are required (dual control)");
        }
        if (names.get(0).equals(names.get(1))) {
            throw new Arguments.UsageException("the two --operator options must name two different CA operators (dual control)");
        }
        IdentityService identity = services.require(IdentityService.class);
        CliSession.Prompter prompter = new CliSession.Prompter();
        return new Session[] { prompter.login(identity, names.get(0)), prompter.login(identity, names.get(1)) };
    }

    static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (RuntimeException e) {
            throw new Arguments.UsageException("needs an ISO-8601 duration such as PT8H or P30D, got '" + text + "'");
        }
    }
}
