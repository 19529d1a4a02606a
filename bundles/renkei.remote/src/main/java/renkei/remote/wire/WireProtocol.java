// SPDX-License-Identifier: EPL-2.0
package renkei.remote.wire;

/**
 * Paths, headers and status codes of the server's HTTPS endpoint. A call is
 * {@code POST /api/<interface>/<method>} with body {@code {"args":[…]}}; the answer is
 * {@code {"result":…}} (200) or {@code {"error":{…}}} with the status of {@link WireError#status}.
 */
public final class WireProtocol {

    /** Prefix of method calls: {@code /api/renkei.platform.IdentityService/authenticate}. */
    public static final String API = "/api/";
    /** {@code GET}: {@code {"services":["renkei.platform.IdentityService", …]}}, needs a trusted certificate only. */
    public static final String SERVICES = "/api/services";
    /** {@code GET}: server-sent events ({@code text/event-stream}) for the session of the call. */
    public static final String EVENTS = "/events";
    public static final String HEALTH = "/health";
    public static final String METRICS = "/metrics";

    /** Carries the session token: {@code Authorization: Renkei-Session <token>}. */
    public static final String AUTHORIZATION = "Authorization";
    public static final String SESSION_SCHEME = "Renkei-Session";

    /** Event names of the stream: an EventAdmin event of the server, and the server saying it stops. */
    public static final String EVENT = "event";
    /** How often the server writes a comment line, so a client sees a dead link within two of them. */
    public static final long HEARTBEAT_MILLIS = 10_000;

    public static final String JSON = "application/json; charset=utf-8";

    private WireProtocol() {
    }

    /** The path of one method. */
    public static String methodPath(Class<?> service, String method) {
        return API + service.getName() + "/" + method;
    }

    /** The token of an {@code Authorization} header value, or {@code null}. */
    public static String tokenOf(String authorization) {
        if (authorization == null || !authorization.startsWith(SESSION_SCHEME + " ")) {
            return null;
        }
        String token = authorization.substring(SESSION_SCHEME.length() + 1).trim();
        return token.isEmpty() ? null : token;
    }

    public static String authorization(String token) {
        return SESSION_SCHEME + " " + token;
    }
}
