// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.key;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The key ceremony's record ({@code ca_key}, {@code ca_key_attendee}) and the activation columns of
 * {@code ca_state}; see V4__ca_key.sql. Callers hold the {@code ca_state} lock when they write.
 *
 * <p>Stateless and thread-safe; every method works on the caller's connection.
 */
final class KeyRecords {

    /** The CA certificate as the ceremony recorded it. */
    record CaKeyRecord(String keyStore, String keyStoreDescription, String subjectDn, String serialHex, String sha256Fingerprint,
            Instant notAfter, byte[] der, Instant createdAt) {
    }

    /**
     * The activation as every process sharing the database sees it.
     *
     * @param number changes with every activation and deactivation
     */
    record Activation(long number, Optional<Instant> activatedAt, Optional<Instant> activeUntil, List<String> activatedBy) {

        boolean isActive(Instant now) {
            return activeUntil.map(now::isBefore).orElse(false);
        }
    }

    void lock(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT id FROM ca_state WHERE id = 1 FOR UPDATE")) {
            lock.executeQuery().close();
        }
    }

    Optional<CaKeyRecord> key(Connection c) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT key_store, key_store_description, subject_dn, serial_hex, "
                + "sha256_fingerprint, not_after, der_base64, created_at FROM ca_key WHERE id = 1");
             ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            return Optional.of(new CaKeyRecord(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                    row.getString(5), row.getObject(6, OffsetDateTime.class).toInstant(), Base64.getDecoder().decode(row.getString(7)),
                    row.getObject(8, OffsetDateTime.class).toInstant()));
        }
    }

    void insertKey(Connection c, CaKeyRecord key, List<String> operators, List<String> witnesses) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO ca_key (id, key_store, key_store_description, subject_dn, "
                + "serial_hex, sha256_fingerprint, not_after, der_base64, created_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, key.keyStore());
            insert.setString(2, key.keyStoreDescription());
            insert.setString(3, key.subjectDn());
            insert.setString(4, key.serialHex());
            insert.setString(5, key.sha256Fingerprint());
            insert.setObject(6, utc(key.notAfter()));
            insert.setString(7, Base64.getEncoder().encodeToString(key.der()));
            insert.setObject(8, utc(key.createdAt()));
            insert.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO ca_key_attendee (attendee_order, attendee, attended_as) VALUES (?, ?, ?)")) {
            int order = 0;
            for (String operator : operators) {
                addAttendee(insert, ++order, operator, "CA_OPERATOR");
            }
            for (String witness : witnesses) {
                addAttendee(insert, ++order, witness, "WITNESS");
            }
            insert.executeBatch();
        }
    }

    List<String> attendees(Connection c) throws SQLException {
        List<String> attendees = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement("SELECT attendee FROM ca_key_attendee ORDER BY attendee_order");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                attendees.add(rows.getString(1));
            }
        }
        return attendees;
    }

    /** One primary-key read: the signing path calls this for every certificate and CRL. */
    Activation activation(Connection c) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(
                "SELECT activation_number, activated_at, active_until, activated_by FROM ca_state WHERE id = 1");
             ResultSet row = query.executeQuery()) {
            row.next();
            String by = row.getString(4);
            return new Activation(row.getLong(1), instant(row.getObject(2, OffsetDateTime.class)),
                    instant(row.getObject(3, OffsetDateTime.class)), by == null ? List.of() : Arrays.asList(by.split(",")));
        }
    }

    /** @return the new activation number */
    long activate(Connection c, Instant at, Instant until, List<String> operators) throws SQLException {
        return setActivation(c, at, until, String.join(",", operators));
    }

    long deactivate(Connection c) throws SQLException {
        return setActivation(c, null, null, null);
    }

    private long setActivation(Connection c, Instant at, Instant until, String by) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE ca_state SET activation_number = activation_number + 1, "
                + "activated_at = ?, active_until = ?, activated_by = ? WHERE id = 1")) {
            setTime(update, 1, at);
            setTime(update, 2, until);
            update.setString(3, by);
            update.executeUpdate();
        }
        return activation(c).number();
    }

    private static void addAttendee(PreparedStatement insert, int order, String name, String as) throws SQLException {
        insert.setInt(1, order);
        insert.setString(2, name);
        insert.setString(3, as);
        insert.addBatch();
    }

    private static void setTime(PreparedStatement statement, int index, Instant time) throws SQLException {
        if (time == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, utc(time));
        }
    }

    private static Optional<Instant> instant(OffsetDateTime time) {
        return Optional.ofNullable(time).map(OffsetDateTime::toInstant);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
