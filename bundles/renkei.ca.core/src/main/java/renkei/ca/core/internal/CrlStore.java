// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import renkei.ca.core.SignedCrl;

/**
 * Signed CRLs in {@code ca_crl}. Callers hold the CA state lock while storing, so numbers and rows
 * agree across processes.
 */
final class CrlStore {

    /** DER is kept for this many of the newest CRLs; older rows only record the numbering. */
    private static final int KEEP_DER = 10;

    void insert(Connection c, SignedCrl crl, String issuedBy) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO ca_crl (crl_number, this_update, next_update, "
                + "revoked_count, issued_by, der) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, crl.number().longValueExact());
            insert.setObject(2, OffsetDateTime.ofInstant(crl.thisUpdate(), ZoneOffset.UTC));
            insert.setObject(3, OffsetDateTime.ofInstant(crl.nextUpdate(), ZoneOffset.UTC));
            insert.setInt(4, crl.revokedCount());
            insert.setString(5, issuedBy);
            insert.setBytes(6, crl.der());
            insert.executeUpdate();
        }
        try (PreparedStatement prune = c.prepareStatement("UPDATE ca_crl SET der = NULL WHERE crl_number <= ? AND der IS NOT NULL")) {
            prune.setLong(1, crl.number().longValueExact() - KEEP_DER);
            prune.executeUpdate();
        }
    }

    /** The number the next CRL will carry. */
    BigInteger nextNumber(Connection c) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT last_crl_number FROM ca_state WHERE id = 1");
                ResultSet row = query.executeQuery()) {
            row.next();
            return BigInteger.valueOf(row.getLong(1) + 1);
        }
    }

    Optional<SignedCrl> latest(Connection c) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT crl_number, this_update, next_update, revoked_count, der "
                + "FROM ca_crl ORDER BY crl_number DESC")) {
            query.setMaxRows(1);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SignedCrl(BigInteger.valueOf(row.getLong(1)), row.getObject(2, OffsetDateTime.class).toInstant(),
                        row.getObject(3, OffsetDateTime.class).toInstant(), row.getInt(4), row.getBytes(5)));
            }
        }
    }
}
