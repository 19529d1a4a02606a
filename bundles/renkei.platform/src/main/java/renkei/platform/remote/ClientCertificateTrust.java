// SPDX-License-Identifier: EPL-2.0
package renkei.platform.remote;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Who may connect to the server's HTTPS endpoint: the CA domain publishes this so the platform's
 * endpoint knows no domain. The endpoint calls {@link #checkClient} at the TLS handshake and again
 * on every API request, so revoking an operator's certificate locks that console out at once, even
 * over a connection that was already open.
 *
 * <p>Thread-safe; called from many request threads.
 */
public interface ClientCertificateTrust {

    /** CA certificates that issue operator certificates; empty before the CA exists. */
    List<X509Certificate> trustAnchors();

    /**
     * Refuses a client certificate that the CA did not issue, that is revoked, expired, not yet
     * valid or not meant for client authentication.
     *
     * @throws CertificateException with a one-line reason
     */
    void checkClient(X509Certificate certificate) throws CertificateException;
}
