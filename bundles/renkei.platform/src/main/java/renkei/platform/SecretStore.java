// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

import java.util.Optional;

/**
 * Secrets (database and SMTP passwords, TOTP seeds' wrapping key, SNMP communities) kept out of
 * configuration files and the database. Backed by a PKCS#12 keystore in the Renkei home whose
 * password comes from {@code RENKEI_MASTER_PASSWORD} or a file readable only by the owner.
 *
 * <p>Thread-safe.
 *
 * @noimplement
 */
public interface SecretStore {

    Optional<String> get(String alias);

    void put(String alias, String secret);

    void remove(String alias);

    /**
     * A 256-bit AES key for wrapping data at rest, created on first use and never exported.
     */
    javax.crypto.SecretKey wrappingKey(String alias);
}
