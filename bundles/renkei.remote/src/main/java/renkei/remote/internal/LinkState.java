// SPDX-License-Identifier: EPL-2.0
package renkei.remote.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import renkei.platform.remote.ServerConnection;

/**
 * What the client knows about its link to the server: up after any answer (a call, the service
 * list) or while the event stream is open; down after a network failure or a dead stream, with its
 * reason. The last observation wins. Every change of state or reason goes to the listener (which
 * posts {@link renkei.platform.remote.ConnectionEvents#TOPIC}).
 *
 * <p>Thread-safe; the listener is called outside the lock, on the observing thread.
 */
final class LinkState implements ServerConnection {

    /** A change: {@code detail} is the reason while down, empty while up. */
    record Change(boolean connected, String detail) {
    }

    private final String serverUrl;
    private final Clock clock;
    private final Consumer<Change> listener;
    private boolean connected;
    private String lastError;
    private Instant since;

    LinkState(String serverUrl, Clock clock, Consumer<Change> listener) {
        this.serverUrl = serverUrl;
        this.clock = clock;
        this.listener = listener;
        this.since = clock.instant();
    }

    /** The server answered. */
    void up() {
        update(true, null);
    }

    /** The server could not be reached, or the stream died; {@code error} says why in one line. */
    void down(String error) {
        update(false, Objects.requireNonNull(error, "error"));
    }

    private void update(boolean nowConnected, String error) {
        Change change;
        synchronized (this) {
            if (connected == nowConnected && Objects.equals(lastError, error)) {
                return;
            }
            connected = nowConnected;
            lastError = error;
            since = clock.instant();
            change = new Change(nowConnected, error == null ? "" : error);
        }
        listener.accept(change);
    }

    @Override
    public String serverUrl() {
        return serverUrl;
    }

    @Override
    public synchronized boolean connected() {
        return connected;
    }

    @Override
    public synchronized Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    @Override
    public synchronized Instant since() {
        return since;
    }

    @Override
    public synchronized String toString() {
        return "ServerConnection[" + serverUrl + (connected ? " connected" : " lost" + (lastError == null ? "" : ": " + lastError))
                + " since " + since + "]";
    }
}
