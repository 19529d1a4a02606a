// SPDX-License-Identifier: EPL-2.0
package renkei.app.uitest.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What an authenticator app shows for a base32 TOTP secret (RFC 6238: HMAC-SHA1, 30-second steps,
 * six digits), so the test can answer the login dialog's second-factor question.
 */
final class Totp {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Totp() {
    }

    static String code(String base32Secret, Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(decode(base32Secret), "RAW"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step(at)).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
                    | (hash[offset + 3] & 0xff);
            return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 30-second step {@code at} falls in; a code is valid for one step. */
    static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 30);
    }

    /** Seconds until the current code changes. */
    static long secondsLeft(Instant at) {
        return 30 - Math.floorMod(at.getEpochSecond(), 30);
    }

    static byte[] decode(String base32) {
        String text = base32.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(text.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not base32: " + c);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}
