// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import java.util.Arrays;
import java.util.Locale;

import renkei.ca.core.CaException;

/**
 * Strength rules for the passphrase that protects a PKCS#12 the CA generated for a user. Length
 * matters most; a long passphrase may use one character class, a shorter one needs three, and it
 * must not contain the user's own identifiers (the first thing an attacker tries).
 */
public final class PassphrasePolicy {

    /** From this length on, a passphrase of plain words is strong enough. */
    private static final int LONG_ENOUGH = 20;

    private final int minLength;

    public PassphrasePolicy(int minLength) {
        this.minLength = Math.max(8, minLength);
    }

    /** @throws CaException naming the rule that failed; the passphrase itself is never echoed */
    public void check(char[] passphrase, char[] confirmation, String... identifiers) {
        if (passphrase == null || passphrase.length == 0) {
            throw CaException.of("passphrase.required");
        }
        if (!Arrays.equals(passphrase, confirmation)) {
            throw CaException.of("passphrase.mismatch");
        }
        if (passphrase.length < minLength) {
            throw CaException.of("passphrase.tooShort", minLength);
        }
        int classes = (has(passphrase, Character::isLowerCase) ? 1 : 0) + (has(passphrase, Character::isUpperCase) ? 1 : 0)
                + (has(passphrase, Character::isDigit) ? 1 : 0) + (has(passphrase, ch -> !Character.isLetterOrDigit(ch)) ? 1 : 0);
        if (passphrase.length < LONG_ENOUGH && classes < 3) {
            throw CaException.of("passphrase.tooSimple", LONG_ENOUGH);
        }
        if (distinct(passphrase) < 5) {
            throw CaException.of("passphrase.tooRepetitive");
        }
        String lower = new String(passphrase).toLowerCase(Locale.ROOT);
        for (String identifier : identifiers) {
            if (identifier != null && identifier.length() >= 4 && lower.contains(identifier.toLowerCase(Locale.ROOT))) {
                throw CaException.of("passphrase.containsIdentifier");
            }
        }
    }

    private static boolean has(char[] text, java.util.function.IntPredicate test) {
        for (char ch : text) {
            if (test.test(ch)) {
                return true;
            }
        }
        return false;
    }

    private static long distinct(char[] text) {
        return new String(text).chars().distinct().count();
    }
}
