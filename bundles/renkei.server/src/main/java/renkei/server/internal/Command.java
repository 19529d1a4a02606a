// SPDX-License-Identifier: EPL-2.0
package renkei.server.internal;

import java.io.PrintStream;
import java.util.List;

/** One {@code renkei <name> …} subcommand. */
interface Command {

    /** The words that select this command, e.g. {@code "audit verify"}. */
    String name();

    /** Usage shown by {@code renkei help}: arguments after the name, then a dash and a summary. */
    String usage();

    /**
     * Runs the command.
     *
     * @param args arguments after the command name
     * @return process exit code: 0 success, 1 the checked condition failed, 2 bad usage
     */
    int run(List<String> args, PrintStream out) throws Exception;
}
