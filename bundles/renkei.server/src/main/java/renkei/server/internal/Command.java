// SPDX-License-Identifier: EPL-2.0
package renkei.server.internal;

import java.io.PrintStream;
import java.util.List;

/** One {@code renkei <name> …} subcommand: its words, its usage line and what it does. */
abstract class Command {

    private final String name;
    private final String usage;
    protected final Services services;

    /**
     * @param name  the words that select this command, e.g. {@code "audit verify"}
     * @param usage shown by {@code renkei help}: arguments after the name, then a dash and a summary
     */
    Command(String name, String usage, Services services) {
        this.name = name;
        this.usage = usage;
        this.services = services;
    }

    final String name() {
        return name;
    }

    final String usage() {
        return usage;
    }

    /**
     * Runs the command.
     *
     * @param args arguments after the command name
     * @return process exit code: 0 success, 1 the checked condition failed, 2 bad usage
     */
    abstract int run(List<String> args, PrintStream out) throws Exception;
}
