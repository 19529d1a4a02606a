// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.remote;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import renkei.ca.core.CaException;
import renkei.ca.core.CaKeyService;
import renkei.ca.core.CertificateProfile;
import renkei.ca.core.IssuedCertificate;
import renkei.ca.core.internal.CaSchema;
import renkei.ca.core.internal.CertificateStore;
import renkei.platform.Database;
import renkei.platform.remote.ClientCertificateTrust;

/**
 * Who may connect to the server's HTTPS endpoint: holders of an operator certificate
 * ({@link CertificateProfile#OPERATOR}) this CA issued that is valid now. Every check reads the
 * certificate's row by its serial (the primary key), so a revocation committed by any process
 * sharing the database locks that console out with the next request; nothing is cached but the CA
 * certificate, which never changes once the ceremony made it.
 *
 * <p>Thread-safe; called from many request threads.
 */
@Component(service = ClientCertificateTrust.class)
public final class OperatorCertificateTrust implements ClientCertificateTrust {

    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    private final Database database;
    private final Supplier<Optional<X509Certificate>> caCertificate;
    private final Clock clock;
    private final CertificateStore store = new CertificateStore();

    @Activate
    public OperatorCertificateTrust(@Reference Database database, @Reference CaKeyService keys) {
        this(database, () -> caOf(keys), Clock.systemUTC());
    }

    /** @param caCertificate the CA certificate, empty before the key ceremony */
    public OperatorCertificateTrust(Database database, Supplier<Optional<X509Certificate>> caCertificate, Clock clock) {
        this.database = database;
        this.caCertificate = caCertificate;
        this.clock = clock;
        database.migrate(CaSchema.migrations());
    }

    private static Optional<X509Certificate> caOf(CaKeyService keys) {
        try {
            return Optional.of(keys.caCertificate());
        } catch (CaException e) {
            return Optional.empty(); // no CA yet: nobody can connect
        }
    }

    @Override
    public List<X509Certificate> trustAnchors() {
        return caCertificate.get().map(List::of).orElse(List.of());
    }

    @Override
    public void checkClient(X509Certificate certificate) throws CertificateException {
        X509Certificate ca = caCertificate.get()
                .orElseThrow(() -> new CertificateException("no CA exists yet, so no operator certificate is trusted"));
        String serial = certificate.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
        String who = "certificate " + serial + " (" + certificate.getSubjectX500Principal().getName() + ")";
        try {
            if (!certificate.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
                throw new GeneralSecurityException("issuer differs");
            }
            certificate.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new CertificateException(who + " was not issued by this CA");
        }
        Instant now = clock.instant();
        if (now.isBefore(certificate.getNotBefore().toInstant()) || now.isAfter(certificate.getNotAfter().toInstant())) {
            throw new CertificateException(who + " is not valid now (notBefore " + certificate.getNotBefore().toInstant()
                    + ", notAfter " + certificate.getNotAfter().toInstant() + ")");
        }
        List<String> usages = certificate.getExtendedKeyUsage();
        if (usages == null || !usages.contains(CLIENT_AUTH)) {
            throw new CertificateException(who + " is not for client authentication");
        }
        Optional<IssuedCertificate> issued = database.withConnection(c -> store.find(c, serial));
        if (issued.isEmpty()) {
            throw new CertificateException(who + " is unknown to the CA's certificate store");
        }
        IssuedCertificate known = issued.get();
        if (!Arrays.equals(known.der(), certificate.getEncoded())) {
            throw new CertificateException(who + " differs from the certificate the CA issued with that serial");
        }
        if (known.profile() != CertificateProfile.OPERATOR) {
            throw new CertificateException(who + " is a " + known.profile().name().toLowerCase(java.util.Locale.ROOT)
                    + " certificate, not an operator certificate");
        }
        if (known.status() == IssuedCertificate.Status.REVOKED) {
            throw new CertificateException(who + " was revoked at " + known.revokedAt().map(Instant::toString).orElse("?")
                    + known.revocationReason().map(r -> " (" + r + ")").orElse(""));
        }
    }
}
