// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

import javax.crypto.SecretKey;

import org.bouncycastle.util.encoders.Base32;

import renkei.platform.AccessDeniedException;
import renkei.platform.AuditEntry;
import renkei.platform.AuditLog;
import renkei.platform.AuditResult;
import renkei.platform.AuthenticationException;
import renkei.platform.AuthenticationException.Reason;
import renkei.platform.CallChannel;
import renkei.platform.Database;
import renkei.platform.IdentityService;
import renkei.platform.NewOperator;
import renkei.platform.Operator;
import renkei.platform.Role;
import renkei.platform.Session;
import renkei.platform.TotpEnrolment;

/** {@link IdentityService} on the shared database; see V2__identity.sql. */
public class JdbcIdentityService implements IdentityService {

    static final int MAX_FAILED_LOGINS = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);
    static final int MIN_PASSWORD_LENGTH = 12;
    static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);
    static final Duration DEFAULT_ABSOLUTE = Duration.ofHours(12);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private final Database database;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final Totp totp = new Totp();
    private final TotpSecretWrapper wrapper;
    private final Clock clock;
    private final SessionStore sessions;
    /** Verified against unknown user names so that response time does not reveal which names exist. */
    private final String decoyHash;

    public JdbcIdentityService(Database database, AuditLog audit, SecretKey totpWrappingKey, PasswordHasher hasher, Clock clock) {
        this(database, audit, totpWrappingKey, hasher, clock, DEFAULT_IDLE, DEFAULT_ABSOLUTE);
    }

    /**
     * @param idle     a session unused this long ends
     * @param absolute a session ends this long after login, however busy
     */
    public JdbcIdentityService(Database database, AuditLog audit, SecretKey totpWrappingKey, PasswordHasher hasher, Clock clock,
            Duration idle, Duration absolute) {
        if (idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0) {
            throw new IllegalArgumentException("Session lifetimes need 0 < idle <= absolute, got idle " + idle + ", absolute " + absolute);
        }
        this.sessions = new SessionStore(database, clock, idle, absolute);
        this.database = database;
        this.audit = audit;
        this.hasher = hasher;
        this.wrapper = new TotpSecretWrapper(totpWrappingKey);
        this.clock = clock;
        this.decoyHash = hasher.hash("decoy-password".toCharArray());
    }

    @Override
    public Session authenticate(String username, char[] password, String totpCode) throws AuthenticationException {
        Instant now = clock.instant();
        Optional<StoredOperator> found = load(username);
        if (found.isEmpty()) {
            hasher.verify(password, decoyHash);
            throw refuse(username, Reason.BAD_CREDENTIALS, "unknown user");
        }
        StoredOperator stored = found.get();
        if (!stored.operator.enabled()) {
            throw refuse(username, Reason.DISABLED, "account disabled");
        }
        if (stored.lockedUntil != null && stored.lockedUntil.isAfter(now)) {
            throw refuse(username, Reason.LOCKED, "account locked until " + stored.lockedUntil);
        }
        if (!hasher.verify(password, stored.passwordHash)) {
            recordFailure(stored, now);
            throw refuse(username, Reason.BAD_CREDENTIALS, "wrong password");
        }
        boolean secondFactor = false;
        if (stored.operator.requiresSecondFactor() || stored.totpWrapped != null) {
            if (stored.totpWrapped == null) {
                throw refuse(username, Reason.SECOND_FACTOR_NOT_ENROLLED,
                        "role " + stored.operator.roles() + " requires TOTP but none is enrolled");
            }
            if (totpCode == null || totpCode.isBlank()) {
                throw new AuthenticationException(Reason.SECOND_FACTOR_REQUIRED, "Enter the code from your authenticator app");
            }
            byte[] secret = wrapper.unwrap(stored.totpWrapped, username);
            OptionalLong step = totp.verify(secret, totpCode.strip(), now, stored.totpLastStep);
            Arrays.fill(secret, (byte) 0);
            if (step.isEmpty()) {
                recordFailure(stored, now);
                throw refuse(username, Reason.BAD_SECOND_FACTOR, "wrong or reused TOTP code");
            }
            update("UPDATE renkei_operator SET totp_last_step = ? WHERE username = ?", step.getAsLong(), username);
            secondFactor = true;
        }
        update("UPDATE renkei_operator SET failed_logins = 0, locked_until = NULL WHERE username = ?", username);
        if (hasher.needsRehash(stored.passwordHash)) {
            update("UPDATE renkei_operator SET password_hash = ? WHERE username = ?", hasher.hash(password), username);
        }
        String channel = CallChannel.current();
        String token = sessions.open(username, channel, secondFactor, now);
        Session session = new Session(stored.operator, now, secondFactor, Optional.of(token));
        audit.append(AuditEntry.of(username, session.rolesText(), "login", username, AuditResult.SUCCESS,
                (secondFactor ? "password+totp" : "password") + " channel=" + channel));
        return session;
    }

    @Override
    public Session resume(String token) throws AuthenticationException {
        String channel = CallChannel.current();
        Optional<SessionStore.Stored> found = sessions.use(token);
        if (found.isEmpty()) {
            throw refuseSession("", Reason.SESSION_INVALID, "unknown or ended session token, channel=" + channel);
        }
        SessionStore.Stored stored = found.get();
        if (!stored.channel().equals(channel)) {
            // A token presented over another client certificate was copied off its console.
            throw refuseSession(stored.username(), Reason.SESSION_INVALID,
                    "token opened over " + stored.channel() + " presented over " + channel);
        }
        if (stored.expired()) {
            sessions.close(token);
            throw refuseSession(stored.username(), Reason.SESSION_EXPIRED, "session lifetime ended");
        }
        Optional<Operator> operator = find(stored.username());
        if (operator.isEmpty() || !operator.get().enabled()) {
            sessions.close(token);
            throw refuseSession(stored.username(), Reason.DISABLED, "account disabled or removed");
        }
        return new Session(operator.get(), stored.authenticatedAt(), stored.secondFactor(), Optional.of(token));
    }

    @Override
    public void logout(Session session) {
        boolean ended = session.token().map(sessions::close).orElse(false);
        audit.append(AuditEntry.of(session.username(), session.rolesText(), "logout", session.username(),
                ended ? AuditResult.SUCCESS : AuditResult.FAILURE, ended ? "" : "no open session"));
    }

    private AuthenticationException refuseSession(String username, Reason reason, String detail) {
        audit.append(AuditEntry.of(username, "", "session.resume", username, AuditResult.DENIED, reason + ": " + detail));
        return new AuthenticationException(reason, reason == Reason.SESSION_EXPIRED
                ? "Your session has expired; log in again"
                : reason == Reason.DISABLED ? "This account is disabled" : "Not logged in (no valid session); log in again");
    }

    private void recordFailure(StoredOperator stored, Instant now) {
        int failures = stored.failedLogins + 1;
        Instant lockedUntil = failures >= MAX_FAILED_LOGINS ? now.plus(LOCKOUT) : null;
        database.withConnection(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE renkei_operator SET failed_logins = ?, locked_until = ? WHERE username = ?")) {
                update.setInt(1, failures);
                update.setObject(2, lockedUntil == null ? null : OffsetDateTime.ofInstant(lockedUntil, ZoneOffset.UTC));
                update.setString(3, stored.operator.username());
                return update.executeUpdate();
            }
        });
    }

    private AuthenticationException refuse(String username, Reason reason, String detail) {
        audit.append(AuditEntry.of(username == null ? "" : username, "", "login", String.valueOf(username),
                AuditResult.FAILURE, reason + ": " + detail));
        String message = switch (reason) {
            case LOCKED -> "Too many failed attempts; the account is locked for a while";
            case DISABLED -> "This account is disabled";
            case SECOND_FACTOR_NOT_ENROLLED -> "This account needs a TOTP authenticator; ask the operations office to enrol one";
            case BAD_SECOND_FACTOR -> "The authenticator code is wrong or was already used";
            default -> "Unknown user name or wrong password";
        };
        return new AuthenticationException(reason, message);
    }

    @Override
    public Operator bootstrap(NewOperator operator) {
        return database.inTransaction(c -> {
            try (ResultSet rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM renkei_operator")) {
                rows.next();
                if (rows.getLong(1) > 0) {
                    throw new IllegalStateException("Operators already exist; add further accounts as the operations office");
                }
            }
            Operator created = insert(c, operator);
            audit.append(AuditEntry.of("bootstrap", "", "operator.create", operator.username(), AuditResult.SUCCESS,
                    "roles=" + operator.roles()));
            return created;
        });
    }

    @Override
    public Operator createOperator(Session by, NewOperator operator) {
        boolean officeAction = by.operator().has(Role.OPERATIONS_OFFICE);
        boolean ownSiteAdmin = by.operator().has(Role.SITE_ADMINISTRATOR) && operator.site().isPresent()
                && operator.site().equals(by.operator().site())
                && operator.roles().stream().allMatch(r -> r == Role.SITE_ADMINISTRATOR || r == Role.HELP_DESK
                        || r == Role.INCIDENT_RESPONDER);
        if (!officeAction && !ownSiteAdmin) {
            denied(by, "operator.create", operator.username(),
                    "needs OPERATIONS_OFFICE, or SITE_ADMINISTRATOR of the same site granting site roles only");
        }
        try {
            Operator created = database.inTransaction(c -> insert(c, operator));
            audit.append(AuditEntry.of(by.username(), by.rolesText(), "operator.create", operator.username(),
                    AuditResult.SUCCESS, "roles=" + operator.roles() + operator.site().map(s -> " site=" + s).orElse("")));
            return created;
        } catch (RuntimeException e) {
            audit.append(AuditEntry.of(by.username(), by.rolesText(), "operator.create", operator.username(),
                    AuditResult.FAILURE, String.valueOf(e.getMessage())));
            throw e;
        }
    }

    private Operator insert(Connection c, NewOperator spec) throws SQLException {
        if (!USERNAME.matcher(spec.username()).matches()) {
            throw new IllegalArgumentException("User names are 2–64 characters of a-z, 0-9, '.', '_' or '-': " + spec.username());
        }
        checkPasswordStrength(spec.password());
        if (spec.roles().isEmpty()) {
            throw new IllegalArgumentException("An operator needs at least one role");
        }
        if (spec.roles().contains(Role.SITE_ADMINISTRATOR) && spec.site().isEmpty()) {
            throw new IllegalArgumentException("A site administrator needs a site");
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO renkei_operator "
                + "(username, display_name, email, site, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, spec.username());
            insert.setString(2, spec.displayName());
            insert.setString(3, spec.email().orElse(null));
            insert.setString(4, spec.site().orElse(null));
            insert.setString(5, hasher.hash(spec.password()));
            insert.setObject(6, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            insert.executeUpdate();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new IllegalArgumentException("Operator " + spec.username() + " already exists", e);
            }
            throw e;
        }
        try (PreparedStatement role = c.prepareStatement("INSERT INTO renkei_operator_role (username, role) VALUES (?, ?)")) {
            for (Role r : spec.roles()) {
                role.setString(1, spec.username());
                role.setString(2, r.name());
                role.addBatch();
            }
            role.executeBatch();
        }
        return new Operator(spec.username(), spec.displayName(), spec.email(), spec.site(), spec.roles(), false, true);
    }

    static void checkPasswordStrength(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("Passwords need at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        String text = new String(password);
        if (text.chars().distinct().count() < 5) {
            throw new IllegalArgumentException("Password is too repetitive");
        }
    }

    @Override
    public TotpEnrolment enrolTotp(Session by, String username) {
        requireSelfOrOffice(by, "operator.totp.enrol", username);
        byte[] secret = Totp.newSecret();
        int updated = update("UPDATE renkei_operator SET totp_secret_wrapped = ?, totp_last_step = 0 WHERE username = ?",
                wrapper.wrap(secret, username), username);
        if (updated == 0) {
            throw new IllegalArgumentException("No operator " + username);
        }
        String base32 = Base32.toBase32String(secret).replace("=", "");
        audit.append(AuditEntry.of(by.username(), by.rolesText(), "operator.totp.enrol", username, AuditResult.SUCCESS, ""));
        String label = URLEncoder.encode("Renkei:" + username, StandardCharsets.UTF_8).replace("+", "%20");
        return new TotpEnrolment(base32, "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=Renkei&digits=6&period=30");
    }

    /** Sets a known TOTP secret; only the demo seeder uses this, so demo codes can be printed. */
    public void setTotpSecret(String username, byte[] secret) {
        update("UPDATE renkei_operator SET totp_secret_wrapped = ?, totp_last_step = 0 WHERE username = ?",
                wrapper.wrap(secret, username), username);
    }

    @Override
    public void changePassword(Session by, String username, char[] newPassword) {
        requireSelfOrOffice(by, "operator.password.change", username);
        checkPasswordStrength(newPassword);
        if (update("UPDATE renkei_operator SET password_hash = ? WHERE username = ?", hasher.hash(newPassword), username) == 0) {
            throw new IllegalArgumentException("No operator " + username);
        }
        audit.append(AuditEntry.of(by.username(), by.rolesText(), "operator.password.change", username, AuditResult.SUCCESS, ""));
    }

    @Override
    public void setEnabled(Session by, String username, boolean enabled) {
        require(by, enabled ? "operator.enable" : "operator.disable", Role.OPERATIONS_OFFICE);
        if (update("UPDATE renkei_operator SET enabled = ? WHERE username = ?", enabled, username) == 0) {
            throw new IllegalArgumentException("No operator " + username);
        }
        if (!enabled) {
            sessions.closeAll(username);
        }
        audit.append(AuditEntry.of(by.username(), by.rolesText(), enabled ? "operator.enable" : "operator.disable", username,
                AuditResult.SUCCESS, ""));
    }

    private void requireSelfOrOffice(Session by, String action, String username) {
        if (!by.username().equals(username) && !by.operator().has(Role.OPERATIONS_OFFICE)) {
            denied(by, action, username, "only the operator themself or the operations office");
        }
    }

    @Override
    public void require(Session session, String action, Role... anyOf) {
        for (Role role : anyOf) {
            if (session.operator().has(role)) {
                return;
            }
        }
        denied(session, action, "", "needs one of " + Arrays.toString(anyOf));
    }

    private void denied(Session session, String action, String target, String why) {
        audit.append(AuditEntry.of(session.username(), session.rolesText(), action, target, AuditResult.DENIED, why));
        throw new AccessDeniedException(session.username() + " may not " + action + ": " + why);
    }

    @Override
    public Optional<Operator> find(String username) {
        return load(username).map(s -> s.operator);
    }

    @Override
    public List<Operator> list() {
        List<String> names = database.withConnection(c -> {
            List<String> list = new ArrayList<>();
            try (ResultSet rows = c.createStatement().executeQuery("SELECT username FROM renkei_operator ORDER BY username")) {
                while (rows.next()) {
                    list.add(rows.getString(1));
                }
            }
            return list;
        });
        return names.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    private Optional<StoredOperator> load(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return database.withConnection(c -> {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            try (PreparedStatement select = c.prepareStatement("SELECT role FROM renkei_operator_role WHERE username = ?")) {
                select.setString(1, username);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        roles.add(Role.valueOf(rows.getString(1)));
                    }
                }
            }
            try (PreparedStatement select = c.prepareStatement("SELECT display_name, email, site, password_hash, "
                    + "totp_secret_wrapped, totp_last_step, enabled, failed_logins, locked_until FROM renkei_operator WHERE username = ?")) {
                select.setString(1, username);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    Operator operator = new Operator(username, row.getString(1), Optional.ofNullable(row.getString(2)),
                            Optional.ofNullable(row.getString(3)), roles, row.getString(5) != null, row.getBoolean(7));
                    OffsetDateTime locked = row.getObject(9, OffsetDateTime.class);
                    return Optional.of(new StoredOperator(operator, row.getString(4), row.getString(5), row.getLong(6),
                            row.getInt(8), locked == null ? null : locked.toInstant()));
                }
            }
        });
    }

    private int update(String sql, Object... parameters) {
        return database.withConnection(c -> {
            try (PreparedStatement update = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    update.setObject(i + 1, parameters[i]);
                }
                return update.executeUpdate();
            }
        });
    }

    private record StoredOperator(Operator operator, String passwordHash, String totpWrapped, long totpLastStep,
            int failedLogins, Instant lockedUntil) {
    }
}
