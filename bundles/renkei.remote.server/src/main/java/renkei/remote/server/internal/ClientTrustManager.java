// SPDX-License-Identifier: EPL-2.0
package renkei.remote.server.internal;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.function.Supplier;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

import renkei.platform.remote.ClientCertificateTrust;

/**
 * Decides at the TLS handshake which client certificates the server accepts: only what the CA's
 * {@link ClientCertificateTrust} accepts (issued by this CA, valid, clientAuth, not revoked). A
 * refused certificate fails the handshake and is audited; a client without a certificate completes
 * it and reaches only the public directories.
 */
final class ClientTrustManager extends X509ExtendedTrustManager {

    private final Supplier<ClientCertificateTrust> trust;
    private final TransportAudit audit;

    ClientTrustManager(Supplier<ClientCertificateTrust> trust, TransportAudit audit) {
        this.trust = trust;
        this.audit = audit;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("no client certificate");
        }
        ClientCertificateTrust current = trust.get();
        try {
            if (current == null) {
                throw new CertificateException("the server trusts no client certificate yet (no CA)");
            }
            current.checkClient(chain[0]);
        } catch (CertificateException e) {
            audit.denied(chain[0].getSubjectX500Principal().getName(), "tls.handshake", "client certificate", e.getMessage());
            throw e;
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        ClientCertificateTrust current = trust.get();
        return current == null ? new X509Certificate[0] : current.trustAnchors().toArray(X509Certificate[]::new);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the server does not authenticate servers");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }
}
