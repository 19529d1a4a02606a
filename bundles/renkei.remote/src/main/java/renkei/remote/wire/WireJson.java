// SPDX-License-Identifier: EPL-2.0
package renkei.remote.wire;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

import renkei.platform.AuthenticationException;
import renkei.platform.Session;

/**
 * JSON of the records the service interfaces already use. Arguments are read as the declared
 * parameter types of the called method, so the wire can only ever produce those types; there is no
 * type information in the JSON and no polymorphic deserialization. Instants and durations are ISO
 * 8601 text, byte arrays base64, certificates base64 DER. A {@link Session} argument travels as its
 * token only: the server looks it up again, so a client cannot claim an account or a role.
 *
 * <p>Thread-safe.
 */
public final class WireJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(valueTypes())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private WireJson() {
    }

    /** Looks a session token up on the server, refusing what {@code IdentityService.resume} refuses. */
    @FunctionalInterface
    public interface SessionResolver {
        Session resolve(String token) throws AuthenticationException;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The arguments of a call as a JSON array; sessions become their tokens ({@code null} without one). */
    public static ArrayNode encodeArguments(Method method, Object[] args) {
        ArrayNode array = MAPPER.createArrayNode();
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            Object arg = args == null ? null : args[i];
            if (types[i] == Session.class) {
                array.add(arg == null ? null : ((Session) arg).token().orElse(null));
            } else {
                array.add(MAPPER.valueToTree(arg));
            }
        }
        return array;
    }

    /**
     * The arguments of a call, each read as its declared type; session parameters through
     * {@code sessions}.
     *
     * @throws MalformedCallException when the JSON does not fit the method
     */
    public static Object[] decodeArguments(Method method, JsonNode args, SessionResolver sessions)
            throws AuthenticationException {
        Type[] types = method.getGenericParameterTypes();
        if (args == null || !args.isArray() || args.size() != types.length) {
            throw new MalformedCallException(method.getName() + " takes " + types.length + " arguments");
        }
        Object[] values = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            JsonNode node = args.get(i);
            if (types[i] == Session.class) {
                if (!node.isTextual()) {
                    throw new AuthenticationException(AuthenticationException.Reason.SESSION_INVALID,
                            "argument " + (i + 1) + " of " + method.getName() + " needs a session; log in first");
                }
                values[i] = sessions.resolve(node.asText());
            } else {
                values[i] = read(node, types[i], method.getName() + " argument " + (i + 1));
            }
        }
        return values;
    }

    public static JsonNode encodeResult(Object result) {
        return result == null ? NullNode.getInstance() : MAPPER.valueToTree(result);
    }

    /** The result of a call as the method's declared return type. */
    public static Object decodeResult(Method method, JsonNode result) {
        if (method.getReturnType() == void.class) {
            return null;
        }
        return read(result == null ? NullNode.getInstance() : result, method.getGenericReturnType(),
                method.getName() + " result");
    }

    /** Reads {@code node} as {@code type}. */
    public static Object read(JsonNode node, Type type, String what) {
        try {
            return MAPPER.readerFor(MAPPER.getTypeFactory().constructType(type)).readValue(node);
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedCallException(what + " is not a " + type.getTypeName() + ": " + firstLine(e));
        }
    }

    static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static SimpleModule valueTypes() {
        SimpleModule module = new SimpleModule("renkei-wire");
        module.addSerializer(Instant.class, new ToStringSerializer<>());
        module.addDeserializer(Instant.class, new TextDeserializer<>(Instant::parse));
        module.addSerializer(Duration.class, new ToStringSerializer<>());
        module.addDeserializer(Duration.class, new TextDeserializer<>(Duration::parse));
        module.addSerializer(X509Certificate.class, new JsonSerializer<X509Certificate>() {
            @Override
            public void serialize(X509Certificate value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                try {
                    gen.writeString(Base64.getEncoder().encodeToString(value.getEncoded()));
                } catch (java.security.cert.CertificateEncodingException e) {
                    throw new IOException("certificate cannot be encoded: " + e.getMessage(), e);
                }
            }
        });
        module.addDeserializer(X509Certificate.class, new TextDeserializer<>(WireJson::certificate));
        return module;
    }

    private static X509Certificate certificate(String base64) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not an X.509 certificate: " + e.getMessage(), e);
        }
    }

    private static final class ToStringSerializer<T> extends JsonSerializer<T> {
        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toString());
        }
    }

    private static final class TextDeserializer<T> extends JsonDeserializer<T> {

        private final java.util.function.Function<String, T> parse;

        TextDeserializer(java.util.function.Function<String, T> parse) {
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            if (text == null) {
                return context.reportInputMismatch(this, "expected text, found %s", parser.currentToken());
            }
            try {
                return parse.apply(text);
            } catch (DateTimeParseException | IllegalArgumentException e) {
                return context.reportInputMismatch(this, "'%s' does not parse: %s", text, e.getMessage());
            }
        }
    }
}
