// SPDX-License-Identifier: EPL-2.0
package renkei.remote.server.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.FutureCallback;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import renkei.platform.remote.ConnectionEvents;
import renkei.remote.wire.WireJson;
import renkei.remote.wire.WireProtocol;

/**
 * Streams the server's EventAdmin events under {@code renkei/} to connected consoles as server-sent
 * events, so feed items, health changes and CA events reach them without polling. Only simple
 * property values travel (text, numbers, booleans, text arrays). Each stream has a bounded queue: a
 * console that does not read is dropped (it reconnects) rather than slowing the server down.
 *
 * <p>Thread-safe: {@link #handleEvent} runs on EventAdmin's threads, each stream on its request thread.
 */
final class EventHub implements EventHandler {

    static final String TOPICS = "renkei/*";
    private static final int QUEUE = 1_000;
    private static final long WRITE_TIMEOUT_SECONDS = 10;

    private final Set<BlockingQueue<String>> streams = ConcurrentHashMap.newKeySet();

    @Override
    public void handleEvent(Event event) {
        if (event.containsProperty(ConnectionEvents.FROM_SERVER) || streams.isEmpty()) {
            return;
        }
        String frame = frame(event);
        for (BlockingQueue<String> stream : streams) {
            if (!stream.offer(frame)) {
                stream.clear();
                stream.offer(OVERFLOW);
            }
        }
    }

    int openStreams() {
        return streams.size();
    }

    private static final String OVERFLOW = "";

    /**
     * Serves one stream until the client goes away, falls behind, or {@code stillTrusted} says its
     * certificate is no longer good (checked at every heartbeat).
     */
    void serve(Response response, BooleanSupplier stillTrusted) throws Exception {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE);
        streams.add(queue);
        try {
            write(response, ": renkei event stream\n\n");
            while (true) {
                String frame = queue.poll(WireProtocol.HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
                if (frame == null) {
                    if (!stillTrusted.getAsBoolean()) {
                        return;
                    }
                    write(response, ": heartbeat\n\n");
                } else if (frame == OVERFLOW) {
                    return;
                } else {
                    write(response, frame);
                }
            }
        } finally {
            streams.remove(queue);
        }
    }

    private static void write(Response response, String text) throws Exception {
        FutureCallback written = new FutureCallback();
        response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), written);
        written.get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    static String frame(Event event) {
        ObjectNode data = WireJson.mapper().createObjectNode();
        data.put("topic", event.getTopic());
        ObjectNode properties = data.putObject("properties");
        for (String name : event.getPropertyNames()) {
            if (name.equals(EventConstants.EVENT_TOPIC)) {
                continue;
            }
            Object value = event.getProperty(name);
            if (value instanceof String text) {
                properties.put(name, text);
            } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                properties.put(name, ((Number) value).longValue());
            } else if (value instanceof Number number) {
                properties.put(name, number.doubleValue());
            } else if (value instanceof Boolean flag) {
                properties.put(name, flag);
            } else if (value instanceof String[] texts) {
                ArrayNode array = properties.putArray(name);
                for (String text : texts) {
                    array.add(text);
                }
            } else if (value != null && (value instanceof Enum<?> || value instanceof java.time.temporal.Temporal)) {
                properties.put(name, value.toString());
            }
        }
        return "event: " + WireProtocol.EVENT + "\ndata: " + data + "\n\n";
    }
}
