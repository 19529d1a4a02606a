// SPDX-License-Identifier: EPL-2.0
package renkei.server.internal;

import java.io.PrintStream;
import java.util.List;

import renkei.platform.IdentityService;
import renkei.platform.RenkeiHome;
import renkei.platform.Session;
import renkei.platform.cli.CliContext;
import renkei.platform.cli.Prompter;

/**
 * The {@link CliContext} of one {@code renkei} process: services from the OSGi registry, the
 * session of {@link CliSessionFile} resumed once on first use.
 *
 * <p>Main thread only.
 */
final class ProcessCliContext implements CliContext {

    private final Services services;
    private final PrintStream out;
    private final Prompter prompter;
    private final RenkeiHome home;
    private Session session;

    ProcessCliContext(Services services, PrintStream out, Prompter prompter, RenkeiHome home) {
        this.services = services;
        this.out = out;
        this.prompter = prompter;
        this.home = home;
    }

    @Override
    public PrintStream out() {
        return out;
    }

    @Override
    public Session session() {
        if (session == null) {
            session = CliLogins.resume(() -> service(IdentityService.class), new CliSessionFile(home));
        }
        return session;
    }

    @Override
    public <T> T service(Class<T> type) {
        return services.require(type);
    }

    @Override
    public <T> List<T> services(Class<T> type) {
        return services.all(type);
    }

    @Override
    public Prompter prompter() {
        return prompter;
    }

    @Override
    public RenkeiHome home() {
        return home;
    }
}
