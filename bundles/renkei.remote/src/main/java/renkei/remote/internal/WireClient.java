// SPDX-License-Identifier: EPL-2.0
package renkei.remote.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import renkei.remote.wire.RemoteCallException;
import renkei.remote.wire.WireJson;
import renkei.remote.wire.WireProtocol;

/**
 * HTTPS requests to the server of a connected home, over the JDK's {@link HttpClient} (which
 * verifies the host name) with the pinned-CA context of {@link ClientTls}. A request that gets no
 * answer throws {@link RemoteCallException} with status 0 and the message
 * {@code server <url> unreachable: <why>}; an answer of any status is returned as it is.
 *
 * <p>Thread-safe; requests block the calling thread, the event stream is asynchronous.
 */
final class WireClient implements AutoCloseable {

    /** An answer: its status, and its JSON body ({@code null} when the body was not JSON). */
    record Answer(int status, JsonNode body) {
    }

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final URI server;
    private final String serverUrl;
    private final Duration requestTimeout;
    private final ExecutorService executor;
    private final HttpClient http;

    WireClient(String serverUrl, SSLContext tls, Duration connectTimeout, Duration requestTimeout) {
        this.serverUrl = serverUrl;
        this.server = URI.create(serverUrl.endsWith("/") ? serverUrl.substring(0, serverUrl.length() - 1) : serverUrl);
        this.requestTimeout = requestTimeout;
        int id = CLIENTS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "renkei-remote-http-" + id + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder()
                .sslContext(tls)
                .sslParameters(ClientTls.parameters(tls))
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    String serverUrl() {
        return serverUrl;
    }

    /** {@code GET path}, with the session's token when {@code token} is not {@code null}. */
    Answer get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    /** {@code POST path} with a JSON body. */
    Answer post(String path, JsonNode body, String token) {
        byte[] json;
        try {
            json = WireJson.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the call as JSON: " + e.getOriginalMessage(), e);
        }
        return send(request(path, token).header("Content-Type", WireProtocol.JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build());
    }

    /**
     * A long-lived {@code GET path} (the event stream), without a request timeout: the caller
     * watches the stream itself and cancels the future to drop the connection.
     */
    <T> CompletableFuture<HttpResponse<T>> stream(String path, String token, HttpResponse.BodyHandler<T> handler) {
        HttpRequest request = HttpRequest.newBuilder(server.resolve(path)).header("Accept", "text/event-stream")
                .header(WireProtocol.AUTHORIZATION, WireProtocol.authorization(token)).GET().build();
        return http.sendAsync(request, handler);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(server.resolve(path)).timeout(requestTimeout)
                .header("Accept", "application/json");
        if (token != null) {
            builder.header(WireProtocol.AUTHORIZATION, WireProtocol.authorization(token));
        }
        return builder;
    }

    private Answer send(HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteCallException(0, "interrupted while calling server " + serverUrl, e);
        }
        return new Answer(response.statusCode(), json(response.body()));
    }

    private static JsonNode json(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return WireJson.mapper().readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** The exception for a request that got no answer. */
    RemoteCallException unreachable(Throwable failure) {
        return new RemoteCallException(0, "server " + serverUrl + " unreachable: " + describe(failure, requestTimeout), failure);
    }

    /** Why a request got no answer, in one line: the trust manager's reason first, then the JDK's. */
    static String describe(Throwable failure, Duration requestTimeout) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException && cause.getMessage() != null) {
                return ClientTls.oneLine(cause);
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException) {
                return "no connection within the connect timeout";
            }
            if (cause instanceof HttpTimeoutException) {
                return "no answer within " + requestTimeout.toSeconds() + " s";
            }
            if (cause instanceof UnresolvedAddressException) {
                return "unknown host";
            }
            if (cause instanceof SSLException && cause.getMessage() != null) {
                String message = ClientTls.oneLine(cause);
                return message.contains("fatal alert")
                        ? "the server refused the TLS handshake, most likely this client's certificate (" + message + ")"
                        : "TLS failed: " + message;
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return cause.getMessage() == null ? "connection refused" : ClientTls.oneLine(cause);
            }
        }
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String message = deepest.getMessage() != null ? deepest.getMessage() : failure.getMessage();
        return message == null ? deepest.getClass().getSimpleName() : ClientTls.oneLine(deepest.getMessage() != null ? deepest : failure);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
