// SPDX-License-Identifier: EPL-2.0
package renkei.platform.cli;

import java.io.PrintStream;
import java.util.List;

import renkei.platform.RenkeiHome;
import renkei.platform.Session;

/**
 * What a {@link CliCommand} runs with: standard output, the operator's session, services, the
 * shared standard-input {@link Prompter} and the home.
 *
 * <p>Used on the CLI's main thread only.
 *
 * @noimplement
 */
public interface CliContext {

    /** Standard output, UTF-8. Errors go to the exceptions a command throws, never here. */
    PrintStream out();

    /**
     * The session of the operator logged in to this home ({@code renkei login}), resumed through
     * the identity service, which re-checks its lifetimes and the account.
     *
     * @throws NotLoggedInException when nobody is logged in or the session ended, with a one-line
     *         message telling how to log in
     */
    Session session();

    /** A service, waiting while Declarative Services starts it; explains which component is stuck otherwise. */
    <T> T service(Class<T> type);

    /** Every service of the type registered now, in no particular order. */
    <T> List<T> services(Class<T> type);

    /** Standard input, read once by all who ask, so several operators can answer in turn from one pipe. */
    Prompter prompter();

    RenkeiHome home();
}
