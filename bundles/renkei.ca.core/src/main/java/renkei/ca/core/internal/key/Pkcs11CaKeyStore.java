// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.key;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

import org.bouncycastle.asn1.x500.X500Name;

import renkei.ca.core.CaException;
import renkei.ca.core.internal.CaKeyMaterial;
import renkei.ca.core.internal.CaSettings;
import renkei.platform.SecretStore;

/**
 * The CA key in a PKCS#11 token (an HSM, CA-12; SoftHSM2 in tests) through the JDK's SunPKCS11
 * provider. The key pair is generated inside the token as a sensitive, non-extractable token
 * object, so the private key never exists outside it; the certificate is stored next to it. The
 * PIN is the secret {@code ca.pkcs11.pin}.
 *
 * <p>Thread-safe: the provider is created once, under the instance lock, and SunPKCS11 itself is
 * safe for concurrent signing.
 */
final class Pkcs11CaKeyStore implements CaKeyStore {

    static final String ALIAS = "ca";

    /**
     * Every private key the provider generates stays in the token and can never be read out;
     * without these attributes SunPKCS11 would create a session key that vanishes on logout.
     */
    private static final String GENERATE_ATTRIBUTES = """
            attributes(generate, CKO_PRIVATE_KEY, *) = {
              CKA_TOKEN = true
              CKA_PRIVATE = true
              CKA_SENSITIVE = true
              CKA_EXTRACTABLE = false
            }
            attributes(generate, CKO_PUBLIC_KEY, *) = {
              CKA_TOKEN = true
            }
            """;

    private final Optional<String> library;
    private final int slotListIndex;
    private final String tokenLabel;
    private final SecretStore secrets;
    private Provider provider;

    Pkcs11CaKeyStore(Optional<String> library, int slotListIndex, String tokenLabel, SecretStore secrets) {
        this.library = library;
        this.slotListIndex = slotListIndex;
        this.tokenLabel = tokenLabel;
        this.secrets = secrets;
    }

    @Override
    public String type() {
        return "pkcs11";
    }

    @Override
    public String description() {
        return "PKCS#11 token " + tokenLabel + " (" + library.orElse("no ca.pkcs11.library") + ", slot index " + slotListIndex + ")";
    }

    @Override
    public CaKeyMaterial generate(X500Name subject, Instant now) {
        KeyStore token = login();
        try {
            if (token.containsAlias(ALIAS)) {
                throw CaException.of("token.hasKey", tokenLabel);
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", provider());
            generator.initialize(2048);
            CaKeyMaterial material = CaKeyMaterial.create(subject, now, generator, provider());
            material.storeInToken(token);
            return material;
        } catch (GeneralSecurityException e) {
            throw new CaException("Key generation in the token " + tokenLabel + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public CaKeyMaterial open() {
        KeyStore token = login();
        try {
            Key key = token.getKey(ALIAS, null);
            if (!(key instanceof PrivateKey privateKey) || !(token.getCertificate(ALIAS) instanceof X509Certificate certificate)) {
                throw CaException.of("token.noKey", tokenLabel);
            }
            return CaKeyMaterial.inToken(certificate, privateKey, provider());
        } catch (GeneralSecurityException e) {
            throw new CaException("Cannot open the CA key in the token " + tokenLabel + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void discard() {
        try {
            login().deleteEntry(ALIAS);
        } catch (GeneralSecurityException e) {
            throw new CaException("Cannot remove the unrecorded CA key from the token " + tokenLabel + ": " + e.getMessage(), e);
        }
    }

    /** The token's key store, logged in with the PIN. */
    private KeyStore login() {
        String pin = secrets.get(CaSettings.PIN_SECRET).orElseThrow(() -> CaException.of("token.noPin", CaSettings.PIN_SECRET, tokenLabel));
        try {
            KeyStore token = KeyStore.getInstance("PKCS11", provider());
            token.load(null, pin.toCharArray());
            return token;
        } catch (java.io.IOException e) {
            throw CaException.caused(e, "token.loginFailed", tokenLabel, rootMessage(e));
        } catch (GeneralSecurityException e) {
            throw new CaException("Cannot open the token " + tokenLabel + ": " + rootMessage(e), e);
        }
    }

    private synchronized Provider provider() {
        if (provider == null) {
            String module = library.orElseThrow(() -> new CaException(
                    "ca.key.store is pkcs11 but ca.pkcs11.library does not name the PKCS#11 module"));
            // A leading "--" tells SunPKCS11 that the argument is the configuration itself, not a file name.
            String config = "--name = renkei-ca\nlibrary = " + module + "\nslotListIndex = " + slotListIndex + "\n" + GENERATE_ATTRIBUTES;
            try {
                provider = Security.getProvider("SunPKCS11").configure(config);
            } catch (RuntimeException e) {
                throw new CaException("Cannot load the PKCS#11 module " + module + ": " + rootMessage(e), e);
            }
        }
        return provider;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
