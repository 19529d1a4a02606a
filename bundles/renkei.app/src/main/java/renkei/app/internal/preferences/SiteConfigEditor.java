// SPDX-License-Identifier: EPL-2.0
package renkei.app.internal.preferences;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

import renkei.platform.AuditEntry;
import renkei.platform.AuditLog;
import renkei.platform.AuditResult;
import renkei.platform.IdentityService;
import renkei.platform.RenkeiHome;
import renkei.platform.Role;
import renkei.platform.SecretStore;
import renkei.platform.Session;
import renkei.platform.remote.TlsFiles;

/**
 * Reads and changes the database and mail keys of the site configuration on behalf of the logged-in
 * operator. Plain values go to {@code renkei.properties} (written atomically through
 * {@link RenkeiHome#storeConfig}); passwords go to the {@link SecretStore}, never to the file. Only
 * the operations office may change the configuration; every change is audited with the keys it
 * touched (never the values of secrets).
 *
 * <p>No UI code. {@link #load()}, {@link #secretsSet()} and {@link #save} block on I/O: call them in
 * a job.
 */
public final class SiteConfigEditor {

    /** Which group of the preference page a key belongs to. */
    public enum Group {
        DATABASE, MAIL
    }

    /** One editable key; secret keys name an alias in the secret store. */
    public record Key(String name, Group group, boolean secret) {
    }

    public static final List<Key> KEYS = List.of(
            new Key("db.url", Group.DATABASE, false),
            new Key("db.user", Group.DATABASE, false),
            new Key("db.password", Group.DATABASE, true),
            new Key("mail.smtp.host", Group.MAIL, false),
            new Key("mail.smtp.port", Group.MAIL, false),
            new Key("mail.smtp.starttls", Group.MAIL, false),
            new Key("mail.smtp.user", Group.MAIL, false),
            new Key("mail.smtp.password", Group.MAIL, true),
            new Key("mail.from", Group.MAIL, false),
            new Key("mail.iso2022jp.domains", Group.MAIL, false));

    static final String AUDIT_ACTION = "config.update";

    private final RenkeiHome home;
    private final SecretStore secrets;
    private final IdentityService identity;
    private final AuditLog audit;
    private final Session session;

    public SiteConfigEditor(RenkeiHome home, SecretStore secrets, IdentityService identity, AuditLog audit, Session session) {
        this.home = home;
        this.secrets = secrets;
        this.identity = identity;
        this.audit = audit;
        this.session = session;
    }

    public Path file() {
        return home.configFile();
    }

    /** Where a connected home keeps its client certificate and the pinned CA certificate. */
    public Path tlsDirectory() {
        return TlsFiles.clientKeyStore(home).getParent();
    }

    /** Whether the operator may change the configuration; the save checks again, authoritatively. */
    public boolean mayEdit() {
        return session.operator().has(Role.OPERATIONS_OFFICE);
    }

    public Properties load() {
        return home.loadConfig();
    }

    /** For each secret key, whether the secret store holds a value. */
    public Map<String, Boolean> secretsSet() {
        Map<String, Boolean> set = new LinkedHashMap<>();
        for (Key key : KEYS) {
            if (key.secret()) {
                set.put(key.name(), secrets != null && secrets.get(key.name()).isPresent());
            }
        }
        return set;
    }

    /**
     * Stores the changes: blank plain values remove the key, secrets are stored only when given.
     * Re-reads the file first so keys changed meanwhile by someone else are kept.
     *
     * @param values  changed plain keys and their new values
     * @param secretValues changed secret keys and their new values
     * @throws renkei.platform.AccessDeniedException when the operator is not the operations office
     */
    public void save(Map<String, String> values, Map<String, String> secretValues) {
        if (identity != null) {
            identity.require(session, AUDIT_ACTION, Role.OPERATIONS_OFFICE);
        } else if (!mayEdit()) {
            throw new IllegalStateException("Only the operations office may change the site configuration");
        }
        if (!secretValues.isEmpty() && secrets == null) {
            throw new IllegalStateException("The secret store is not available; passwords cannot be saved");
        }
        if (!values.isEmpty()) {
            home.storeConfig(apply(home.loadConfig(), values), "Renkei site configuration");
        }
        secretValues.forEach(secrets::put);
        if (audit != null) {
            TreeSet<String> keys = new TreeSet<>(values.keySet());
            keys.addAll(secretValues.keySet());
            audit.append(AuditEntry.of(session.username(), session.rolesText(), AUDIT_ACTION, home.configFile().toString(),
                    AuditResult.SUCCESS, "changed keys: " + String.join(", ", keys)));
        }
    }

    /** A copy of {@code base} with the changes applied; a blank value removes its key. */
    static Properties apply(Properties base, Map<String, String> values) {
        Properties result = new Properties();
        result.putAll(base);
        values.forEach((key, value) -> {
            if (value == null || value.isBlank()) {
                result.remove(key);
            } else {
                result.setProperty(key, value.strip());
            }
        });
        return result;
    }
}
