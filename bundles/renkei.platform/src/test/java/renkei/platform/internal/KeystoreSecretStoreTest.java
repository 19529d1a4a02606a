// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import renkei.platform.RenkeiHome;

class KeystoreSecretStoreTest {

    @TempDir
    Path home;

    @Test
    void secretsSurviveARestartAndStayOutOfClearText() throws Exception {
        KeystoreSecretStore store = new KeystoreSecretStore(new RenkeiHome(home));
        store.put("db.password", "pässwörd-データベース");
        store.put("mail.smtp.password", "smtp-secret");
        KeystoreSecretStore reopened = new KeystoreSecretStore(new RenkeiHome(home));
        assertEquals(Optional.of("pässwörd-データベース"), reopened.get("db.password"));
        byte[] file = Files.readAllBytes(home.resolve("secrets.p12"));
        assertFalse(new String(file, StandardCharsets.ISO_8859_1).contains("smtp-secret"), "the keystore must not hold secrets in clear");
        reopened.remove("mail.smtp.password");
        assertTrue(new KeystoreSecretStore(new RenkeiHome(home)).get("mail.smtp.password").isEmpty());
    }

    @Test
    void filesAreReadableByTheOwnerOnly() throws Exception {
        new KeystoreSecretStore(new RenkeiHome(home)).put("x", "y");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("secrets.p12"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("master.key"))));
    }

    @Test
    void wrappingKeysAreStable() {
        KeystoreSecretStore store = new KeystoreSecretStore(new RenkeiHome(home));
        byte[] first = store.wrappingKey("identity.totp.wrapping").getEncoded();
        assertEquals(32, first.length);
        assertArrayEquals(first, new KeystoreSecretStore(new RenkeiHome(home)).wrappingKey("identity.totp.wrapping").getEncoded());
    }

    @Test
    void aWrongMasterKeyIsAClearError() throws Exception {
        new KeystoreSecretStore(new RenkeiHome(home)).put("db.password", "secret");
        Files.writeString(home.resolve("master.key"), "not-the-key");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new KeystoreSecretStore(new RenkeiHome(home)).get("db.password"));
        assertTrue(e.getMessage().contains("secrets.p12"), e.getMessage());
    }
}
