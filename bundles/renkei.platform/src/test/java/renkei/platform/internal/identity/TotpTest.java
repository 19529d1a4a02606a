// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 6238 Appendix B test vectors and the verification rules built on them. */
class TotpTest {

    private static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_KEY = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_KEY = "1234567890123456789012345678901234567890123456789012345678901234"
            .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T={0} {1}")
    @CsvSource({
        "59, HmacSHA1, 94287082", "59, HmacSHA256, 46119246", "59, HmacSHA512, 90693936",
        "1111111109, HmacSHA1, 07081804", "1111111109, HmacSHA256, 68084774", "1111111109, HmacSHA512, 25091201",
        "1111111111, HmacSHA1, 14050471", "1111111111, HmacSHA256, 67062674", "1111111111, HmacSHA512, 99943326",
        "1234567890, HmacSHA1, 89005924", "1234567890, HmacSHA256, 91819424", "1234567890, HmacSHA512, 93441116",
        "2000000000, HmacSHA1, 69279037", "2000000000, HmacSHA256, 90698825", "2000000000, HmacSHA512, 38618901",
        "20000000000, HmacSHA1, 65353130", "20000000000, HmacSHA256, 77737706", "20000000000, HmacSHA512, 47863826" })
    void matchesRfc6238Vectors(long epochSeconds, String algorithm, String expected) {
        byte[] key = switch (algorithm) {
            case "HmacSHA1" -> SHA1_KEY;
            case "HmacSHA256" -> SHA256_KEY;
            default -> SHA512_KEY;
        };
        Totp totp = new Totp(algorithm, 8);
        assertEquals(expected, totp.code(key, Totp.stepAt(Instant.ofEpochSecond(epochSeconds))));
    }

    @Test
    void acceptsOneStepOfDriftAndRefusesReplay() {
        Totp totp = new Totp();
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long step = Totp.stepAt(now);
        String previous = totp.code(SHA1_KEY, step - 1);
        assertEquals(step - 1, totp.verify(SHA1_KEY, previous, now, 0).getAsLong());
        assertTrue(totp.verify(SHA1_KEY, previous, now, step - 1).isEmpty(), "a used step must not be accepted again");
        assertTrue(totp.verify(SHA1_KEY, totp.code(SHA1_KEY, step - 2), now, 0).isEmpty(), "two steps old is too old");
        assertTrue(totp.verify(SHA1_KEY, "12345", now, 0).isEmpty(), "wrong length");
        assertTrue(totp.verify(SHA1_KEY, null, now, 0).isEmpty());
    }
}
