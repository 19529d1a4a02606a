// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.identity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1024, 1, 1);

    @Test
    void verifiesTheRightPasswordOnly() {
        String stored = hasher.hash("correct horse 電池".toCharArray());
        assertTrue(stored.startsWith("$argon2id$v=19$m=1024,t=1,p=1$"), stored);
        assertTrue(hasher.verify("correct horse 電池".toCharArray(), stored));
        assertFalse(hasher.verify("correct horse 電地".toCharArray(), stored));
        assertFalse(hasher.verify("".toCharArray(), stored));
    }

    @Test
    void saltsEveryHash() {
        assertNotEquals(hasher.hash("same password".toCharArray()), hasher.hash("same password".toCharArray()));
    }

    @Test
    void rejectsMalformedOrTamperedHashes() {
        String stored = hasher.hash("password-123456".toCharArray());
        assertFalse(hasher.verify("password-123456".toCharArray(), "plain-text"));
        assertFalse(hasher.verify("password-123456".toCharArray(), null));
        String tampered = stored.substring(0, stored.length() - 2) + (stored.endsWith("A") ? "BB" : "AA");
        assertFalse(hasher.verify("password-123456".toCharArray(), tampered));
    }

    @Test
    void flagsWeakerParametersForRehash() {
        String weak = hasher.hash("password-123456".toCharArray());
        assertTrue(new PasswordHasher().needsRehash(weak));
        assertFalse(hasher.needsRehash(weak));
    }

    @Test
    void defaultParametersAreMemoryHard() {
        assertTrue(new PasswordHasher().hash("x".repeat(12).toCharArray()).contains("m=19456,t=2"));
    }
}
