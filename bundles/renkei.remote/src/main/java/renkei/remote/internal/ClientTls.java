// SPDX-License-Identifier: EPL-2.0
package renkei.remote.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Optional;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import renkei.platform.RenkeiHome;
import renkei.platform.SecretStore;
import renkei.platform.remote.TlsFiles;

/**
 * The TLS side of a connected home: the operator's key from {@code tls/client.p12} and, as the only
 * trust anchor, the CA certificate pinned in {@code tls/ca.pem}; no system CA is ever trusted. The
 * host name is verified by {@link java.net.http.HttpClient} against the certificate's names.
 *
 * <p>Stateless; thread-safe.
 */
final class ClientTls {

    /** TLS 1.3 first; 1.2 for servers behind an older terminating proxy. */
    static final String[] PROTOCOLS = { "TLSv1.3", "TLSv1.2" };

    private ClientTls() {
    }

    /** The context of {@code home}, with the client key store's passphrase from its secret store. */
    static SSLContext forHome(RenkeiHome home, SecretStore secrets) throws TlsSetupException {
        Path keyStore = TlsFiles.clientKeyStore(home);
        Optional<String> passphrase;
        try {
            passphrase = secrets.get(TlsFiles.CLIENT_PASSPHRASE);
        } catch (RuntimeException e) {
            throw new TlsSetupException("cannot read the secret " + TlsFiles.CLIENT_PASSPHRASE + " of " + home + ": "
                    + oneLine(e), e);
        }
        if (passphrase.isEmpty()) {
            throw new TlsSetupException("the passphrase of " + keyStore + " is not in the home's keystore (secret "
                    + TlsFiles.CLIENT_PASSPHRASE + "); run 'renkei connect' again");
        }
        return create(TlsFiles.pinnedCaCertificate(home), keyStore, passphrase.get().toCharArray());
    }

    static SSLContext create(Path pinnedCa, Path keyStoreFile, char[] passphrase) throws TlsSetupException {
        X509Certificate ca = pinnedCertificate(pinnedCa);
        KeyStore keys = clientKeyStore(keyStoreFile, passphrase);
        try {
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, passphrase);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), new javax.net.ssl.TrustManager[] { trustOnly(ca) }, null);
            return context;
        } catch (UnrecoverableKeyException e) {
            throw new TlsSetupException("the private key in " + keyStoreFile + " does not open with the passphrase in the "
                    + "home's keystore (secret " + TlsFiles.CLIENT_PASSPHRASE + "); run 'renkei connect' again", e);
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("cannot set TLS up with " + keyStoreFile + " and " + pinnedCa + ": " + oneLine(e), e);
        }
    }

    /** Protocols and no fallback to anything older. */
    static SSLParameters parameters(SSLContext context) {
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setProtocols(PROTOCOLS);
        return parameters;
    }

    /** A trust manager whose one anchor is {@code ca}, explaining each refusal in one line. */
    static PinnedCaTrustManager trustOnly(X509Certificate ca) throws TlsSetupException {
        try {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            anchors.setCertificateEntry("pinned-ca", ca);
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(anchors);
            for (javax.net.ssl.TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof javax.net.ssl.X509ExtendedTrustManager extended) {
                    return new PinnedCaTrustManager(extended, ca);
                }
            }
            throw new TlsSetupException("the JDK offers no PKIX trust manager");
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsSetupException("cannot trust the pinned CA certificate: " + oneLine(e), e);
        }
    }

    private static X509Certificate pinnedCertificate(Path file) throws TlsSetupException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (NoSuchFileException e) {
            throw new TlsSetupException("the pinned CA certificate " + file + " is missing; run 'renkei connect' again", e);
        } catch (IOException | CertificateException | ClassCastException e) {
            throw new TlsSetupException("the pinned CA certificate " + file + " is not an X.509 certificate: " + oneLine(e), e);
        }
    }

    private static KeyStore clientKeyStore(Path file, char[] passphrase) throws TlsSetupException {
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, passphrase);
        } catch (NoSuchFileException e) {
            throw new TlsSetupException("the client key store " + file + " is missing; run 'renkei connect' again", e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new TlsSetupException("the client key store " + file + " does not open with the passphrase in the "
                        + "home's keystore (secret " + TlsFiles.CLIENT_PASSPHRASE + "); run 'renkei connect' again", e);
            }
            throw new TlsSetupException("cannot read the client key store " + file + ": " + oneLine(e), e);
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("cannot read the client key store " + file + ": " + oneLine(e), e);
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    return store;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("cannot read the client key store " + file + ": " + oneLine(e), e);
        }
        throw new TlsSetupException("the client key store " + file + " holds no private key");
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
