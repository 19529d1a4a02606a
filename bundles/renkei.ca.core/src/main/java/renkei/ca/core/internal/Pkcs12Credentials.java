// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

import renkei.ca.core.CaException;
import renkei.ca.core.CertificateProfile;

/**
 * Server-side key generation (CA-05): an RSA-2048 key pair for a user and the PKCS#12 that carries
 * it to them; also the PKCS#12 files of connected mode (a server's TLS key, an operator's client key). The key is only ever encoded inside the PKCS#12, encrypted with AES-256-CBC under a
 * PBKDF2-SHA256 key from the user's passphrase and MACed with SHA-256 — what OpenSSL 3 and current
 * browsers read, unlike the RC2/3DES defaults of older tools.
 *
 * <p>Thread-safe.
 */
public final class Pkcs12Credentials {

    private static final int PBKDF2_ITERATIONS = 100_000;

    private final SecureRandom random = new SecureRandom();
    // The JDK's providers lack PBES2 with AES for PKCS#12 bags; BouncyCastle's has it. Not registered
    // globally, so other bundles' JCA choices are untouched.
    private final java.security.Provider bouncyCastle = new org.bouncycastle.jce.provider.BouncyCastleProvider();

    public KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(CertificateProfile.KEY_BITS, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new CaException("RSA key generation failed: " + e.getMessage(), e);
        }
    }

    /** The PKCS#12 bytes: the user's key and certificate, then the CA certificate for the chain. */
    public byte[] pkcs12(PrivateKey key, X509Certificate certificate, X509Certificate caCertificate, String friendlyName, char[] passphrase) {
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            var localKeyId = extensions.createSubjectKeyIdentifier(certificate.getPublicKey());
            var encryptor = new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                    .setPRF(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256))
                    .setIterationCount(PBKDF2_ITERATIONS).setRandom(random).setProvider(bouncyCastle).build(passphrase);
            PKCS12SafeBag caBag = new JcaPKCS12SafeBagBuilder(caCertificate).build();
            PKCS12SafeBag certBag = new JcaPKCS12SafeBagBuilder(certificate)
                    .addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(friendlyName))
                    .addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId).build();
            PKCS12SafeBag keyBag = new JcaPKCS12SafeBagBuilder(key, encryptor)
                    .addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(friendlyName))
                    .addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId).build();
            PKCS12PfxPdu pfx = new PKCS12PfxPduBuilder()
                    .addEncryptedData(encryptor, new PKCS12SafeBag[] { certBag, caBag })
                    .addData(keyBag)
                    .build(new JcePKCS12MacCalculatorBuilder(NISTObjectIdentifiers.id_sha256).setIterationCount(PBKDF2_ITERATIONS)
                                    .setProvider(bouncyCastle),
                            passphrase);
            return pfx.getEncoded("DER");
        } catch (GeneralSecurityException | OperatorCreationException | PKCSException | IOException e) {
            throw new CaException("Cannot build the PKCS#12 file: " + e.getMessage(), e);
        }
    }
}
