// SPDX-License-Identifier: EPL-2.0
package renkei.remote.wire;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import renkei.platform.AccessDeniedException;
import renkei.platform.AuthenticationException;

/**
 * A refusal or failure on the wire: {@code {"error":{"type":…,"message":…}}}. The client throws it
 * again as the exception the interface method documents, found by name only among the exception
 * types of the called interface's bundle, so a domain's refusals (with their message key, for the
 * console's language) cross the wire without the platform knowing the domain.
 *
 * @param type    class name of the exception thrown on the server, or {@link #REFUSED}
 * @param message the English one-line message
 * @param reason  {@link AuthenticationException.Reason} name, for authentication refusals
 * @param key     message key of a keyed domain refusal (its {@code key()}), or {@code null}
 * @param args    the keyed refusal's arguments (its {@code args()})
 */
public record WireError(String type, String message, String reason, String key, List<String> args) {

    /** Type of refusals the endpoint makes itself (no certificate, local-only method, …). */
    public static final String REFUSED = "renkei.remote.Refused";

    public WireError {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static WireError refused(String message) {
        return new WireError(REFUSED, message, null, null, List.of());
    }

    /** What the server sends for {@code failure}. */
    public static WireError of(Throwable failure) {
        String reason = failure instanceof AuthenticationException a ? a.reason().name() : null;
        return new WireError(failure.getClass().getName(), WireJson.firstLine(failure), reason,
                accessor(failure, "key", String.class).orElse(null), accessor(failure, "args", Object.class)
                        .map(WireError::strings).orElse(List.of()));
    }

    /** HTTP status the server answers a failure with. */
    public static int status(Throwable failure) {
        if (failure instanceof AuthenticationException) {
            return 401;
        }
        if (failure instanceof AccessDeniedException) {
            return 403;
        }
        if (failure instanceof MalformedCallException) {
            return 400;
        }
        String name = failure.getClass().getName();
        // A service's own "not now" or "not like that" is for the operator; other JDK exceptions are bugs.
        boolean refusal = failure instanceof IllegalArgumentException || failure instanceof IllegalStateException
                || failure instanceof UnsupportedOperationException || !(name.startsWith("java.") || name.startsWith("javax."));
        return refusal ? 422 : 500;
    }

    /**
     * The exception to throw in the client for {@code method}: the server's type when the method's
     * interface can see it and it is unchecked or declared by the method, otherwise a
     * {@link RemoteCallException}.
     */
    public Throwable toThrowable(Method method, int status) {
        if (reason != null && AuthenticationException.class.getName().equals(type)) {
            AuthenticationException.Reason parsed = parseReason();
            if (declares(method, AuthenticationException.class)) {
                return new AuthenticationException(parsed, message);
            }
            return new RemoteCallException(status, message, new AuthenticationException(parsed, message));
        }
        if (AccessDeniedException.class.getName().equals(type)) {
            return new AccessDeniedException(message);
        }
        return rebuild(method).orElseGet(() -> new RemoteCallException(status, message));
    }

    /** The authentication reason, when this is an authentication refusal. */
    public Optional<AuthenticationException.Reason> authenticationReason() {
        return reason == null ? Optional.empty() : Optional.of(parseReason());
    }

    private AuthenticationException.Reason parseReason() {
        try {
            return AuthenticationException.Reason.valueOf(reason);
        } catch (IllegalArgumentException e) {
            return AuthenticationException.Reason.SESSION_INVALID;
        }
    }

    private Optional<Throwable> rebuild(Method method) {
        if (type == null || type.equals(REFUSED)) {
            return Optional.empty();
        }
        Class<?> found;
        try {
            found = Class.forName(type, false, method.getDeclaringClass().getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
        if (!RuntimeException.class.isAssignableFrom(found) && !declares(method, found)) {
            return Optional.empty();
        }
        if (key != null) {
            Optional<Throwable> keyed = keyed(found);
            if (keyed.isPresent()) {
                return keyed;
            }
        }
        try {
            Constructor<?> constructor = found.getConstructor(String.class);
            return Optional.of((Throwable) constructor.newInstance(message));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A keyed refusal rebuilt through its type's public static {@code of(String, Object...)}. */
    private Optional<Throwable> keyed(Class<?> found) {
        try {
            Method of = found.getMethod("of", String.class, Object[].class);
            if (!Modifier.isStatic(of.getModifiers()) || !found.isAssignableFrom(of.getReturnType())) {
                return Optional.empty();
            }
            return Optional.of((Throwable) of.invoke(null, key, args.toArray()));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean declares(Method method, Class<?> exception) {
        return Arrays.stream(method.getExceptionTypes()).anyMatch(declared -> declared.isAssignableFrom(exception));
    }

    private static <T> Optional<T> accessor(Throwable failure, String name, Class<T> type) {
        try {
            Method method = failure.getClass().getMethod(name);
            Object value = method.getParameterCount() == 0 ? method.invoke(failure) : null;
            return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<String> strings(Object value) {
        if (value instanceof String[] array) {
            return List.of(array);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
