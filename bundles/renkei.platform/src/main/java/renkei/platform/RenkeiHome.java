// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;
import java.util.Properties;

/**
 * The one directory where a console, server or CLI instance keeps its configuration, database and
 * keystores, so several instances can run side by side. Resolved from the system property
 * {@code renkei.home}, then the environment variable {@code RENKEI_HOME}, then {@code ~/.renkei}.
 *
 * <p>Immutable and thread-safe.
 */
public final class RenkeiHome {

    /** Name of the site configuration file inside the home. */
    public static final String CONFIG_FILE = "renkei.properties";

    private final Path root;

    public RenkeiHome(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    /** The home this process was started with. */
    public static RenkeiHome fromEnvironment() {
        String property = System.getProperty("renkei.home");
        if (property != null && !property.isBlank()) {
            return new RenkeiHome(Paths.get(property));
        }
        String env = System.getenv("RENKEI_HOME");
        if (env != null && !env.isBlank()) {
            return new RenkeiHome(Paths.get(env));
        }
        return new RenkeiHome(Paths.get(System.getProperty("user.home"), ".renkei"));
    }

    public Path root() {
        return root;
    }

    public Path configFile() {
        return root.resolve(CONFIG_FILE);
    }

    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    /** Whether a site configuration exists; without one the console seeds a demo home. */
    public boolean isConfigured() {
        return Files.isRegularFile(configFile());
    }

    /** Reads the site configuration; an absent file yields empty properties. */
    public Properties loadConfig() {
        Properties properties = new Properties();
        if (!isConfigured()) {
            return properties;
        }
        try (InputStream in = Files.newInputStream(configFile());
             var reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read site configuration " + configFile(), e);
        }
    }

    /** Writes the site configuration atomically (temporary file, then move). */
    public void storeConfig(Properties properties, String comment) {
        try {
            Files.createDirectories(root);
            AtomicFiles.write(configFile(), out -> {
                try (var writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                    properties.store(writer, comment);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write site configuration " + configFile(), e);
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }

    /** Writer callback for {@link AtomicFiles#write}. */
    @FunctionalInterface
    public interface StreamWriter {
        void writeTo(OutputStream out) throws IOException;
    }
}
