// SPDX-License-Identifier: EPL-2.0
package renkei.platform.cli;

import java.util.List;

/**
 * One {@code renkei <name> …} subcommand, published as a DS service by the bundle that owns what it
 * does ({@code @Component(service = CliCommand.class)}); the CLI application collects every one.
 * Spellings and output formats are interfaces operators' scripts depend on: extend them, never
 * rename. Implementations look services up through the {@link CliContext} when they run rather
 * than by DS references, so {@code renkei help} lists a command even while its services are stuck,
 * and running it then explains which component is missing.
 *
 * <p>Called once per process, on the CLI's main thread.
 */
public interface CliCommand {

    /** The words that select the command, e.g. {@code ca license issue}; the longest match wins. */
    String name();

    /** Shown by {@code renkei help}: the arguments after the name, then {@code " - "} and a summary. */
    String usage();

    /**
     * Whether the command acts as the logged-in operator ({@code renkei login}). Only commands that
     * set a home up, or authenticate their operators themselves, answer false.
     */
    default boolean needsSession() {
        return true;
    }

    /**
     * Runs the command. Errors are reported by the CLI as one line on stderr: a
     * {@link UsageException} exits 2, any other exception 1.
     *
     * @param args the arguments after the command's name
     * @return the process exit code: 0 success, 1 the checked condition failed, 2 bad usage
     */
    int run(CliContext context, List<String> args) throws Exception;
}
