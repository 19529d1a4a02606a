// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.identity;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals TOTP secrets with AES-GCM under a key kept in the secret store, so a copy of the database
 * alone does not let anyone generate an operator's codes.
 */
final class TotpSecretWrapper {

    private static final int IV_BYTES = 12;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    TotpSecretWrapper(SecretKey key) {
        this.key = key;
    }

    String wrap(byte[] secret, String username) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            // Binding the user name stops a sealed secret being copied onto another account.
            cipher.updateAAD(username.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal TOTP secret", e);
        }
    }

    byte[] unwrap(String wrapped, String username) {
        try {
            byte[] all = Base64.getDecoder().decode(wrapped);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, IV_BYTES));
            cipher.updateAAD(username.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("TOTP secret of " + username + " cannot be unsealed (wrong master key or tampered row)", e);
        }
    }
}
