// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import renkei.ca.core.PublishReport;

/**
 * SQL for {@code ca_publish}, the record of repository publishes shared by every console and
 * server on the database.
 *
 * <p>Stateless; thread-safe.
 */
final class PublishLog {

    private static final int MAX_ERROR = 2000;

    void record(Connection c, PublishReport report) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO ca_publish (published_at, published_by, directory, files, error) VALUES (?, ?, ?, ?, ?)")) {
            insert.setObject(1, OffsetDateTime.ofInstant(report.at(), ZoneOffset.UTC));
            insert.setString(2, report.by());
            insert.setString(3, report.directory());
            insert.setString(4, report.files().stream().map(f -> f.name() + " " + f.size() + " " + f.sha256())
                    .collect(Collectors.joining("\n")));
            insert.setString(5, report.error().map(e -> e.length() > MAX_ERROR ? e.substring(0, MAX_ERROR) : e).orElse(null));
            insert.executeUpdate();
        }
    }

    Optional<PublishReport> newest(Connection c) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(
                "SELECT published_at, published_by, directory, files, error FROM ca_publish ORDER BY id DESC")) {
            query.setMaxRows(1);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                List<PublishReport.PublishedFile> files = new ArrayList<>();
                for (String line : row.getString(4).split("\n")) {
                    String[] parts = line.split(" ");
                    if (parts.length == 3) {
                        files.add(new PublishReport.PublishedFile(parts[0], Long.parseLong(parts[1]), parts[2]));
                    }
                }
                return Optional.of(new PublishReport(row.getObject(1, OffsetDateTime.class).toInstant(), row.getString(2),
                        row.getString(3), List.copyOf(files), Optional.ofNullable(row.getString(5))));
            }
        }
    }
}
