// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import renkei.ca.core.CaException;
import renkei.ca.core.CertificateProfile;
import renkei.ca.core.IssuedCertificate;
import renkei.ca.core.RevocationReason;

/**
 * SQL for the CA tables. Methods take the caller's connection so that checks, signing and the insert
 * happen in one transaction under the {@code ca_state} row lock.
 */
public final class CertificateStore {

    private static final String COLUMNS = "serial_hex, profile, subject_dn, common_name, hpci_id, eppn, not_before, not_after, "
            + "status, revoked_at, revocation_reason, revocation_reference, issued_by, der_base64";

    /** Serialises issuance and CRL numbering across processes. */
    public void lock(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT last_crl_number FROM ca_state WHERE id = 1 FOR UPDATE")) {
            lock.executeQuery().close();
        }
    }

    /**
     * CA-04: no current certificate may share the CN; a client's HPCI-ID may hold only one. Two
     * exceptions, both for connected mode: a {@link CertificateProfile#SERVER} certificate may share
     * its FQDN with a {@link CertificateProfile#HOST} certificate (the same machine's TLS endpoint),
     * and a profile that {@linkplain CertificateProfile#supersedesPrevious() supersedes} ignores its
     * own previous certificate, which the caller revokes in the same transaction.
     *
     * <p>The SQL selects by the indexed column alone and "current" is decided here. With the status
     * and expiry conditions in the WHERE clause, H2 plans the statement with default statistics (a
     * new or not yet analysed table) on the {@code (status, not_after)} index, and every check then
     * scanned all valid certificates. A CN or HPCI-ID has only its few past certificates.
     */
    public void checkUnique(Connection c, CertificateProfile profile, String commonName, Optional<String> hpciId, Instant now)
            throws SQLException {
        try (PreparedStatement query = c.prepareStatement(
                "SELECT serial_hex, profile, status, not_after FROM ca_certificate WHERE common_name = ?")) {
            query.setString(1, commonName);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    CertificateProfile held = CertificateProfile.valueOf(rows.getString(2));
                    if (isCurrent(rows, now) && !mayShareCommonName(profile, held)) {
                        throw CaException.of("issue.cnInUse", commonName, rows.getString(1));
                    }
                }
            }
        }
        if (profile == CertificateProfile.CLIENT && hpciId.isPresent()) {
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT serial_hex, profile, status, not_after FROM ca_certificate WHERE hpci_id = ?")) {
                query.setString(1, hpciId.get());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        if (CertificateProfile.CLIENT.name().equals(rows.getString(2)) && isCurrent(rows, now)) {
                            throw CaException.of("issue.hpciIdInUse", hpciId.get(), rows.getString(1));
                        }
                    }
                }
            }
        }
    }

    static boolean mayShareCommonName(CertificateProfile requested, CertificateProfile held) {
        if (requested == held) {
            return requested.supersedesPrevious();
        }
        return (requested == CertificateProfile.SERVER && held == CertificateProfile.HOST)
                || (requested == CertificateProfile.HOST && held == CertificateProfile.SERVER);
    }

    /** Serials of the current certificates of {@code profile} with {@code commonName}: what a re-issue supersedes. */
    public List<String> current(Connection c, CertificateProfile profile, String commonName, Instant now) throws SQLException {
        List<String> serials = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement(
                "SELECT serial_hex, profile, status, not_after FROM ca_certificate WHERE common_name = ?")) {
            query.setString(1, commonName);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (profile.name().equals(rows.getString(2)) && isCurrent(rows, now)) {
                        serials.add(rows.getString(1));
                    }
                }
            }
        }
        return serials;
    }

    /** Columns 3 and 4 are status and not_after. */
    private static boolean isCurrent(ResultSet row, Instant now) throws SQLException {
        return IssuedCertificate.Status.VALID.name().equals(row.getString(3))
                && row.getObject(4, OffsetDateTime.class).toInstant().isAfter(now);
    }

    public IssuedCertificate insert(Connection c, CertificateProfile profile, String commonName, Optional<String> hpciId,
            Optional<String> eppn, X509Certificate certificate, String issuedBy) throws SQLException {
        byte[] der;
        try {
            der = certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new CaException("Cannot encode the issued certificate", e);
        }
        IssuedCertificate issued = new IssuedCertificate(hex(certificate.getSerialNumber()), profile,
                // Most significant RDN first, as OpenSSL and grid-mapfiles show subjects.
                org.bouncycastle.asn1.x500.X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).toString(),
                commonName, hpciId, eppn,
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(), IssuedCertificate.Status.VALID,
                Optional.empty(), Optional.empty(), Optional.empty(), issuedBy, der);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO ca_certificate (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, issued.serialHex());
            insert.setString(2, profile.name());
            insert.setString(3, issued.subjectDn());
            insert.setString(4, commonName);
            insert.setString(5, hpciId.orElse(null));
            insert.setString(6, eppn.orElse(null));
            insert.setObject(7, utc(issued.notBefore()));
            insert.setObject(8, utc(issued.notAfter()));
            insert.setString(9, issued.status().name());
            insert.setObject(10, null);
            insert.setObject(11, null);
            insert.setString(12, null);
            insert.setString(13, issuedBy);
            insert.setString(14, Base64.getEncoder().encodeToString(der));
            insert.executeUpdate();
        }
        return issued;
    }

    public Optional<IssuedCertificate> find(Connection c, String serialHex) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT " + COLUMNS + " FROM ca_certificate WHERE serial_hex = ?")) {
            query.setString(1, normaliseSerial(serialHex));
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    public List<IssuedCertificate> search(Connection c, renkei.ca.core.CertificateQuery query, Instant now) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM ca_certificate WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        query.commonName().ifPresent(v -> condition(sql, parameters, " AND LOWER(common_name) LIKE ? ESCAPE '!'", contains(v)));
        query.hpciId().ifPresent(v -> condition(sql, parameters, " AND hpci_id = ?", v));
        query.eppn().ifPresent(v -> condition(sql, parameters, " AND LOWER(eppn) = ?", v.toLowerCase(Locale.ROOT)));
        query.serialHex().ifPresent(v -> condition(sql, parameters, " AND serial_hex = ?", normaliseSerial(v)));
        query.dnFragment().ifPresent(v -> condition(sql, parameters, " AND LOWER(subject_dn) LIKE ? ESCAPE '!'", contains(v)));
        query.status().ifPresent(v -> condition(sql, parameters, " AND status = ?", v.name()));
        query.profile().ifPresent(v -> condition(sql, parameters, " AND profile = ?", v.name()));
        query.expiringBefore().ifPresent(v -> {
            condition(sql, parameters, " AND status = 'VALID' AND not_after > ?", utc(now));
            condition(sql, parameters, " AND not_after <= ?", utc(v));
        });
        sql.append(" ORDER BY not_before DESC, serial_hex");
        try (PreparedStatement select = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            select.setMaxRows(Math.max(1, query.limit()));
            List<IssuedCertificate> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(read(rows));
                }
            }
            return found;
        }
    }

    /** A LIKE pattern matching {@code text} anywhere, case-insensitively, with the wildcards in it taken literally. */
    private static String contains(String text) {
        return "%" + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String clause, Object value) {
        sql.append(clause);
        parameters.add(value);
    }

    public void markRevoked(Connection c, String serialHex, Instant at, RevocationReason reason, String reference) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE ca_certificate SET status = 'REVOKED', revoked_at = ?, "
                + "revocation_reason = ?, revocation_reference = ? WHERE serial_hex = ? AND status = 'VALID'")) {
            update.setObject(1, utc(at));
            update.setInt(2, reason.code());
            update.setString(3, reference);
            update.setString(4, normaliseSerial(serialHex));
            if (update.executeUpdate() != 1) {
                throw CaException.of("revoke.notValid", serialHex);
            }
        }
    }

    /**
     * Revoked certificates that have not yet expired: those a CRL must list, in no particular order
     * (RFC 5280 asks for none). Sorting 100,000 rows made H2 spill the result to a temporary file,
     * which cost more than building and signing the CRL.
     */
    public List<CertificateIssuer.Revocation> revokedUnexpired(Connection c, Instant now) throws SQLException {
        List<CertificateIssuer.Revocation> list = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement("SELECT serial_hex, revoked_at, revocation_reason FROM ca_certificate "
                + "WHERE status = 'REVOKED' AND not_after > ?")) {
            query.setObject(1, utc(now));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    list.add(new CertificateIssuer.Revocation(parseSerial(rows.getString(1)),
                            rows.getObject(2, OffsetDateTime.class).toInstant(), rows.getInt(3)));
                }
            }
        }
        return list;
    }

    /** Takes the next CRL number (monotonic across processes) and records the CRL's validity. */
    public BigInteger nextCrlNumber(Connection c, Instant thisUpdate, Instant nextUpdate) throws SQLException {
        long next;
        try (ResultSet row = c.createStatement().executeQuery("SELECT last_crl_number FROM ca_state WHERE id = 1 FOR UPDATE")) {
            row.next();
            next = row.getLong(1) + 1;
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE ca_state SET last_crl_number = ?, last_crl_this_update = ?, last_crl_next_update = ? WHERE id = 1")) {
            update.setLong(1, next);
            update.setObject(2, utc(thisUpdate));
            update.setObject(3, utc(nextUpdate));
            update.executeUpdate();
        }
        return BigInteger.valueOf(next);
    }

    /** {@code new BigInteger(hex, 16)} multiplies digit by digit; for 100,000 CRL rows that showed. */
    private static BigInteger parseSerial(String hex) {
        return new BigInteger(1, HexFormat.of().parseHex(hex.length() % 2 == 0 ? hex : "0" + hex));
    }

    static String hex(BigInteger serial) {
        return serial.toString(16).toUpperCase(Locale.ROOT);
    }

    /** Accepts "0A1B", "0a:1b" or "serial=0A1B" as operators paste them. */
    static String normaliseSerial(String serial) {
        String text = serial.strip().toUpperCase(Locale.ROOT).replace(":", "");
        if (text.startsWith("SERIAL=")) {
            text = text.substring("SERIAL=".length());
        }
        if (!text.matches("[0-9A-F]{1,64}")) {
            throw CaException.of("revoke.notHexSerial", serial);
        }
        return hex(new BigInteger(text, 16));
    }

    private static IssuedCertificate read(ResultSet r) throws SQLException {
        OffsetDateTime revokedAt = r.getObject(10, OffsetDateTime.class);
        int reason = r.getInt(11);
        boolean hasReason = !r.wasNull();
        return new IssuedCertificate(r.getString(1), CertificateProfile.valueOf(r.getString(2)), r.getString(3), r.getString(4),
                Optional.ofNullable(r.getString(5)), Optional.ofNullable(r.getString(6)),
                r.getObject(7, OffsetDateTime.class).toInstant(), r.getObject(8, OffsetDateTime.class).toInstant(),
                IssuedCertificate.Status.valueOf(r.getString(9)), Optional.ofNullable(revokedAt).map(OffsetDateTime::toInstant),
                hasReason ? Optional.of(RevocationReason.byCode(reason)) : Optional.empty(), Optional.ofNullable(r.getString(12)),
                r.getString(13), Base64.getDecoder().decode(r.getString(14)));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
