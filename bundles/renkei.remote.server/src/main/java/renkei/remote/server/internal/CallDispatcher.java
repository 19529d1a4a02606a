// SPDX-License-Identifier: EPL-2.0
package renkei.remote.server.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import renkei.platform.AuthenticationException;
import renkei.platform.CallChannel;
import renkei.platform.IdentityService;
import renkei.platform.Session;
import renkei.platform.remote.LocalOnly;
import renkei.platform.remote.NoSession;
import renkei.platform.remote.RequiresRole;
import renkei.remote.wire.MalformedCallException;
import renkei.remote.wire.WireError;
import renkei.remote.wire.WireJson;

/**
 * Runs one remote call the way the server decides: the method must be exported and not local-only;
 * unless it needs no session, the call's token is looked up (bound to the caller's certificate) and
 * the account reloaded; {@link RequiresRole} is checked; every {@code Session} argument is looked up
 * from its token the same way; then the service runs inside the caller's {@link CallChannel}, and
 * does its own permission checks as it does for local callers.
 *
 * <p>Thread-safe.
 */
final class CallDispatcher {

    private static final Logger LOG = Logger.getLogger(CallDispatcher.class.getName());

    /** What the endpoint answers: status and JSON body. */
    record Answer(int status, JsonNode body) {

        static Answer ok(Object result) {
            ObjectNode body = WireJson.mapper().createObjectNode();
            body.set("result", WireJson.encodeResult(result));
            return new Answer(200, body);
        }

        static Answer error(int status, WireError error) {
            ObjectNode body = WireJson.mapper().createObjectNode();
            body.set("error", WireJson.mapper().valueToTree(error));
            return new Answer(status, body);
        }
    }

    private final ExportedServices services;
    private final Supplier<IdentityService> identity;
    private final TransportAudit audit;
    private final CallStatistics statistics;

    CallDispatcher(ExportedServices services, Supplier<IdentityService> identity, TransportAudit audit, CallStatistics statistics) {
        this.services = services;
        this.identity = identity;
        this.audit = audit;
        this.statistics = statistics;
    }

    /**
     * @param caller  the client certificate's subject, for audit records
     * @param channel the client certificate's fingerprint
     * @param token   the {@code Authorization} token, or {@code null}
     */
    Answer call(String caller, String channel, String interfaceName, String methodName, String token, JsonNode body) {
        long start = System.nanoTime();
        Answer answer = dispatch(caller, channel, interfaceName, methodName, token, body);
        statistics.record(interfaceName, methodName, answer.status(), System.nanoTime() - start);
        return answer;
    }

    private Answer dispatch(String caller, String channel, String interfaceName, String methodName, String token, JsonNode body) {
        String target = interfaceName + "." + methodName;
        Optional<ExportedServices.Export> export = services.find(interfaceName);
        JsonNode args = body == null ? null : body.get("args");
        if (export.isEmpty() || !export.get().hasMethod(methodName)) {
            return Answer.error(404, WireError.refused("no exported method " + target));
        }
        if (args == null || !args.isArray()) {
            audit.denied(caller, "api.malformed", target, "no args array");
            return Answer.error(400, WireError.refused("the body must be {\"args\":[…]}"));
        }
        Optional<Method> found = export.get().method(methodName, args.size());
        if (found.isEmpty()) {
            audit.denied(caller, "api.malformed", target, args.size() + " arguments");
            return Answer.error(400, WireError.refused(target + " does not take " + args.size() + " arguments"));
        }
        Method method = found.get();
        LocalOnly localOnly = method.getAnnotation(LocalOnly.class);
        if (localOnly != null) {
            audit.denied(caller, "api.localOnly", target, localOnly.value());
            return Answer.error(403, WireError.refused(target + " runs only on the server itself"
                    + (localOnly.value().isEmpty() ? "" : ": " + localOnly.value())));
        }
        IdentityService identities = identity.get();
        if (identities == null) {
            return Answer.error(503, WireError.refused("the server is starting; its identity service is not ready"));
        }
        try {
            return CallChannel.callOver(channel, () -> invoke(caller, identities, export.get(), method, token, args));
        } catch (Exception e) {
            LOG.log(Level.WARNING, "call " + target + " failed", e);
            return Answer.error(500, WireError.refused("internal error in " + target));
        }
    }

    private Answer invoke(String caller, IdentityService identities, ExportedServices.Export export, Method method, String token,
            JsonNode args) {
        String target = export.type().getName() + "." + method.getName();
        try {
            if (!method.isAnnotationPresent(NoSession.class)) {
                if (token == null) {
                    audit.denied(caller, "api.noSession", target, "no session token");
                    throw new AuthenticationException(AuthenticationException.Reason.SESSION_INVALID, "not logged in");
                }
                Session session = identities.resume(token);
                RequiresRole roles = method.getAnnotation(RequiresRole.class);
                if (roles != null) {
                    identities.require(session, roles.action().isEmpty() ? method.getName() : roles.action(), roles.value());
                }
            }
            Object[] values = WireJson.decodeArguments(method, args, identities::resume);
            return Answer.ok(method.invoke(export.service(), values));
        } catch (InvocationTargetException e) {
            return failure(target, e.getCause());
        } catch (MalformedCallException e) {
            audit.denied(caller, "api.malformed", target, e.getMessage());
            return failure(target, e);
        } catch (AuthenticationException | RuntimeException | IllegalAccessException e) {
            return failure(target, e);
        }
    }

    private static Answer failure(String target, Throwable failure) {
        int status = WireError.status(failure);
        if (status >= 500) {
            // Logged here, never sent: a stack trace tells a client about the server's insides.
            LOG.log(Level.WARNING, target + " failed", failure);
            return Answer.error(status, WireError.refused("internal error in " + target + "; see the server log"));
        }
        return Answer.error(status, WireError.of(failure));
    }
}
