// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.key;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

import renkei.ca.core.CaException;
import renkei.ca.core.CaKeyService;
import renkei.ca.core.CeremonyRecord;
import renkei.ca.core.KeyStatus;
import renkei.ca.core.internal.CaKeyMaterial;
import renkei.ca.core.internal.CaSchema;
import renkei.ca.core.internal.CaSettings;
import renkei.ca.core.internal.CertificateIssuer;
import renkei.ca.core.internal.IssuerSource;
import renkei.platform.AuditCategory;
import renkei.platform.AuditEntry;
import renkei.platform.AuditLog;
import renkei.platform.AuditResult;
import renkei.platform.Database;
import renkei.platform.Session;

/**
 * The CA key's life: the key ceremony, dual-control activation shared through the database, and the
 * signing issuer handed to the CA while the key is active. Every ceremony, activation, deactivation
 * and refusal is audited in the {@code hsm} category.
 *
 * <p>Thread-safe. The opened key is cached per process together with the activation number it was
 * opened for, and dropped as soon as this process sees the activation end; the activation itself
 * is always read from the database, so every process sharing it agrees.
 */
public class CaKeyManager implements CaKeyService, IssuerSource {

    private static final String HSM = AuditCategory.HSM.id();

    private final Database database;
    private final AuditLog audit;
    private final CaKeyStore keyStore;
    private final CaSettings settings;
    private final Clock clock;
    private final Consumer<KeyStatus> changes;
    private final KeyRecords records = new KeyRecords();
    private final Object openLock = new Object();
    private volatile OpenKey open;
    /** The ceremony happens once, so the certificate never changes once it exists. */
    private volatile X509Certificate caCertificate;

    /** The key as this process opened it, for one activation. */
    private record OpenKey(long activationNumber, CertificateIssuer issuer) {
    }

    /** @param changes told of every state change made through this instance (EventAdmin in OSGi) */
    public CaKeyManager(Database database, AuditLog audit, CaKeyStore keyStore, CaSettings settings, Clock clock,
            Consumer<KeyStatus> changes) {
        this.database = database;
        this.audit = audit;
        this.keyStore = keyStore;
        this.settings = settings;
        this.clock = clock;
        this.changes = changes;
        database.migrate(CaSchema.migrations());
    }

    @Override
    public KeyStatus status() {
        Instant now = clock.instant();
        return database.withConnection(c -> status(c, now));
    }

    @Override
    public X509Certificate caCertificate() {
        X509Certificate known = caCertificate;
        if (known == null) {
            byte[] der = database.withConnection(records::key)
                    .orElseThrow(() -> CaException.of("key.noCa")).der();
            try {
                known = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
            } catch (GeneralSecurityException e) {
                throw new CaException("The recorded CA certificate does not parse: " + e.getMessage(), e);
            }
            caCertificate = known;
        }
        return known;
    }

