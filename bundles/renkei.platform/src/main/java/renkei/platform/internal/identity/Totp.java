// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.identity;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP). Codes are accepted one step either
 * side of now for clock drift; the caller stores the accepted step so a code cannot be replayed.
 *
 * <p>Immutable and thread-safe.
 */
public final class Totp {

    public static final int STEP_SECONDS = 30;

    private final String macAlgorithm;
    private final int digits;

    /** The authenticator-app default: HMAC-SHA1, six digits. */
    public Totp() {
        this("HmacSHA1", 6);
    }

    public Totp(String macAlgorithm, int digits) {
        this.macAlgorithm = macAlgorithm;
        this.digits = digits;
    }

    public static long stepAt(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
    }

    public static byte[] newSecret() {
        byte[] secret = new byte[20];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /** The code for one time step, zero-padded to the configured number of digits. */
    public String code(byte[] secret, long step) {
        try {
            Mac mac = Mac.getInstance(macAlgorithm);
            mac.init(new SecretKeySpec(secret, "RAW"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            int modulus = (int) Math.pow(10, digits);
            return String.format("%0" + digits + "d", binary % modulus);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TOTP needs " + macAlgorithm, e);
        }
    }

    /**
     * Checks a code against the steps around {@code now}.
     *
     * @param lastUsedStep the step of the last accepted code; it and earlier steps are refused
     * @return the matching step, empty when the code is wrong or replayed
     */
    public OptionalLong verify(byte[] secret, String code, Instant now, long lastUsedStep) {
        if (code == null || !code.matches("\\d{" + digits + "}")) {
            return OptionalLong.empty();
        }
        long current = stepAt(now);
        for (long step = current - 1; step <= current + 1; step++) {
            if (step > lastUsedStep && MessageDigest.isEqual(code(secret, step).getBytes(), code.getBytes())) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }
}
