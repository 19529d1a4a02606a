// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import renkei.platform.Database;

/**
 * The {@code renkei_session} table: opens, looks up and ends sessions by token. Only the token's
 * SHA-256 is stored. Use touches {@code last_used_at} at most every {@link #TOUCH_EVERY}, so a busy
 * console costs one read per call, not a write.
 *
 * <p>Thread-safe; methods block on the database.
 */
final class SessionStore {

    static final Duration TOUCH_EVERY = Duration.ofSeconds(30);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final Clock clock;
    private final Duration idle;
    private final Duration absolute;

    SessionStore(Database database, Clock clock, Duration idle, Duration absolute) {
        this.database = database;
        this.clock = clock;
        this.idle = idle;
        this.absolute = absolute;
    }

    /** What a stored session says; {@code expired} is decided here so callers audit one reason. */
    record Stored(String username, String channel, boolean secondFactor, Instant authenticatedAt, boolean expired) {
    }

    /** Stores a new session and returns its token; also drops sessions that have expired. */
    String open(String username, String channel, boolean secondFactor, Instant at) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        database.withConnection(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM renkei_session WHERE expires_at < ?")) {
                delete.setObject(1, utc(at));
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO renkei_session (token_hash, username, channel, "
                    + "second_factor, authenticated_at, last_used_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, hash(token));
                insert.setString(2, username);
                insert.setString(3, channel);
                insert.setBoolean(4, secondFactor);
                insert.setObject(5, utc(at));
                insert.setObject(6, utc(at));
                insert.setObject(7, utc(at.plus(absolute)));
                return insert.executeUpdate();
            }
        });
        return token;
    }

    /** The stored session for {@code token}, touching its idle timer when it is still valid. */
    Optional<Stored> use(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        String hash = hash(token);
        Instant now = clock.instant();
        return database.withConnection(c -> {
            Stored stored;
            Instant lastUsed;
            try (PreparedStatement select = c.prepareStatement("SELECT username, channel, second_factor, authenticated_at, "
                    + "last_used_at, expires_at FROM renkei_session WHERE token_hash = ?")) {
                select.setString(1, hash);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    lastUsed = row.getObject(5, OffsetDateTime.class).toInstant();
                    Instant expires = row.getObject(6, OffsetDateTime.class).toInstant();
                    boolean expired = !now.isBefore(expires) || !now.isBefore(lastUsed.plus(idle));
                    stored = new Stored(row.getString(1), row.getString(2), row.getBoolean(3),
                            row.getObject(4, OffsetDateTime.class).toInstant(), expired);
                }
            }
            if (!stored.expired() && Duration.between(lastUsed, now).compareTo(TOUCH_EVERY) >= 0) {
                try (PreparedStatement touch = c.prepareStatement("UPDATE renkei_session SET last_used_at = ? WHERE token_hash = ?")) {
                    touch.setObject(1, utc(now));
                    touch.setString(2, hash);
                    touch.executeUpdate();
                }
            }
            return Optional.of(stored);
        });
    }

    /** Ends the session; true when one was open. */
    boolean close(String token) {
        String hash = hash(token);
        return database.withConnection(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM renkei_session WHERE token_hash = ?")) {
                delete.setString(1, hash);
                return delete.executeUpdate();
            }
        }) > 0;
    }

    /** Ends every session of an account, e.g. when it is disabled. */
    int closeAll(String username) {
        return database.withConnection(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM renkei_session WHERE username = ?")) {
                delete.setString(1, username);
                return delete.executeUpdate();
            }
        });
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
