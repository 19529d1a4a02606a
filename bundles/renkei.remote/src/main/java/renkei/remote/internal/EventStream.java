// SPDX-License-Identifier: EPL-2.0
package renkei.remote.internal;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.service.event.Event;

import com.fasterxml.jackson.databind.JsonNode;

import renkei.remote.wire.WireError;
import renkei.remote.wire.WireJson;
import renkei.remote.wire.WireProtocol;

/**
 * Follows the server's event stream ({@code GET /events}) for the primary session and hands every
 * event to the sink. The server writes a comment at least every {@link WireProtocol#HEARTBEAT_MILLIS};
 * a stream silent for 2.5 times that is a dead link (a server that vanished without closing the
 * connection) and is dropped. A dropped or refused stream is opened again after the back-off
 * (1 s doubling to 15 s); a new primary session reopens it at once; without one it stays closed.
 *
 * <p>Runs on its own daemon thread, started by {@link #start} and ended by {@link #stop}; the
 * sink is called on the HTTP client's threads, one event at a time.
 */
final class EventStream implements Runnable {

    private static final Logger LOG = Logger.getLogger(EventStream.class.getName());

    /** How long the stream may stay silent before the link counts as dead. */
    static final long DEAD_AFTER_MILLIS = WireProtocol.HEARTBEAT_MILLIS * 5 / 2;

    private final WireClient client;
    private final PrimarySession primary;
    private final LinkState link;
    private final Consumer<Event> sink;
    private final Backoff backoff;
    private final long deadAfterMillis;
    private volatile boolean running;
    private volatile Thread thread;

    EventStream(WireClient client, PrimarySession primary, LinkState link, Consumer<Event> sink, Backoff backoff,
            long deadAfterMillis) {
        this.client = client;
        this.primary = primary;
        this.link = link;
        this.sink = sink;
        this.backoff = backoff;
        this.deadAfterMillis = deadAfterMillis;
    }

    synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        Thread started = new Thread(this, "renkei-remote-events");
        started.setDaemon(true);
        thread = started;
        started.start();
    }

    /** Drops the stream and ends the thread, waiting up to {@code wait} for it. */
    void stop(Duration wait) {
        Thread stopping;
        synchronized (this) {
            running = false;
            stopping = thread;
            thread = null;
        }
        if (stopping != null) {
            stopping.interrupt();
            try {
                stopping.join(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How one stream ended. */
    enum End {
        /** Dropped, refused or unreachable: wait the back-off before the next one. */
        FAILED,
        /** The primary session changed or the client stops: no waiting. */
        SWITCHED
    }

    @Override
    public void run() {
        try {
            while (running) {
                Optional<String> token = primary.await(1_000);
                if (token.isEmpty() || !running) {
                    continue;
                }
                if (follow(token.get()) == End.FAILED && running) {
                    Thread.sleep(backoff.next().toMillis());
                }
            }
        } catch (InterruptedException e) {
            // stop(): the thread ends.
        }
    }

    /** Opens the stream for {@code token} and follows it until it ends. */
    End follow(String token) throws InterruptedException {
        Lines lines = new Lines();
        CompletableFuture<HttpResponse<String>> answer = client.stream(WireProtocol.EVENTS, token, info -> {
            if (info.statusCode() == 200) {
                backoff.reset();
                link.up();
                return HttpResponse.BodySubscribers.fromLineSubscriber(lines, subscriber -> "", StandardCharsets.UTF_8, null);
            }
            return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
        });
        long tick = Math.max(10, Math.min(500, deadAfterMillis / 5));
        try {
            while (!answer.isDone()) {
                lines.awaitActivity(tick);
                if (!running || !primary.isPrimary(token)) {
                    return End.SWITCHED;
                }
                long silent = lines.silentMillis();
                if (silent > deadAfterMillis && !answer.isDone()) {
                    link.down("no heartbeat from server " + client.serverUrl() + " for " + silent / 1000 + " s");
                    return End.FAILED;
                }
            }
        } finally {
            lines.cancel();
            answer.cancel(true);
        }
        return ended(answer, token);
    }

    private End ended(CompletableFuture<HttpResponse<String>> answer, String token) throws InterruptedException {
        HttpResponse<String> response;
        try {
            response = answer.get();
        } catch (ExecutionException e) {
            link.down(client.unreachable(e.getCause()).getMessage());
            return End.FAILED;
        }
        if (response.statusCode() == 200) {
            link.down("server " + client.serverUrl() + " closed the event stream");
            return End.FAILED;
        }
        link.up();
        Optional<WireError> error = error(response.body());
        if (response.statusCode() == 401) {
            error.flatMap(WireError::authenticationReason).ifPresent(reason -> primary.refused(reason, List.of(token)));
            if (!primary.isPrimary(token)) {
                return End.SWITCHED;
            }
        }
        String why = "server " + client.serverUrl() + " refused the event stream: HTTP " + response.statusCode()
                + error.map(e -> " " + e.message()).orElse("");
        LOG.log(Level.WARNING, why);
        link.down(why);
        return End.FAILED;
    }

    private static Optional<WireError> error(String body) {
        try {
            JsonNode node = body == null || body.isEmpty() ? null : WireJson.mapper().readTree(body);
            JsonNode error = node == null ? null : node.get("error");
            return error == null ? Optional.empty() : Optional.of((WireError) WireJson.read(error, WireError.class, "error"));
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The lines of one open stream: parsed as SSE, events handed to the sink, silence measured. */
    private final class Lines implements Flow.Subscriber<String> {

        private final SseParser parser = new SseParser();
        private volatile long lastActivity = System.nanoTime();
        private Flow.Subscription subscription;
        private boolean cancelled;

        @Override
        public void onSubscribe(Flow.Subscription newSubscription) {
            boolean cancel;
            synchronized (this) {
                subscription = newSubscription;
                cancel = cancelled;
            }
            if (cancel) {
                newSubscription.cancel();
            } else {
                newSubscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(String line) {
            lastActivity = System.nanoTime();
            parser.line(line).ifPresent(this::deliver);
            signal();
        }

        private void deliver(SseParser.SseEvent event) {
            if (!WireProtocol.EVENT.equals(event.name())) {
                return;
            }
            Optional<Event> parsed = ServerEvents.parse(event.data());
            if (parsed.isEmpty()) {
                LOG.log(Level.WARNING, "server " + client.serverUrl() + " sent an event that is not one: " + event.data());
                return;
            }
            try {
                sink.accept(parsed.get());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "cannot re-post the server's event " + parsed.get().getTopic(), e);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            signal();
        }

        @Override
        public void onComplete() {
            signal();
        }

        private synchronized void signal() {
            notifyAll();
        }

        synchronized void awaitActivity(long millis) throws InterruptedException {
            wait(millis);
        }

        long silentMillis() {
            return (System.nanoTime() - lastActivity) / 1_000_000;
        }

        void cancel() {
            Flow.Subscription current;
            synchronized (this) {
                cancelled = true;
                current = subscription;
            }
            if (current != null) {
                current.cancel();
            }
        }
    }
}
