// SPDX-License-Identifier: EPL-2.0
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * {@code releng/bench api}: the server's API as a connected console uses it, over mutual TLS with
 * the operator's own certificate. Logs in (median of several logins on an open connection), then
 * runs a certificate search from N callers at once (one TLS connection each, after 5 s of warm-up
 * that the server's JIT needs), and prints
 * {@code api_login_ms}, {@code api_read_p50_ms}, {@code api_read_p99_ms} and {@code api_reads_per_s}.
 * Plain JDK on purpose (run as a single-file program): the figures are the server's, not a client
 * library's.
 *
 * <p>Arguments: url ca.pem client.p12 passphrase-file user password clients seconds
 */
public final class ApiBench {

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final String QUERY = "{\"commonName\":null,\"hpciId\":null,\"eppn\":null,\"serialHex\":null,"
            + "\"dnFragment\":null,\"status\":null,\"profile\":null,\"expiringBefore\":null,\"limit\":50}";

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        String[] names = { "url", "ca", "p12", "pass", "user", "password", "clients", "seconds" };
        for (int i = 0; i < names.length; i++) {
            a.put(names[i], args[i]);
        }
        SSLContext tls = tls(Path.of(a.get("ca")), Path.of(a.get("p12")), Files.readString(Path.of(a.get("pass"))).strip());
        URI base = URI.create(a.get("url"));
        HttpClient first = client(tls);
        long[] logins = new long[11];
        String token = null;
        for (int i = 0; i < logins.length; i++) {
            long start = System.nanoTime();
            String body = post(first, base, "renkei.platform.IdentityService/authenticate", null,
                    "[\"" + a.get("user") + "\",\"" + a.get("password") + "\",null]");
            logins[i] = System.nanoTime() - start;
            Matcher m = TOKEN.matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("login answered no token: " + body);
            }
            token = m.group(1);
        }
        // The first login includes the TLS handshake; the figure is the login itself.
        long[] warm = Arrays.copyOfRange(logins, 1, logins.length);
        Arrays.sort(warm);
        String search = "[\"" + token + "\"," + QUERY + "]";
        int clients = Integer.parseInt(a.get("clients"));
        long seconds = Long.parseLong(a.get("seconds"));
        String session = token;
        // One client object, as a console has; it opens a connection per concurrent request, so each
        // of the N callers still has its own TLS connection.
        HttpClient shared = client(tls);
        List<long[]> perClient = new ArrayList<>();
        int[] counts = new int[clients];
        CountDownLatch done = new CountDownLatch(clients);
        long warmupEnd = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
        for (int c = 0; c < clients; c++) {
            long[] latencies = new long[2_000_000];
            perClient.add(latencies);
            int index = c;
            Thread thread = new Thread(() -> {
                try {
                    int n = 0;
                    while (true) {
                        long start = System.nanoTime();
                        if (start >= end) {
                            break;
                        }
                        String body = post(shared, base, "renkei.ca.core.CaService/search", session, search);
                        long took = System.nanoTime() - start;
                        if (!body.startsWith("{\"result\":[")) {
                            throw new IllegalStateException("search failed: " + body);
                        }
                        if (start >= warmupEnd && n < latencies.length) {
                            latencies[n++] = took;
                        }
                    }
                    counts[index] = n;
                } catch (Exception e) {
                    e.printStackTrace();
                    counts[index] = -1;
                } finally {
                    done.countDown();
                }
            }, "bench-" + c);
            thread.start();
        }
        done.await();
        int total = 0;
        for (int count : counts) {
            if (count < 0) {
                throw new IllegalStateException("a client failed (stack trace above)");
            }
            total += count;
        }
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(perClient.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        System.out.printf("api_login_ms=%.1f%n", warm[warm.length / 2] / 1e6);
        System.out.printf("api_read_p50_ms=%.2f%n", all[all.length / 2] / 1e6);
        System.out.printf("api_read_p99_ms=%.2f%n", all[(int) (all.length * 0.99)] / 1e6);
        System.out.printf("api_reads_per_s=%d%n", Math.round(total / (double) seconds));
        System.out.println("api_token=" + token);
    }

    private static HttpClient client(SSLContext tls) {
        return HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static String post(HttpClient client, URI base, String method, String token, String args) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/" + method)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"args\":" + args + "}"));
        if (token != null) {
            request.header("Authorization", "Renkei-Session " + token);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static SSLContext tls(Path ca, Path p12, String passphrase) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(ca)) {
            trust.setCertificateEntry("ca", (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            keys.load(in, passphrase.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, passphrase.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }
}
