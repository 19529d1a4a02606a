// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

import java.util.concurrent.Callable;

/**
 * The channel the current call arrived over: {@link #LOCAL} for code in this process, or the
 * server's name for a remote client (its TLS client certificate's fingerprint). Session tokens are
 * bound to the channel they were opened over, so a token copied to another client certificate is
 * useless. Only the HTTPS endpoint sets a channel, around each call it dispatches; a client
 * cannot choose the server's value.
 *
 * <p>Thread-confined: the value belongs to the calling thread.
 */
public final class CallChannel {

    /** Calls made in this process (embedded console, CLI on a local database, scheduler). */
    public static final String LOCAL = "local";

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private CallChannel() {
    }

    public static String current() {
        String channel = CURRENT.get();
        return channel == null ? LOCAL : channel;
    }

    public static boolean isRemote() {
        return CURRENT.get() != null;
    }

    /** Runs {@code call} as arriving over {@code channel}; restores the previous channel afterwards. */
    public static <T> T callOver(String channel, Callable<T> call) throws Exception {
        String previous = CURRENT.get();
        CURRENT.set(channel);
        try {
            return call.call();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
