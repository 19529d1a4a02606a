// SPDX-License-Identifier: EPL-2.0
package renkei.remote.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import renkei.platform.AuthenticationException;
import renkei.platform.IdentityService;
import renkei.platform.Session;
import renkei.platform.remote.NoSession;
import renkei.remote.wire.MalformedCallException;
import renkei.remote.wire.RemoteCallException;
import renkei.remote.wire.WireError;
import renkei.remote.wire.WireJson;
import renkei.remote.wire.WireProtocol;

/**
 * One remote method call: the arguments as JSON ({@link WireJson}, sessions as their tokens), the
 * primary session's token in the header unless the method is {@link NoSession}, the answer decoded
 * as the method's return type or its refusal rethrown as the interface's exception
 * ({@link WireError#toThrowable}). Keeps the {@link PrimarySession} rules for the identity service's
 * methods and tells the {@link LinkState} whether the server answered.
 *
 * <p>Thread-safe; blocks the calling thread for the request.
 */
final class RemoteCalls {

    private final WireClient client;
    private final PrimarySession primary;
    private final LinkState link;

    RemoteCalls(WireClient client, PrimarySession primary, LinkState link) {
        this.client = client;
        this.primary = primary;
        this.link = link;
    }

    String serverUrl() {
        return client.serverUrl();
    }

    Object call(Class<?> service, Method method, Object[] args) throws Throwable {
        List<String> argumentTokens = sessionTokens(method, args);
        String header = method.isAnnotationPresent(NoSession.class) ? null
                : primary.token().orElse(argumentTokens.isEmpty() ? null : argumentTokens.get(0));
        ObjectNode body = WireJson.mapper().createObjectNode();
        body.set("args", WireJson.encodeArguments(method, args));
        WireClient.Answer answer;
        try {
            answer = client.post(WireProtocol.methodPath(service, method.getName()), body, header);
        } catch (RemoteCallException e) {
            if (e.status() == 0) {
                link.down(e.getMessage());
            }
            throw e;
        }
        link.up();
        if (answer.status() == 200) {
            Object result = WireJson.decodeResult(method, answer.body() == null ? null : answer.body().get("result"));
            afterSuccess(service, method, args, result);
            return result;
        }
        WireError error = error(answer, method);
        Optional<AuthenticationException.Reason> reason = error.authenticationReason();
        if (answer.status() == 401 && reason.isPresent()) {
            List<String> carried = new ArrayList<>(argumentTokens);
            if (header != null) {
                carried.add(header);
            }
            if (service == IdentityService.class && method.getName().equals("resume") && args != null && args[0] instanceof String token) {
                carried.add(token);
            }
            primary.refused(reason.get(), carried);
        }
        throw error.toThrowable(method, answer.status());
    }

    private void afterSuccess(Class<?> service, Method method, Object[] args, Object result) {
        if (service != IdentityService.class) {
            return;
        }
        switch (method.getName()) {
            case "resume" -> {
                if (result instanceof Session session) {
                    primary.resumed(session);
                }
            }
            case "authenticate" -> {
                if (result instanceof Session session) {
                    primary.authenticated(session);
                }
            }
            case "logout" -> {
                if (args != null && args.length == 1 && args[0] instanceof Session session) {
                    primary.loggedOut(session);
                }
            }
            default -> {
                // No other identity method changes which session the client works as.
            }
        }
    }

    private WireError error(WireClient.Answer answer, Method method) {
        JsonNode node = answer.body() == null ? null : answer.body().get("error");
        if (node == null || !node.isObject()) {
            throw new RemoteCallException(answer.status(), "server " + client.serverUrl() + " answered " + method.getName()
                    + " with HTTP " + answer.status() + " and no error description");
        }
        try {
            return (WireError) WireJson.read(node, WireError.class, method.getName() + " error");
        } catch (MalformedCallException e) {
            throw new RemoteCallException(answer.status(), "server " + client.serverUrl() + " answered " + method.getName()
                    + " with HTTP " + answer.status() + " and an unreadable error: " + e.getMessage());
        }
    }

    private static List<String> sessionTokens(Method method, Object[] args) {
        List<String> tokens = new ArrayList<>();
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            if (types[i] == Session.class && args != null && args[i] instanceof Session session) {
                session.token().ifPresent(tokens::add);
            }
        }
        return tokens;
    }
}