    @Override
    public CeremonyRecord createCa(Session first, Session second, List<String> witnesses) {
        Instant now = clock.instant();
        List<String> present = witnesses == null ? List.of()
                : witnesses.stream().map(String::strip).filter(w -> !w.isEmpty()).toList();
        return audited(first, "ca.key.ceremony", "witnesses=" + String.join(",", present), () -> {
            DualControl.check(first, second, now);
            if (present.stream().anyMatch(w -> w.length() > 200)) {
                throw CaException.of("key.witnessTooLong");
            }
            X500Name subject = caSubject(settings.caSubject());
            CeremonyRecord record = database.inTransaction(c -> {
                records.lock(c);
                Optional<KeyRecords.CaKeyRecord> existing = records.key(c);
                if (existing.isPresent()) {
                    throw CaException.of("key.caExists", existing.get().subjectDn());
                }
                CaKeyMaterial material = keyStore.generate(subject, now);
                try {
                    X509Certificate certificate = material.certificate();
                    KeyRecords.CaKeyRecord key = new KeyRecords.CaKeyRecord(keyStore.type(), keyStore.description(),
                            X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).toString(),
                            certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT),
                            sha256Fingerprint(encoded(certificate)), certificate.getNotAfter().toInstant(),
                            encoded(certificate), now);
                    records.insertKey(c, key, List.of(first.username(), second.username()), present);
                    List<String> attendees = new ArrayList<>(List.of(first.username(), second.username()));
                    attendees.addAll(present);
                    return new CeremonyRecord(now, key.subjectDn(), key.serialHex(), key.sha256Fingerprint(),
                            key.keyStoreDescription(), List.copyOf(attendees));
                } catch (SQLException | RuntimeException e) {
                    // An unrecorded key would block the next ceremony and could never be activated.
                    keyStore.discard();
                    throw e;
                }
            });
            return record;
        }, r -> "operators=" + first.username() + "," + second.username() + " attendees=" + String.join(",", r.attendees())
                + " subject=" + r.caSubject() + " serial=" + r.serialHex() + " sha256=" + r.sha256Fingerprint());
    }

    @Override
    public KeyStatus activate(Session first, Session second, Duration period) {
        // Whole milliseconds: what the database keeps is then exactly what the operators were shown.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return audited(first, "ca.key.activate", "period=" + period, () -> {
            DualControl.check(first, second, now);
            if (period == null || period.isNegative() || period.isZero()) {
                throw CaException.of("key.periodNotPositive");
            }
            if (period.compareTo(settings.maxActivation()) > 0) {
                throw CaException.of("key.periodTooLong", period, settings.maxActivation());
            }
            KeyRecords.CaKeyRecord key = database.withConnection(records::key)
                    .orElseThrow(() -> CaException.of("key.noCa"));
            // Opening proves the passphrase or PIN works before anyone relies on the activation.
            CertificateIssuer issuer = openIssuer(key);
            List<String> operators = List.of(first.username(), second.username());
            KeyStatus status = database.inTransaction(c -> {
                records.lock(c);
                long number = records.activate(c, now, now.plus(period), operators);
                open = new OpenKey(number, issuer);
                return status(c, now);
            });
            changes.accept(status);
            return status;
        }, s -> "operators=" + first.username() + "," + second.username() + " until=" + s.activeUntil().map(Instant::toString).orElse(""));
    }

    @Override
    public KeyStatus deactivate(Session by, String reason) {
        Instant now = clock.instant();
        String why = reason == null ? "" : reason.strip();
        record Deactivation(KeyStatus status, Optional<Instant> wasActiveUntil) {
        }
        Deactivation done = audited(by, "ca.key.deactivate", "reason=" + why, () -> {
            DualControl.requireRole(by);
            Deactivation result = database.inTransaction(c -> {
                records.lock(c);
                KeyRecords.Activation before = records.activation(c);
                records.deactivate(c);
                open = null;
                return new Deactivation(status(c, now), before.isActive(now) ? before.activeUntil() : Optional.empty());
            });
            changes.accept(result.status());
            return result;
        }, d -> d.wasActiveUntil().map(until -> "ended the activation due until " + until).orElse("the key was not active"));
        return done.status();
    }

    @Override
    public CertificateIssuer activeIssuer(Connection c, Instant now) throws SQLException {
        KeyRecords.Activation activation = records.activation(c);
        if (!activation.isActive(now)) {
            open = null;
            throw activation.activeUntil().map(until -> CaException.of("key.activationEnded", until))
                    .orElseGet(() -> CaException.of("key.notActivated"));
        }
        OpenKey current = open;
        if (current != null && current.activationNumber() == activation.number()) {
            return current.issuer();
        }
        synchronized (openLock) {
            current = open;
            if (current == null || current.activationNumber() != activation.number()) {
                KeyRecords.CaKeyRecord key = records.key(c).orElseThrow(() -> CaException.of("key.noCaShort"));
                current = new OpenKey(activation.number(), openIssuer(key));
                open = current;
            }
            return current.issuer();
        }
    }

    /** Opens the configured store and makes sure it holds the key the ceremony recorded. */
    private CertificateIssuer openIssuer(KeyRecords.CaKeyRecord key) {
        CaKeyMaterial material = keyStore.open();
        String found = sha256Fingerprint(encoded(material.certificate()));
        if (!found.equals(key.sha256Fingerprint())) {
            throw CaException.of("key.differentCertificate", keyStore.description(), found, key.sha256Fingerprint());
        }
        return new CertificateIssuer(material, settings.crlDistributionPoint());
    }

    private KeyStatus status(Connection c, Instant now) throws SQLException {
        Optional<KeyRecords.CaKeyRecord> key = records.key(c);
        KeyRecords.Activation activation = records.activation(c);
        boolean active = key.isPresent() && activation.isActive(now);
        return new KeyStatus(key.isPresent(), key.map(KeyRecords.CaKeyRecord::keyStoreDescription).orElse(keyStore.description()),
                key.map(KeyRecords.CaKeyRecord::subjectDn), key.map(KeyRecords.CaKeyRecord::notAfter),
                key.map(KeyRecords.CaKeyRecord::sha256Fingerprint), active ? activation.activeUntil() : Optional.empty(),
                active ? activation.activatedBy() : List.of());
    }

    /** Runs {@code work} and records its outcome, refusals included, in the hsm category. */
    private <T> T audited(Session actor, String action, String request, Supplier<T> work, java.util.function.Function<T, String> outcome) {
        String who = actor == null ? "unknown" : actor.username();
        String roles = actor == null ? "" : actor.rolesText();
        try {
            T result = work.get();
            audit.append(new AuditEntry(HSM, who, roles, action, keyStore.description(), AuditResult.SUCCESS,
                    (request + " " + outcome.apply(result)).strip()));
            return result;
        } catch (CaException e) {
            audit.append(new AuditEntry(HSM, who, roles, action, keyStore.description(), AuditResult.FAILURE,
                    (request + " refused: " + e.getMessage()).strip()));
            throw e;
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new CaException("Cannot encode the CA certificate: " + e.getMessage(), e);
        }
    }

    /** Colon-separated upper-case hex, as {@code openssl x509 -fingerprint -sha256} prints it. */
    static String sha256Fingerprint(byte[] der) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** {@code ca.subject} in OpenSSL's slash form ({@code /C=JP/O=HPCI/CN=…}) or as RFC 4514 text. */
    static X500Name caSubject(String text) {
        String value = text.strip();
        try {
            if (!value.startsWith("/")) {
                return new X500Name(BCStyle.INSTANCE, value);
            }
            X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
            for (String part : value.substring(1).split("/")) {
                int equals = part.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException("'" + part + "' is not TYPE=value");
                }
                builder.addRDN(BCStyle.INSTANCE.attrNameToOID(part.substring(0, equals).strip()), part.substring(equals + 1).strip());
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new CaException("ca.subject is not a distinguished name: " + text + " (" + e.getMessage() + ")", e);
        }
    }
}
