// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.key;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

import org.bouncycastle.asn1.x500.X500Name;

import renkei.ca.core.CaException;
import renkei.ca.core.internal.CaKeyMaterial;
import renkei.ca.core.internal.CaSettings;
import renkei.platform.SecretStore;

/**
 * The CA key in a PKCS#12 file ({@code ca.key.file}, the demo default) protected by the secret
 * {@code ca.key.passphrase}; the ceremony generates that passphrase when the site has not set one,
 * so no person ever has to type or see it. The file is written owner-only and atomically.
 *
 * <p>Thread-safe: it holds no state besides the path.
 */
final class Pkcs12CaKeyStore implements CaKeyStore {

    private final Path file;
    private final SecretStore secrets;

    Pkcs12CaKeyStore(Path file, SecretStore secrets) {
        this.file = file;
        this.secrets = secrets;
    }

    @Override
    public String type() {
        return "pkcs12";
    }

    @Override
    public String description() {
        return "PKCS#12 " + file;
    }

    @Override
    public CaKeyMaterial generate(X500Name subject, Instant now) {
        if (Files.exists(file)) {
            throw CaException.of("keystore.exists", file);
        }
        String passphrase = secrets.get(CaSettings.PASSPHRASE_SECRET).orElseGet(() -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            secrets.put(CaSettings.PASSPHRASE_SECRET, generated);
            return generated;
        });
        CaKeyMaterial material = CaKeyMaterial.create(subject, now);
        material.store(file, passphrase.toCharArray());
        return material;
    }

    @Override
    public CaKeyMaterial open() {
        if (!Files.exists(file)) {
            throw CaException.of("keystore.missing", file);
        }
        String passphrase = secrets.get(CaSettings.PASSPHRASE_SECRET).orElseThrow(() -> CaException.of("keystore.noSecret", CaSettings.PASSPHRASE_SECRET));
        return CaKeyMaterial.load(file, passphrase.toCharArray());
    }

    @Override
    public void discard() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new CaException("Cannot remove the unrecorded CA keystore " + file + ": " + e.getMessage(), e);
        }
    }
}
