// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One bundle's ordered, checksummed schema migrations. Scripts are resources named
 * {@code V<version>__<description>.sql} next to an anchor class; they are listed explicitly
 * because an OSGi bundle's class loader cannot enumerate a resource folder portably.
 *
 * <p>Once applied, a script must never change: its SHA-256 is stored and a mismatch stops start-up.
 */
public final class SchemaMigrations {

    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

    private final String module;
    private final List<Migration> migrations;

    public SchemaMigrations(String module, List<Migration> migrations) {
        this.module = Objects.requireNonNull(module, "module");
        List<Migration> copy = List.copyOf(migrations);
        for (int i = 1; i < copy.size(); i++) {
            if (copy.get(i).version() <= copy.get(i - 1).version()) {
                throw new IllegalArgumentException(module + ": migration versions must increase, found V"
                        + copy.get(i - 1).version() + " before V" + copy.get(i).version());
            }
        }
        this.migrations = copy;
    }

    /** Loads scripts stored as resources relative to {@code anchor}, in the order given. */
    public static SchemaMigrations fromResources(String module, Class<?> anchor, String... scriptNames) {
        List<Migration> list = new ArrayList<>();
        for (String name : scriptNames) {
            Matcher matcher = NAME.matcher(name);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("Migration script name must look like V1__create_tables.sql: " + name);
            }
            try (InputStream in = anchor.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalArgumentException("Migration script not found next to " + anchor.getName() + ": " + name);
                }
                String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                list.add(new Migration(Integer.parseInt(matcher.group(1)), matcher.group(2).replace('_', ' '), sql));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read migration " + name, e);
            }
        }
        return new SchemaMigrations(module, list);
    }

    public String module() {
        return module;
    }

    public List<Migration> migrations() {
        return migrations;
    }

    /**
     * One schema change.
     *
     * @param version     position in the module's history, increasing
     * @param description short text stored with the applied version
     * @param sql         statements separated by a semicolon at the end of a line
     */
    public record Migration(int version, String description, String sql) {

        /** SHA-256 of the script with line endings normalised, so a checkout on Windows still matches. */
        public String checksum() {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                byte[] hash = digest.digest(sql.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(hash);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The script split into statements; comment-only lines are dropped. */
        public List<String> statements() {
            List<String> statements = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : sql.replace("\r\n", "\n").split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                    continue;
                }
                current.append(line).append('\n');
                if (trimmed.endsWith(";")) {
                    String statement = current.toString().strip();
                    statements.add(statement.substring(0, statement.length() - 1));
                    current.setLength(0);
                }
            }
            if (!current.toString().isBlank()) {
                statements.add(current.toString().strip());
            }
            return statements;
        }
    }
}
