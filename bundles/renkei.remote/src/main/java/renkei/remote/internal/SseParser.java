// SPDX-License-Identifier: EPL-2.0
package renkei.remote.internal;

import java.util.Optional;

/**
 * Server-sent events (the {@code text/event-stream} format of the HTML standard), fed one line at a
 * time: {@code event:} names the event, {@code data:} lines are joined with newlines, a blank line
 * dispatches, a line starting with {@code :} is a comment (the server's heartbeat). {@code id} and
 * {@code retry} are ignored: the client reconnects by its own back-off and the server keeps no
 * replay buffer.
 *
 * <p>Not thread-safe: one per stream.
 */
final class SseParser {

    /** One dispatched event; {@code name} is {@code message} when the server named none. */
    record SseEvent(String name, String data) {
    }

    private String name;
    private StringBuilder data;

    /** The event this line completes, if it is the blank line after one. */
    Optional<SseEvent> line(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.startsWith(":")) {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> name = value;
            case "data" -> {
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            }
            default -> {
                // id, retry and unknown fields: nothing this client needs.
            }
        }
        return Optional.empty();
    }

    /** Forgets a half-received event, when the stream broke in the middle of one. */
    void reset() {
        name = null;
        data = null;
    }

    private Optional<SseEvent> dispatch() {
        try {
            if (data == null) {
                return Optional.empty();
            }
            return Optional.of(new SseEvent(name == null || name.isEmpty() ? "message" : name, data.toString()));
        } finally {
            reset();
        }
    }
}
