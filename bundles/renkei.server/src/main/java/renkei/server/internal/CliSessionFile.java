// SPDX-License-Identifier: EPL-2.0
package renkei.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;

import renkei.platform.AtomicFiles;
import renkei.platform.RenkeiHome;

/**
 * The CLI's login for one home: {@code $RENKEI_HOME/cli-session}, owner-only, holding the session
 * token {@code renkei login} received, the user name and when the session ends at the latest. The
 * token is a bearer credential for that home's database (or server), so the file is written
 * atomically with permissions 0600 from the start and never printed.
 *
 * <p>Immutable; one process at a time writes it (the last login wins).
 */
final class CliSessionFile {

    static final String FILE_NAME = "cli-session";

    /** What the file holds. */
    record Login(String username, String token, Instant notAfter) {
    }

    private final Path file;

    CliSessionFile(RenkeiHome home) {
        this(home.resolve(FILE_NAME));
    }

    CliSessionFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    /** The stored login; empty when there is none or the file is not one the CLI wrote. */
    Optional<Login> read() throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        String username = properties.getProperty("user", "");
        String token = properties.getProperty("token", "");
        if (username.isBlank() || token.isBlank()) {
            return Optional.empty();
        }
        Instant notAfter;
        try {
            notAfter = Instant.parse(properties.getProperty("notAfter", Instant.EPOCH.toString()));
        } catch (DateTimeParseException e) {
            notAfter = Instant.EPOCH;
        }
        return Optional.of(new Login(username, token, notAfter));
    }

    void write(Login login) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("user", login.username());
        properties.setProperty("token", login.token());
        properties.setProperty("notAfter", login.notAfter().toString());
        // AtomicFiles' temporary file is created 0600 on POSIX, so the token is never readable by others.
        AtomicFiles.write(file, out -> {
            OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            properties.store(writer, "renkei login: session token of " + login.username() + "; 'renkei logout' ends it");
            writer.flush();
        });
        ownerOnly(file);
    }

    /** @return whether there was a file */
    boolean delete() throws IOException {
        return Files.deleteIfExists(file);
    }

    static void ownerOnly(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the home directory's own permissions must protect it.
        }
    }
}
