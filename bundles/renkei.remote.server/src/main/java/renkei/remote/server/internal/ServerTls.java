// SPDX-License-Identifier: EPL-2.0
package renkei.remote.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

import org.eclipse.jetty.util.ssl.SslContextFactory;

/** The endpoint's TLS: the server's key from {@code tls/server.p12}, clients checked by the CA. */
final class ServerTls {

    private ServerTls() {
    }

    static SslContextFactory.Server factory(Path keyStore, char[] passphrase, ClientTrustManager clients)
            throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, passphrase);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, passphrase);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), new TrustManager[] { clients }, null);

        SslContextFactory.Server factory = new SslContextFactory.Server();
        factory.setSslContext(context);
        factory.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        // Wanted, not needed: relying parties fetch the CA repository without a certificate.
        factory.setWantClientAuth(true);
        // Consoles reach the server by any of its names (or localhost); the certificate's SANs are
        // checked by the client, so the server need not match SNI against them.
        factory.setSniRequired(false);
        factory.setEndpointIdentificationAlgorithm(null);
        factory.setRenegotiationAllowed(false);
        return factory;
    }
}
