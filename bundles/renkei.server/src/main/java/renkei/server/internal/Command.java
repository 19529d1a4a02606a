// SPDX-License-Identifier: EPL-2.0
package renkei.server.internal;

import renkei.platform.cli.CliCommand;

/** A platform subcommand of {@code renkei}: its words and usage line; domain bundles publish their own {@link CliCommand}s. */
abstract class Command implements CliCommand {

    private final String name;
    private final String usage;
    private final boolean needsSession;

    /**
     * @param name  the words that select this command, e.g. {@code "audit verify"}
     * @param usage shown by {@code renkei help}: arguments after the name, then a dash and a summary
     */
    Command(String name, String usage) {
        this(name, usage, true);
    }

    Command(String name, String usage, boolean needsSession) {
        this.name = name;
        this.usage = usage;
        this.needsSession = needsSession;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String usage() {
        return usage;
    }

    @Override
    public final boolean needsSession() {
        return needsSession;
    }
}
