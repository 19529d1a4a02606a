// SPDX-License-Identifier: EPL-2.0
package renkei.remote.server.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import renkei.platform.AuthenticationException;
import renkei.platform.CallChannel;
import renkei.platform.HealthService;
import renkei.platform.IdentityService;
import renkei.platform.remote.ClientCertificateTrust;
import renkei.platform.remote.PublicDirectory;
import renkei.remote.wire.WireError;
import renkei.remote.wire.WireJson;
import renkei.remote.wire.WireProtocol;

/**
 * Routes the endpoint's requests. Public directories need nothing; everything else needs a client
 * certificate the CA's {@link ClientCertificateTrust} accepts now (checked again on every request,
 * so a revocation bites on a connection that was already open); method calls and the event stream
 * need a session as well.
 */
final class ApiHandler extends Handler.Abstract {

    private static final Logger LOG = Logger.getLogger(ApiHandler.class.getName());
    private static final long MAX_BODY = 16L * 1024 * 1024;

    private final Supplier<ClientCertificateTrust> trust;
    private final Supplier<IdentityService> identity;
    private final Supplier<List<PublicDirectory>> directories;
    private final ExportedServices services;
    private final CallDispatcher dispatcher;
    private final EventHub events;
    private final MetricsPage metrics;
    private final TransportAudit audit;

    ApiHandler(Supplier<ClientCertificateTrust> trust, Supplier<IdentityService> identity, Supplier<List<PublicDirectory>> directories,
            ExportedServices services, CallDispatcher dispatcher, EventHub events, MetricsPage metrics, TransportAudit audit) {
        this.trust = trust;
        this.identity = identity;
        this.directories = directories;
        this.services = services;
        this.dispatcher = dispatcher;
        this.events = events;
        this.metrics = metrics;
        this.audit = audit;
    }

    /** The trusted client certificate of a request. */
    private record Caller(X509Certificate certificate, String subject, String channel) {
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        try {
            Optional<PublicDirectory> directory = publicDirectory(path);
            if (directory.isPresent()) {
                servePublic(request, response, callback, directory.get(), path);
                return true;
            }
            Optional<Caller> caller = caller(request, path);
            if (caller.isEmpty()) {
                send(response, callback, 401, error(WireError.refused("a client certificate issued by this server's CA is required")));
                return true;
            }
            if (path.equals(WireProtocol.SERVICES) && HttpMethod.GET.is(method)) {
                ObjectNode body = WireJson.mapper().createObjectNode();
                body.set("services", WireJson.mapper().valueToTree(services.names()));
                send(response, callback, 200, body.toString());
            } else if (path.startsWith(WireProtocol.API) && HttpMethod.POST.is(method)) {
                call(request, response, callback, caller.get(), path);
            } else if (path.equals(WireProtocol.EVENTS) && HttpMethod.GET.is(method)) {
                stream(request, response, callback, caller.get());
            } else if (path.equals(WireProtocol.HEALTH) && HttpMethod.GET.is(method)) {
                HealthService health = services.local(HealthService.class).orElse(null);
                send(response, callback, health == null ? 503 : 200,
                        health == null ? error(WireError.refused("no health service")) : WireJson.mapper().writeValueAsString(health.all()));
            } else if (path.equals(WireProtocol.METRICS) && HttpMethod.GET.is(method)) {
                sendText(response, callback, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.render());
            } else {
                send(response, callback, 404, error(WireError.refused("no such resource: " + method + " " + path)));
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "request " + method + " " + path + " failed", e);
            if (!response.isCommitted()) {
                send(response, callback, 500, error(WireError.refused("internal error; see the server log")));
            } else {
                callback.failed(e);
            }
        }
        return true;
    }

