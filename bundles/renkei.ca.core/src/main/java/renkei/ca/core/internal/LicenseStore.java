// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

import renkei.ca.core.CaException;
import renkei.ca.core.LicenseInfo;
import renkei.ca.core.LicensePolicy;

/** SQL for license IDs; callers hold the CA state lock so limits hold across processes. */
final class LicenseStore {

    /** Crockford's base32: no I, L, O or U, so IDs survive being read aloud or typed. */
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final SecureRandom random = new SecureRandom();

    /** A license as stored: who it is for and their IdP attributes. */
    record License(String licenseId, String hpciId, String eppn, Map<String, String> attributes, Instant expiresAt,
            Instant redeemedAt) {
    }

    String issue(Connection c, LicensePolicy policy, String hpciId, String eppn, Map<String, String> attributes, String issuedBy,
            Instant now) throws SQLException {
        long obtained;
        long held;
        try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*), "
                + "COALESCE(SUM(CASE WHEN redeemed_at IS NULL AND expires_at > ? THEN 1 ELSE 0 END), 0) "
                + "FROM ca_license WHERE hpci_id = ?")) {
            count.setObject(1, utc(now));
            count.setString(2, hpciId);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                obtained = row.getLong(1);
                held = row.getLong(2);
            }
        }
        if (obtained >= policy.maxObtained()) {
            throw CaException.of("license.tooManyObtained", hpciId, obtained, policy.maxObtained());
        }
        if (held >= policy.maxHeld()) {
            throw CaException.of("license.tooManyHeld", hpciId, held, policy.maxHeld());
        }
        String licenseId = newId();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO ca_license (license_id, hpci_id, eppn, attributes, "
                + "issued_at, expires_at, issued_by) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, licenseId);
            insert.setString(2, hpciId);
            insert.setString(3, eppn);
            insert.setString(4, encode(attributes));
            insert.setObject(5, utc(now));
            insert.setObject(6, utc(now.plus(policy.validity())));
            insert.setString(7, issuedBy);
            insert.executeUpdate();
        }
        return licenseId;
    }

    /** Loads a license for redemption, refusing unknown, used and expired ones. */
    License redeemable(Connection c, String licenseId, Instant now) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT license_id, hpci_id, eppn, attributes, expires_at, redeemed_at, "
                + "withdrawn_at FROM ca_license WHERE license_id = ? FOR UPDATE")) {
            query.setString(1, licenseId.strip().toUpperCase(java.util.Locale.ROOT));
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw CaException.of("license.unknown", licenseId);
                }
                OffsetDateTime redeemed = row.getObject(6, OffsetDateTime.class);
                if (redeemed != null) {
                    throw CaException.of("license.used", licenseId, redeemed.toInstant());
                }
                OffsetDateTime withdrawn = row.getObject(7, OffsetDateTime.class);
                if (withdrawn != null) {
                    throw CaException.of("license.withdrawn", licenseId, withdrawn.toInstant());
                }
                Instant expires = row.getObject(5, OffsetDateTime.class).toInstant();
                if (!expires.isAfter(now)) {
                    throw CaException.of("license.expired", licenseId, expires);
                }
                return new License(row.getString(1), row.getString(2), row.getString(3), decode(row.getString(4)), expires, null);
            }
        }
    }

    void markRedeemed(Connection c, String licenseId, String serialHex, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE ca_license SET redeemed_at = ?, redeemed_serial = ? WHERE license_id = ? AND redeemed_at IS NULL")) {
            update.setObject(1, utc(now));
            update.setString(2, serialHex);
            update.setString(3, licenseId);
            if (update.executeUpdate() != 1) {
                throw CaException.of("license.concurrent", licenseId);
            }
        }
    }

    /** Newest first; {@code hpciId} null lists every user's. */
    List<LicenseInfo> list(Connection c, String hpciId, int limit, Instant now) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT license_id, hpci_id, eppn, issued_at, expires_at, issued_by, "
                + "redeemed_at, redeemed_serial, withdrawn_at FROM ca_license"
                + (hpciId == null ? "" : " WHERE hpci_id = ?") + " ORDER BY issued_at DESC, license_id")) {
            if (hpciId != null) {
                query.setString(1, hpciId);
            }
            query.setMaxRows(Math.max(1, limit));
            List<LicenseInfo> found = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    Instant expires = row.getObject(5, OffsetDateTime.class).toInstant();
                    Optional<Instant> redeemed = Optional.ofNullable(row.getObject(7, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
                    boolean withdrawn = row.getObject(9, OffsetDateTime.class) != null;
                    LicenseInfo.State state = redeemed.isPresent() ? LicenseInfo.State.REDEEMED
                            : withdrawn ? LicenseInfo.State.WITHDRAWN
                            : expires.isAfter(now) ? LicenseInfo.State.UNUSED : LicenseInfo.State.EXPIRED;
                    found.add(new LicenseInfo(row.getString(1), row.getString(2), row.getString(3),
                            row.getObject(4, OffsetDateTime.class).toInstant(), expires, row.getString(6), state, redeemed,
                            Optional.ofNullable(row.getString(8))));
                }
            }
            return found;
        }
    }

    /** Withdraws an unused license; used, expired, withdrawn or unknown ones are refused. */
    void withdraw(Connection c, String licenseId, String reason, Instant now) throws SQLException {
        String id = licenseId.strip().toUpperCase(java.util.Locale.ROOT);
        redeemable(c, id, now);
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE ca_license SET withdrawn_at = ?, withdrawn_reason = ? WHERE license_id = ?")) {
            update.setObject(1, utc(now));
            update.setString(2, reason);
            update.setString(3, id);
            update.executeUpdate();
        }
    }

    private String newId() {
        StringBuilder id = new StringBuilder("L");
        for (int group = 0; group < 4; group++) {
            id.append('-');
            for (int i = 0; i < 5; i++) {
                id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
        }
        return id.toString();
    }

    private static String encode(Map<String, String> attributes) {
        Properties properties = new Properties();
        properties.putAll(new TreeMap<>(attributes));
        StringWriter out = new StringWriter();
        try {
            properties.store(out, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // Drop the date comment line Properties.store always writes, so equal inputs store equal text.
        return out.toString().lines().filter(line -> !line.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
    }

    private static Map<String, String> decode(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> map = new TreeMap<>();
        properties.forEach((k, v) -> map.put(k.toString(), v.toString()));
        return map;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
