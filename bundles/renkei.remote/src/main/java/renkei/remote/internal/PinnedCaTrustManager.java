// SPDX-License-Identifier: EPL-2.0
package renkei.remote.internal;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Checks the server's chain against the pinned CA only (the PKIX manager it wraps has that one
 * anchor) and the host name (the HTTP client asks for HTTPS endpoint identification), and says in
 * one line which of the two failed, instead of the JDK's "PKIX path building failed".
 *
 * <p>Thread-safe: holds only immutable state.
 */
final class PinnedCaTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager pkix;
    private final X509Certificate pinned;

    PinnedCaTrustManager(X509ExtendedTrustManager pkix, X509Certificate pinned) {
        this.pkix = pkix;
        this.pinned = pinned;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        try {
            pkix.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            throw explain(chain, authType, engine == null ? null : engine.getPeerHost(), e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        try {
            pkix.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            String host = socket instanceof javax.net.ssl.SSLSocket ssl ? ssl.getHandshakeSession().getPeerHost() : null;
            throw explain(chain, authType, host, e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            pkix.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            throw notFromPinnedCa(chain, e);
        }
    }

    /** Whether the chain itself is trusted: then only the host name can have failed. */
    private CertificateException explain(X509Certificate[] chain, String authType, String host, CertificateException failure) {
        try {
            pkix.checkServerTrusted(chain, authType);
        } catch (CertificateException chainFailure) {
            return notFromPinnedCa(chain, failure);
        }
        X509Certificate server = chain[0];
        CertificateException mismatch = new CertificateException("the server certificate (" + server.getSubjectX500Principal()
                .getName() + ", for " + String.join(", ", names(server)) + ") does not match the host name "
                + (host == null ? "of server.url" : host));
        mismatch.initCause(failure);
        return mismatch;
    }

    private CertificateException notFromPinnedCa(X509Certificate[] chain, CertificateException failure) {
        String what;
        if (chain == null || chain.length == 0) {
            what = "the server sent no certificate";
        } else {
            X509Certificate server = chain[0];
            boolean fromPinned = server.getIssuerX500Principal().equals(pinned.getSubjectX500Principal());
            what = fromPinned
                    ? "the server certificate (" + server.getSubjectX500Principal().getName() + ") is not valid under the pinned CA "
                            + pinned.getSubjectX500Principal().getName() + ": " + ClientTls.oneLine(failure)
                    : "the server certificate (" + server.getSubjectX500Principal().getName() + ", issued by "
                            + server.getIssuerX500Principal().getName() + ") is not from the pinned CA "
                            + pinned.getSubjectX500Principal().getName();
        }
        CertificateException explained = new CertificateException(what);
        explained.initCause(failure);
        return explained;
    }

    private static List<String> names(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> entry : alternatives) {
                    if (entry.size() > 1 && entry.get(1) instanceof String name) {
                        names.add(name);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // Listed as unknown below; the mismatch itself is what matters.
        }
        if (names.isEmpty()) {
            names.add("no subject alternative name");
        }
        return names;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("a connected client trusts no client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("a connected client trusts no client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a connected client trusts no client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[] { pinned };
    }
}
