// SPDX-License-Identifier: EPL-2.0
package renkei.platform.remote;

/**
 * EventAdmin topic a connected client posts when its link to the server changes, so the console's
 * status line can show a lost server without knowing how the console is wired. Never posted in an
 * embedded home.
 */
public final class ConnectionEvents {

    /** Properties {@link #STATE} ({@code connected}, {@code lost}), {@link #SERVER} and {@link #DETAIL}. */
    public static final String TOPIC = "renkei/connection";

    public static final String STATE = "state";
    public static final String SERVER = "server";
    public static final String DETAIL = "detail";

    public static final String CONNECTED = "connected";
    public static final String LOST = "lost";

    /** Property set on events that a connected client re-posts from the server's event stream. */
    public static final String FROM_SERVER = "renkei.fromServer";

    private ConnectionEvents() {
    }
}
