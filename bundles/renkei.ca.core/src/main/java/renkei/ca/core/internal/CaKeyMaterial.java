// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import renkei.ca.core.CaException;
import renkei.platform.AtomicFiles;

/**
 * The CA's own key and certificate. The key ceremony (CA-02, CA-12) makes an RSA-2048 key and a
 * self-signed certificate valid ten years with keyCertSign + cRLSign. The key is only ever written
 * inside a passphrase-protected PKCS#12 file or lives in a PKCS#11 token, where only the token's
 * provider can sign with it; no method returns it encoded. Immutable.
 */
public final class CaKeyMaterial {

    static final String ALIAS = "ca";
    static final int CA_YEARS = 10;

    private final X509Certificate certificate;
    private final PrivateKey key;
    /** Null for keys any provider can use; a token's keys sign only through the token's provider. */
    private final Provider signingProvider;

    CaKeyMaterial(X509Certificate certificate, PrivateKey key) {
        this(certificate, key, null);
    }

    private CaKeyMaterial(X509Certificate certificate, PrivateKey key, Provider signingProvider) {
        this.certificate = certificate;
        this.key = key;
        this.signingProvider = signingProvider;
    }

    /** Generates the CA key pair and self-signed certificate for {@code subject}. */
    public static CaKeyMaterial create(X500Name subject, Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, new SecureRandom());
            return create(subject, now, generator, null);
        } catch (GeneralSecurityException e) {
            throw new CaException("CA key ceremony failed: " + e.getMessage(), e);
        }
    }

    /**
     * Generates the CA key pair with {@code generator} (already initialised for RSA-2048) and signs
     * the certificate through {@code signingProvider}: for a PKCS#11 token both are the token's, so
     * the private key is created inside it and never leaves it.
     *
     * @param signingProvider null for the default JCA providers
     */
    public static CaKeyMaterial create(X500Name subject, Instant now, KeyPairGenerator generator, Provider signingProvider) {
        try {
            KeyPair pair = generator.generateKeyPair();
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            Instant notAfter = now.atOffset(ZoneOffset.UTC).plusYears(CA_YEARS).toInstant();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(127, new SecureRandom()),
                    Date.from(now), Date.from(notAfter), subject, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(signerBuilder(signingProvider).build(pair.getPrivate())));
            return new CaKeyMaterial(certificate, pair.getPrivate(), signingProvider);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new CaException("CA key ceremony failed: " + e.getMessage(), e);
        }
    }

    /** Writes key and certificate to a PKCS#12 file protected by {@code passphrase}, atomically. */
    public void store(Path file, char[] passphrase) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, passphrase, new java.security.cert.Certificate[] { certificate });
            AtomicFiles.write(file, out -> {
                try {
                    store.store(out, passphrase);
                } catch (GeneralSecurityException e) {
                    throw new IOException(e);
                }
            });
        } catch (GeneralSecurityException | IOException e) {
            throw new CaException("Cannot write the CA keystore " + file + ": " + e.getMessage(), e);
        }
    }

    /** A key kept inside a PKCS#11 token: it signs through {@code provider} and cannot be exported. */
    public static CaKeyMaterial inToken(X509Certificate certificate, PrivateKey key, Provider provider) {
        return new CaKeyMaterial(certificate, key, provider);
    }

    /**
     * Labels the token key with the CA alias and stores the certificate next to it; the key is a
     * token object already, so nothing but its handle crosses the PKCS#11 boundary.
     */
    public void storeInToken(KeyStore token) {
        try {
            token.setKeyEntry(ALIAS, key, null, new java.security.cert.Certificate[] { certificate });
        } catch (GeneralSecurityException e) {
            throw new CaException("Cannot store the CA key entry in the token: " + e.getMessage(), e);
        }
    }

    /** Opens the CA key (activation); a wrong passphrase is a clear refusal. */
    public static CaKeyMaterial load(Path file, char[] passphrase) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, passphrase);
            return new CaKeyMaterial((X509Certificate) store.getCertificate(ALIAS), (PrivateKey) store.getKey(ALIAS, passphrase));
        } catch (IOException e) {
            if (e.getCause() instanceof java.security.UnrecoverableKeyException) {
                throw CaException.caused(e, "keystore.wrongPassphrase", file);
            }
            throw new CaException("Cannot read the CA keystore " + file + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new CaException("Cannot read the CA keystore " + file + ": " + e.getMessage(), e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    PrivateKey signingKey() {
        return key;
    }

    /** A signer builder that uses the provider holding the key, if it is a token's. */
    static JcaContentSignerBuilder signerBuilder(Provider provider) {
        JcaContentSignerBuilder builder = new JcaContentSignerBuilder("SHA256withRSA");
        return provider == null ? builder : builder.setProvider(provider);
    }

    Provider signingProvider() {
        return signingProvider;
    }
}
