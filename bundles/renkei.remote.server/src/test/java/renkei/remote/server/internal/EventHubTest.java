// SPDX-License-Identifier: EPL-2.0
package renkei.remote.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

import com.fasterxml.jackson.databind.JsonNode;

import renkei.remote.wire.WireJson;

class EventHubTest {

    @Test
    void anEventBecomesOneServerSentEventWithItsSimpleProperties() throws Exception {
        String frame = EventHub.frame(new Event("renkei/notification/feed",
                Map.of("id", 42L, "title", "証明書を失効しました", "severity", "WARNING", "tags", new String[] { "ca" },
                        "object", new Object())));

        assertTrue(frame.startsWith("event: event\ndata: ") && frame.endsWith("\n\n"), frame);
        assertEquals(1, frame.lines().filter(l -> l.startsWith("data: ")).count(), "one data line: " + frame);
        JsonNode data = WireJson.mapper().readTree(frame.lines().filter(l -> l.startsWith("data: ")).findFirst().orElseThrow()
                .substring("data: ".length()));
        assertEquals("renkei/notification/feed", data.get("topic").asText());
        assertEquals(42, data.get("properties").get("id").asLong());
        assertEquals("証明書を失効しました", data.get("properties").get("title").asText());
        assertEquals("ca", data.get("properties").get("tags").get(0).asText());
        assertTrue(!data.get("properties").has("object"), "only simple values travel: " + data);
        assertTrue(!data.get("properties").has("event.topics"), data.toString());
    }
}
