// SPDX-License-Identifier: EPL-2.0
package renkei.server.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/**
 * {@code releng/renkei …}: the headless product as a command-line tool for operators' scripts. Output
 * formats are interfaces that scripts depend on; extend them, never rename. Errors are one line on
 * stderr with a non-zero exit code.
 */
public final class CliApplication implements IApplication {

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

    private Object run(IApplicationContext context) {
        Logger.getLogger("").setLevel(Level.WARNING);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String[] raw = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        List<String> args = new ArrayList<>(Arrays.asList(raw == null ? new String[0] : raw));
        args.removeIf(a -> a.equals("-nosplash"));
        Services services = new Services();
        List<Command> commands = commands(services);
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) {
            printHelp(commands, out);
            return args.isEmpty() ? 2 : 0;
        }
        Command command = match(commands, args);
        if (command == null) {
            System.err.println("renkei: unknown command '" + String.join(" ", args) + "' (see 'renkei help')");
            return 2;
        }
        List<String> rest = args.subList(command.name().split(" ").length, args.size());
        try {
            return command.run(rest, out);
        } catch (Arguments.UsageException e) {
            System.err.println("renkei " + command.name() + ": " + e.getMessage() + " (usage: renkei " + command.name() + " "
                    + command.usage() + ")");
            return 2;
        } catch (Exception e) {
            System.err.println("renkei " + command.name() + ": " + oneLine(e));
            return 1;
        }
    }

    static List<Command> commands(Services services) {
        List<Command> commands = new ArrayList<>(List.of(new DemoCommand(services), new AuditCommands.Verify(services),
                new AuditCommands.List(services), new AuditCommands.Export(services), new HealthCommand(services),
                new DiagCommand(services), new OperatorCommands.ListOperators(services),
                new OperatorCommands.Bootstrap(services), new OperatorCommands.Add(services),
                new OperatorCommands.EnrolTotp(services)));
        commands.addAll(NotifyCommands.all(services));
        commands.add(new SecretCommand(services));
        commands.addAll(CaKeyCommands.all(services));
        commands.addAll(CaCommands.all(services));
        commands.sort(Comparator.comparing(Command::name));
        return commands;
    }

    private static Command match(List<Command> commands, List<String> args) {
        Command best = null;
        for (Command command : commands) {
            List<String> words = List.of(command.name().split(" "));
            if (args.size() >= words.size() && args.subList(0, words.size()).equals(words)
                    && (best == null || words.size() > best.name().split(" ").length)) {
                best = command;
            }
        }
        return best;
    }

    private static void printHelp(List<Command> commands, PrintStream out) {
        out.println("Usage: renkei <command> [options]   (RENKEI_HOME selects the installation)");
        out.println();
        out.println("Commands:");
        for (Command command : commands) {
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
