// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.key;

import java.time.Instant;

import org.bouncycastle.asn1.x500.X500Name;

import renkei.ca.core.internal.CaKeyMaterial;
import renkei.ca.core.internal.CaSettings;
import renkei.platform.SecretStore;

/**
 * Where the CA private key lives: a passphrase-protected PKCS#12 file or a PKCS#11 token. Neither
 * implementation ever writes the key out in clear; the secret that unlocks it (passphrase or PIN)
 * comes from the {@link SecretStore}.
 *
 * <p>Implementations are thread-safe.
 */
public interface CaKeyStore {

    /** {@code pkcs12} or {@code pkcs11}, as in {@code ca.key.store}. */
    String type();

    /** For operators, e.g. {@code PKCS#12 /home/ca/ca.p12}. */
    String description();

    /**
     * Key ceremony: generates the RSA-2048 key inside this store with its self-signed CA
     * certificate. Refuses to replace a key that is already there.
     */
    CaKeyMaterial generate(X500Name subject, Instant now);

    /** Opens the key for signing; a missing secret or a wrong passphrase/PIN is a clear refusal. */
    CaKeyMaterial open();

    /** Removes what {@link #generate} left when the ceremony could not be recorded. */
    void discard();

    static CaKeyStore configured(CaSettings settings, SecretStore secrets) {
        return settings.keyStoreType().equals("pkcs11")
                ? new Pkcs11CaKeyStore(settings.pkcs11Library(), settings.pkcs11SlotListIndex(), settings.pkcs11TokenLabel(), secrets)
                : new Pkcs12CaKeyStore(settings.keyFile(), secrets);
    }
}
