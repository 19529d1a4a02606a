// SPDX-License-Identifier: EPL-2.0
package renkei.platform.remote;

import java.time.Instant;
import java.util.Optional;

/**
 * The link of a connected home to its server, published only by the connected client (an embedded
 * home has none). Changes are also posted as {@link ConnectionEvents#TOPIC}.
 *
 * <p>Thread-safe; every method answers from memory.
 *
 * @noimplement
 */
public interface ServerConnection {

    /** The configured {@code server.url}. */
    String serverUrl();

    /** Whether the event stream to the server is open now. */
    boolean connected();

    /** Why the link was lost, while it is. */
    Optional<String> lastError();

    /** When the link last changed state. */
    Instant since();
}
