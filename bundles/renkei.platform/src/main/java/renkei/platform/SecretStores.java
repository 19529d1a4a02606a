// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

import renkei.platform.internal.KeystoreSecretStore;

/**
 * Opens the secret store of a home other than this process's own, for commands that set another
 * home up ({@code renkei connect}). This process's own store is the {@link SecretStore} service.
 */
public final class SecretStores {

    private SecretStores() {
    }

    /**
     * The keystore {@code secrets.p12} of {@code home}, its password from {@code RENKEI_MASTER_PASSWORD}
     * or the home's {@code master.key} (created owner-only on first use), as the home's own
     * processes will open it.
     */
    public static SecretStore open(RenkeiHome home) {
        return KeystoreSecretStore.forHome(home);
    }
}
