// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import renkei.platform.AtomicFiles;
import renkei.platform.RenkeiHome;
import renkei.platform.SecretStore;
import renkei.platform.SiteConfig;

/**
 * PKCS#12 keystore {@code secrets.p12} in the Renkei home. Its password is taken from the
 * environment variable {@code RENKEI_MASTER_PASSWORD} when set (servers started by systemd), else
 * from {@code master.key}, created with owner-only permissions on first use.
 */
@Component(service = SecretStore.class)
public final class KeystoreSecretStore implements SecretStore {

    private static final String PASSWORD_ENV = "RENKEI_MASTER_PASSWORD";

    private final Path file;
    private final char[] password;

    @Activate
    public KeystoreSecretStore(@Reference SiteConfig config) {
        this(config.home());
    }

    /** The store of any home, for {@link renkei.platform.SecretStores#open}. */
    public static KeystoreSecretStore forHome(RenkeiHome home) {
        return new KeystoreSecretStore(home);
    }

    KeystoreSecretStore(RenkeiHome home) {
        this.file = home.resolve("secrets.p12");
        this.password = masterPassword(home);
    }

    @Override
    public synchronized Optional<String> get(String alias) {
        try {
            KeyStore store = load();
            if (!store.containsAlias(alias)) {
                return Optional.empty();
            }
            SecretKey key = (SecretKey) store.getKey(alias, password);
            return Optional.of(new String(key.getEncoded(), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot read secret " + alias + " from " + file, e);
        }
    }

    @Override
    public synchronized void put(String alias, String secret) {
        // The JDK's PKCS#12 store only keeps secret keys of algorithms it knows; it does not check
        // the length, so the secret's UTF-8 bytes travel as an "AES" key entry.
        store(alias, new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "AES"));
    }

    @Override
    public synchronized void remove(String alias) {
        try {
            KeyStore store = load();
            if (store.containsAlias(alias)) {
                store.deleteEntry(alias);
                save(store);
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot remove secret " + alias + " from " + file, e);
        }
    }

    @Override
    public synchronized SecretKey wrappingKey(String alias) {
        try {
            KeyStore store = load();
            if (store.containsAlias(alias)) {
                SecretKey key = (SecretKey) store.getKey(alias, password);
                return new SecretKeySpec(key.getEncoded(), "AES");
            }
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, new SecureRandom());
            SecretKey key = generator.generateKey();
            store(alias, key);
            return key;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot obtain wrapping key " + alias + " from " + file, e);
        }
    }

    private void store(String alias, SecretKey key) {
        try {
            KeyStore store = load();
            store.setEntry(alias, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(password));
            save(store);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot store secret " + alias + " in " + file, e);
        }
    }

    private KeyStore load() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password);
            }
        } else {
            store.load(null, password);
        }
        return store;
    }

    private void save(KeyStore store) throws IOException {
        AtomicFiles.write(file, out -> {
            try {
                store.store(out, password);
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
        });
        restrictToOwner(file);
    }

    private static char[] masterPassword(RenkeiHome home) {
        String fromEnv = System.getenv(PASSWORD_ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        Path keyFile = home.resolve("master.key");
        try {
            if (!Files.exists(keyFile)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.createDirectories(keyFile.getParent());
                // Created owner-only and exclusively: a console and a server starting together on a
                // fresh home must agree on one key, and whoever loses the race reads the winner's.
                try {
                    Files.createFile(keyFile, attributesOwnerOnly());
                    Files.write(keyFile, Base64.getEncoder().encodeToString(random).getBytes(StandardCharsets.US_ASCII));
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    awaitContent(keyFile);
                }
            }
            return Files.readString(keyFile, StandardCharsets.US_ASCII).strip().toCharArray();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the master key " + keyFile, e);
        }
    }

    private static java.nio.file.attribute.FileAttribute<?>[] attributesOwnerOnly() {
        try {
            return new java.nio.file.attribute.FileAttribute<?>[] {
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) };
        } catch (UnsupportedOperationException e) {
            return new java.nio.file.attribute.FileAttribute<?>[0];
        }
    }

    /** The racing creator writes right after creating; give it a moment rather than read an empty key. */
    private static void awaitContent(Path keyFile) throws IOException {
        for (int i = 0; i < 50 && Files.size(keyFile) == 0; i++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void restrictToOwner(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Non-POSIX file systems rely on the directory's own protection.
        }
    }
}
