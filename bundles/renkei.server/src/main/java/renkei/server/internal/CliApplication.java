// SPDX-License-Identifier: EPL-2.0
package renkei.server.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

import renkei.platform.RenkeiHome;
import renkei.platform.cli.CliCommand;
import renkei.platform.cli.Prompter;
import renkei.platform.cli.UsageException;

/**
 * {@code releng/renkei …}: the headless product as a command-line tool for operators' scripts. The
 * platform's own commands live here; every bundle adds its own as {@link CliCommand} services.
 * Commands act as the operator of {@code renkei login} unless they set a home up. Output formats are
 * interfaces that scripts depend on; extend them, never rename. Errors are one line on stderr with a
 * non-zero exit code.
 */
public final class CliApplication implements IApplication {

    /** How long an unknown command waits for bundles still registering their commands. */
    private static final long LATE_COMMANDS_MILLIS = 5_000;

    @Override
    public Object start(IApplicationContext context) {
        try {
            return run(context);
        } catch (Throwable e) {
            // Equinox would report success for an application that throws; scripts need a failure.
            System.err.println("renkei: internal error: " + oneLine(e));
            return 1;
        }
    }

    private Object run(IApplicationContext context) throws InterruptedException {
        Logger.getLogger("").setLevel(Level.WARNING);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String[] raw = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        List<String> args = new ArrayList<>(Arrays.asList(raw == null ? new String[0] : raw));
        args.removeIf(a -> a.equals("-nosplash"));
        Services services = new Services();
        List<CliCommand> commands = commands(services);
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) {
            printHelp(commands, out);
            return args.isEmpty() ? 2 : 0;
        }
        CliCommand command = match(commands, args);
        long deadline = System.currentTimeMillis() + LATE_COMMANDS_MILLIS;
        while (command == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            command = match(commands(services), args);
        }
        if (command == null) {
            System.err.println("renkei: unknown command '" + String.join(" ", args) + "' (see 'renkei help')");
            return 2;
        }
        List<String> rest = args.subList(command.name().split(" ").length, args.size());
        ProcessCliContext cli = new ProcessCliContext(services, out, new Prompter(), RenkeiHome.fromEnvironment());
        try {
            if (command.needsSession()) {
                cli.session(); // before any prompt or work: a missing login is one line and nothing else
            }
            return command.run(cli, rest);
        } catch (UsageException e) {
            System.err.println("renkei " + command.name() + ": " + e.getMessage() + " (usage: renkei " + command.name() + " "
                    + command.usage() + ")");
            return 2;
        } catch (Exception e) {
            System.err.println("renkei " + command.name() + ": " + oneLine(e));
            return 1;
        }
    }

    /** The platform's commands and every {@link CliCommand} service, by name; the first of two with one name wins. */
    static List<CliCommand> commands(Services services) {
        List<CliCommand> all = new ArrayList<>(List.of(new DemoCommand(), new AuditCommands.Verify(), new AuditCommands.List(),
                new AuditCommands.Export(), new HealthCommand(), new DiagCommand(services), new OperatorCommands.ListOperators(),
                new OperatorCommands.Bootstrap(), new OperatorCommands.Add(), new OperatorCommands.EnrolTotp(),
                new SecretCommand(), new ConnectCommand()));
        all.addAll(NotifyCommands.all());
        all.addAll(LoginCommands.all());
        all.addAll(services.all(CliCommand.class));
        Map<String, CliCommand> byName = new LinkedHashMap<>();
        for (CliCommand command : all) {
            byName.putIfAbsent(command.name(), command);
        }
        List<CliCommand> commands = new ArrayList<>(byName.values());
        commands.sort(Comparator.comparing(CliCommand::name));
        return commands;
    }

    private static CliCommand match(List<CliCommand> commands, List<String> args) {
        CliCommand best = null;
        for (CliCommand command : commands) {
            List<String> words = List.of(command.name().split(" "));
            if (args.size() >= words.size() && args.subList(0, words.size()).equals(words)
                    && (best == null || words.size() > best.name().split(" ").length)) {
                best = command;
            }
        }
        return best;
    }

    private static void printHelp(List<CliCommand> commands, PrintStream out) {
        out.println("Usage: renkei <command> [options]   (RENKEI_HOME selects the installation)");
        out.println();
        out.println("Commands:");
        for (CliCommand command : commands) {
            out.println("  " + command.name() + " " + command.usage());
        }
        out.println("  help  - this list");
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message += " (" + cause.getMessage() + ")";
        }
        return message.replace('\n', ' ');
    }

    @Override
    public void stop() {
        // Commands are short-lived; the framework stops after start() returns.
    }
}