    private Optional<PublicDirectory> publicDirectory(String path) {
        for (PublicDirectory directory : directories.get()) {
            String prefix = "/" + directory.name();
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return Optional.of(directory);
            }
        }
        return Optional.empty();
    }

    private void servePublic(Request request, Response response, Callback callback, PublicDirectory directory, String path)
            throws Exception {
        String method = request.getMethod();
        if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
            sendText(response, callback, 405, "text/plain; charset=utf-8", "read only\n");
            return;
        }
        String prefix = "/" + directory.name();
        if (path.equals(prefix)) {
            response.setStatus(301);
            response.getHeaders().put(HttpHeader.LOCATION, prefix + "/");
            callback.succeeded();
            return;
        }
        StaticFiles.Page page = StaticFiles.serve(directory, path.substring(prefix.length() + 1));
        response.setStatus(page.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, page.contentType());
        page.lastModified().ifPresent(at -> response.getHeaders().addDateField(HttpHeader.LAST_MODIFIED.asString(), at.toEpochMilli()));
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, page.body().length);
        response.write(true, HttpMethod.HEAD.is(method) ? ByteBuffer.allocate(0) : ByteBuffer.wrap(page.body()), callback);
    }

    /** The request's client certificate when the CA accepts it now; refusals are audited. */
    private Optional<Caller> caller(Request request, String path) {
        EndPoint.SslSessionData tls = request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE) instanceof EndPoint.SslSessionData data ? data : null;
        X509Certificate[] chain = tls == null ? null : tls.peerCertificates();
        if (chain == null || chain.length == 0) {
            audit.denied("anonymous", "api.noCertificate", path, "no client certificate");
            return Optional.empty();
        }
        X509Certificate certificate = chain[0];
        String subject = certificate.getSubjectX500Principal().getName();
        ClientCertificateTrust current = trust.get();
        try {
            if (current == null) {
                throw new CertificateException("no CA yet");
            }
            current.checkClient(certificate);
            return Optional.of(new Caller(certificate, subject, fingerprint(certificate)));
        } catch (CertificateException e) {
            audit.denied(subject, "api.certificate", path, e.getMessage());
            return Optional.empty();
        }
    }

    private void call(Request request, Response response, Callback callback, Caller caller, String path) throws Exception {
        String rest = path.substring(WireProtocol.API.length());
        int slash = rest.lastIndexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            send(response, callback, 404, error(WireError.refused("expected /api/<interface>/<method>")));
            return;
        }
        long length = request.getLength();
        if (length > MAX_BODY) {
            send(response, callback, 413, error(WireError.refused("request body over " + MAX_BODY + " bytes")));
            return;
        }
        JsonNode body;
        try {
            String text = Content.Source.asString(request, StandardCharsets.UTF_8);
            if (text.length() > MAX_BODY) {
                send(response, callback, 413, error(WireError.refused("request body over " + MAX_BODY + " bytes")));
                return;
            }
            body = WireJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            audit.denied(caller.subject(), "api.malformed", rest, "not JSON");
            send(response, callback, 400, error(WireError.refused("the body is not JSON: " + e.getOriginalMessage())));
            return;
        }
        String token = WireProtocol.tokenOf(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        CallDispatcher.Answer answer = dispatcher.call(caller.subject(), caller.channel(), rest.substring(0, slash),
                rest.substring(slash + 1), token, body);
        send(response, callback, answer.status(), answer.body().toString());
    }

    private void stream(Request request, Response response, Callback callback, Caller caller) throws Exception {
        String token = WireProtocol.tokenOf(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        IdentityService identities = identity.get();
        if (token == null || identities == null) {
            audit.denied(caller.subject(), "api.noSession", WireProtocol.EVENTS, "no session token");
            send(response, callback, 401, error(WireError.refused("not logged in")));
            return;
        }
        try {
            CallChannel.callOver(caller.channel(), () -> identities.resume(token));
        } catch (AuthenticationException e) {
            send(response, callback, 401, error(WireError.of(e)));
            return;
        }
        try {
            events.serve(response, () -> stillTrusted(caller.certificate()));
            callback.succeeded();
        } catch (Exception e) {
            // The console went away or stopped reading; it reconnects.
            callback.failed(e);
        }
    }

    private boolean stillTrusted(X509Certificate certificate) {
        ClientCertificateTrust current = trust.get();
        try {
            if (current == null) {
                return false;
            }
            current.checkClient(certificate);
            return true;
        } catch (CertificateException e) {
            audit.denied(certificate.getSubjectX500Principal().getName(), "api.certificate", WireProtocol.EVENTS, e.getMessage());
            return false;
        }
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a client certificate", e);
        }
    }

    private static String error(WireError error) {
        ObjectNode body = WireJson.mapper().createObjectNode();
        body.set("error", WireJson.mapper().valueToTree(error));
        return body.toString();
    }

    private static void send(Response response, Callback callback, int status, String json) {
        sendText(response, callback, status, WireProtocol.JSON, json);
    }

    private static void sendText(Response response, Callback callback, int status, String type, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
