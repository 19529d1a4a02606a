// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.remote;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import renkei.ca.core.CaKeyService;
import renkei.ca.core.CertificateProfile;
import renkei.ca.core.internal.CaSchema;
import renkei.platform.Database;
import renkei.spi.MetricSample;
import renkei.spi.MetricsSource;

/**
 * The CA on the server's {@code /metrics} page: whether the key is activated, certificates by
 * profile and state, and how long the newest CRL has left. Two small queries per scrape: one
 * grouped count, and the CRL's nextUpdate from the {@code ca_state} row (not the CRL itself, which
 * may list 100,000 serials).
 *
 * <p>Thread-safe.
 */
@Component(service = MetricsSource.class)
public final class CaMetrics implements MetricsSource {

    static final String KEY_ACTIVE = "renkei_ca_key_active";
    static final String CERTIFICATES = "renkei_ca_certificates";
    static final String CRL_SECONDS = "renkei_ca_crl_next_update_seconds";
    static final List<String> STATES = List.of("valid", "revoked", "expired");

    private final Database database;
    private final BooleanSupplier keyActive;
    private final Clock clock;

    @Activate
    public CaMetrics(@Reference Database database, @Reference CaKeyService keys) {
        this(database, () -> keys.status().isActive(Instant.now()), Clock.systemUTC());
    }

    public CaMetrics(Database database, BooleanSupplier keyActive, Clock clock) {
        this.database = database;
        this.keyActive = keyActive;
        this.clock = clock;
        database.migrate(CaSchema.migrations());
    }

    @Override
    public List<MetricSample> samples() {
        Instant now = clock.instant();
        List<MetricSample> samples = new ArrayList<>();
        samples.add(MetricSample.gauge(KEY_ACTIVE, "1 while the CA signing key is activated (dual control), else 0",
                keyActive.getAsBoolean() ? 1 : 0));
        Map<String, Long> counts = counts(now);
        for (CertificateProfile profile : CertificateProfile.values()) {
            String name = profile.name().toLowerCase(Locale.ROOT);
            for (String state : STATES) {
                samples.add(new MetricSample(CERTIFICATES, "Certificates the CA issued, by profile and state", "gauge",
                        Map.of("profile", name, "status", state), counts.getOrDefault(profile.name() + "/" + state, 0L)));
            }
        }
        database.withConnection(c -> {
            try (ResultSet row = c.createStatement().executeQuery("SELECT last_crl_next_update FROM ca_state WHERE id = 1")) {
                OffsetDateTime next = row.next() ? row.getObject(1, OffsetDateTime.class) : null;
                if (next != null) {
                    samples.add(MetricSample.gauge(CRL_SECONDS, "Seconds until the newest CRL's nextUpdate (negative once it passed)",
                            Duration.between(now, next.toInstant()).toSeconds()));
                }
            }
            return null;
        });
        return samples;
    }

    /** {@code PROFILE/state} to count; revoked wins over expired. */
    private Map<String, Long> counts(Instant now) {
        return database.withConnection(c -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            try (PreparedStatement query = c.prepareStatement("SELECT profile, state, COUNT(*) FROM (SELECT profile, CASE "
                    + "WHEN status = 'REVOKED' THEN 'revoked' WHEN not_after <= ? THEN 'expired' ELSE 'valid' END AS state "
                    + "FROM ca_certificate) t GROUP BY profile, state")) {
                query.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getString(1) + "/" + rows.getString(2), rows.getLong(3));
                    }
                }
            }
            return counts;
        });
    }
}
