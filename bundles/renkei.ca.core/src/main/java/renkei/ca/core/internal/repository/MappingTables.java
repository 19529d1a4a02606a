// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.repository;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.asn1.x500.X500Name;

import renkei.ca.core.AccountMapping;
import renkei.ca.core.CaException;

/**
 * SQL for the mapping store, the account register and the subjects of valid certificates. Methods
 * take the caller's connection so an import checks and writes in one transaction.
 *
 * <p>Stateless; thread-safe.
 */
final class MappingTables {

    /** Holder details of a valid certificate, to fill in mappings that arrive without them. */
    record Holder(Optional<String> hpciId, Optional<String> eppn) {
    }

    /** One row of the account register. */
    record RegisteredAccount(String account, Optional<String> hpciId, Optional<String> project, Optional<String> resourceSite) {
    }

    Map<String, AccountMapping> all(Connection c) throws SQLException {
        Map<String, AccountMapping> found = new HashMap<>();
        try (ResultSet rows = c.createStatement().executeQuery("SELECT subject_dn, accounts, eppn, hpci_id FROM ca_mapping")) {
            while (rows.next()) {
                found.put(rows.getString(1), new AccountMapping(rows.getString(1), Arrays.asList(rows.getString(2).split(",")),
                        Optional.ofNullable(rows.getString(3)), Optional.ofNullable(rows.getString(4))));
            }
        }
        return found;
    }

    Optional<AccountMapping> find(Connection c, String subjectDn) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT accounts, eppn, hpci_id FROM ca_mapping WHERE subject_dn = ?")) {
            query.setString(1, subjectDn);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new AccountMapping(subjectDn, Arrays.asList(row.getString(1).split(",")),
                        Optional.ofNullable(row.getString(2)), Optional.ofNullable(row.getString(3)))) : Optional.empty();
            }
        }
    }

    void upsert(Connection c, AccountMapping mapping, String by, Instant at) throws SQLException {
        boolean exists = find(c, mapping.subjectDn()).isPresent();
        String sql = exists ? "UPDATE ca_mapping SET accounts = ?, eppn = ?, hpci_id = ?, updated_at = ?, updated_by = ? WHERE subject_dn = ?"
                : "INSERT INTO ca_mapping (accounts, eppn, hpci_id, updated_at, updated_by, subject_dn) VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, String.join(",", mapping.accounts()));
            statement.setString(2, mapping.eppn().orElse(null));
            statement.setString(3, mapping.hpciId().orElse(null));
            statement.setObject(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            statement.setString(5, by);
            statement.setString(6, mapping.subjectDn());
            statement.executeUpdate();
        }
    }

    boolean delete(Connection c, String subjectDn) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM ca_mapping WHERE subject_dn = ?")) {
            delete.setString(1, subjectDn);
            return delete.executeUpdate() == 1;
        }
    }

    Set<String> registeredAccounts(Connection c) throws SQLException {
        Set<String> accounts = new HashSet<>();
        try (ResultSet rows = c.createStatement().executeQuery("SELECT account FROM ca_account_register")) {
            while (rows.next()) {
                accounts.add(rows.getString(1));
            }
        }
        return accounts;
    }

    void replaceRegister(Connection c, List<RegisteredAccount> accounts, String by, Instant at) throws SQLException {
        c.createStatement().executeUpdate("DELETE FROM ca_account_register");
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO ca_account_register "
                + "(account, hpci_id, project, resource_site, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (RegisteredAccount account : accounts) {
                insert.setString(1, account.account());
                insert.setString(2, account.hpciId().orElse(null));
                insert.setString(3, account.project().orElse(null));
                insert.setString(4, account.resourceSite().orElse(null));
                insert.setObject(5, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                insert.setString(6, by);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Slash-form subjects of certificates that are neither revoked nor expired at {@code now},
     * computed from the certificates themselves so they match what Globus will see.
     */
    Map<String, Holder> validSubjects(Connection c, Instant now) throws SQLException {
        Map<String, Holder> subjects = new HashMap<>();
        try (PreparedStatement query = c.prepareStatement("SELECT der_base64, hpci_id, eppn FROM ca_certificate "
                + "WHERE status = 'VALID' AND not_after > ?")) {
            query.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            try (ResultSet rows = query.executeQuery()) {
                CertificateFactory factory = CertificateFactory.getInstance("X.509");
                while (rows.next()) {
                    X509Certificate certificate = (X509Certificate) factory
                            .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(rows.getString(1))));
                    String subject = GlobusNames.slashForm(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()));
                    subjects.put(subject, new Holder(Optional.ofNullable(rows.getString(2)), Optional.ofNullable(rows.getString(3))));
                }
            } catch (CertificateException e) {
                throw new CaException("A stored certificate does not parse: " + e.getMessage(), e);
            }
        }
        return subjects;
    }

    static List<String> sortedKeys(Map<String, ?> map) {
        List<String> keys = new ArrayList<>(map.keySet());
        keys.sort(null);
        return keys;
    }
}
