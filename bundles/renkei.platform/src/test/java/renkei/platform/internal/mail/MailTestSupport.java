// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import renkei.platform.Database;
import renkei.platform.RenkeiHome;
import renkei.platform.SecretStore;
import renkei.platform.internal.FileSiteConfig;

/** Shared pieces of the mail tests: a clock tests move by hand, settings, ports and GreenMail. */
final class MailTestSupport {

    static final String LOOPBACK = "127.0.0.1";

    /** Where the tests' clocks start. */
    static final Instant START = Instant.parse("2026-04-01T09:00:00Z");

    private MailTestSupport() {
    }

    /** Secrets kept in memory. */
    static final class MemorySecretStore implements SecretStore {

        private final Map<String, String> secrets = new ConcurrentHashMap<>();

        @Override
        public Optional<String> get(String alias) {
            return Optional.ofNullable(secrets.get(alias));
        }

        @Override
        public void put(String alias, String secret) {
            secrets.put(alias, secret);
        }

        @Override
        public void remove(String alias) {
            secrets.remove(alias);
        }

        @Override
        public SecretKey wrappingKey(String alias) {
            throw new UnsupportedOperationException("not needed by mail tests");
        }
    }

    static FileSiteConfig siteConfig(Map<String, String> values) {
        Properties properties = new Properties();
        properties.putAll(values);
        return new FileSiteConfig(new RenkeiHome(Path.of(System.getProperty("java.io.tmpdir"))), properties);
    }

    /** Settings read the way the component reads them, pointing at the loopback SMTP port {@code port}. */
    static MailSettings settings(int port, Map<String, String> extra) {
        Map<String, String> values = new HashMap<>();
        values.put("mail.smtp.host", LOOPBACK);
        values.put("mail.smtp.port", Integer.toString(port));
        values.put("mail.from", "renkei@console.example.jp");
        values.put("mail.smtp.timeoutMs", "5000");
        values.putAll(extra);
        return MailSettings.from(siteConfig(values), new MemorySecretStore());
    }

    static MailSettings settings(int port) {
        return settings(port, Map.of());
    }

    /** A loopback port nobody listens on right now (the probe socket is closed again). */
    static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GreenMail startSmtp(int port) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, LOOPBACK, ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    /** Raw status column, which unlike {@link renkei.platform.MailStatus} shows SENDING. */
    static String rawStatus(Database database, long id) {
        return database.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT status FROM renkei_mail_queue WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            }
        });
    }
}
