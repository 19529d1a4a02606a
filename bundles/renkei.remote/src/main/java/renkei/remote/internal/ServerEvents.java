// SPDX-License-Identifier: EPL-2.0
package renkei.remote.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.event.Event;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import renkei.platform.remote.ConnectionEvents;
import renkei.remote.wire.WireJson;

/**
 * The EventAdmin event of one {@code data:} payload of the server's stream,
 * {@code {"topic":"renkei/…","properties":{…}}}, marked {@link ConnectionEvents#FROM_SERVER} so a
 * listener can tell it from one of this process.
 *
 * <p>Stateless; thread-safe.
 */
final class ServerEvents {

    private static final TypeReference<LinkedHashMap<String, Object>> PROPERTIES = new TypeReference<>() {
    };

    private ServerEvents() {
    }

    /** The event, or empty when the payload is not one (logged by the caller). */
    static Optional<Event> parse(String data) {
        try {
            JsonNode node = WireJson.mapper().readTree(data);
            JsonNode topic = node == null ? null : node.get("topic");
            if (topic == null || !topic.isTextual()) {
                return Optional.empty();
            }
            JsonNode properties = node.get("properties");
            Map<String, Object> values = properties == null || !properties.isObject() ? new LinkedHashMap<>()
                    : WireJson.mapper().convertValue(properties, PROPERTIES);
            values.values().removeIf(value -> value == null);
            values.put(ConnectionEvents.FROM_SERVER, Boolean.TRUE);
            return Optional.of(new Event(topic.asText(), values));
        } catch (IOException | IllegalArgumentException e) {
            // Not JSON, or a topic EventAdmin refuses: nothing to post.
            return Optional.empty();
        }
    }
}
