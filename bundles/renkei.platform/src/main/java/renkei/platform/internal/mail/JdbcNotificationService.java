// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.mail;

import java.nio.charset.Charset;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;

import renkei.platform.Database;
import renkei.platform.MailMessage;
import renkei.platform.MailStatus;
import renkei.platform.Notification;
import renkei.platform.NotificationService;
import renkei.platform.Severity;

/**
 * {@link NotificationService} over the shared database (tables of V3__notifications.sql) and SMTP.
 * Several consoles and servers may use one database at once: each queued mail is claimed by one
 * process before it is sent, so it goes out once, and a claim left by a crashed process runs out
 * after {@link #CLAIM_DURATION}.
 *
 * <p>Thread-safe; every method blocks on the database, {@link #deliverDue()} also on SMTP.
 */
public class JdbcNotificationService implements NotificationService {

    /** Source of the feed items this service posts itself. */
    public static final String FEED_SOURCE = "platform.mail";

    /**
     * How long a delivery claim lasts. Far longer than one SMTP transaction (bounded by the
     * timeouts), so it runs out only when the claiming process died mid-delivery.
     */
    static final Duration CLAIM_DURATION = Duration.ofMinutes(10);

    private static final Logger LOG = Logger.getLogger(JdbcNotificationService.class.getName());
    private static final Charset ISO_2022_JP = Charset.forName(MailSettings.ISO_2022_JP);

    private final Database database;
    private final MailSettings settings;
    private final Clock clock;
    private final Consumer<Notification> feedListener;
    private final MailQueueTable queue;
    private final SmtpMailer mailer;
    private final MailTemplates templates = new MailTemplates();

    public JdbcNotificationService(Database database, MailSettings settings, Clock clock) {
        this(database, settings, clock, notification -> {
        });
    }

    /** @param feedListener told about every new feed item, e.g. to post an EventAdmin event */
    public JdbcNotificationService(Database database, MailSettings settings, Clock clock, Consumer<Notification> feedListener) {
        this.database = Objects.requireNonNull(database, "database");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.feedListener = Objects.requireNonNull(feedListener, "feedListener");
        this.queue = new MailQueueTable(database);
        this.mailer = new SmtpMailer(settings, clock);
    }

    @Override
    public Notification post(Severity severity, String source, String title, String body) {
        Objects.requireNonNull(severity, "severity");
        String storedSource = MailQueueTable.clip(Objects.requireNonNull(source, "source"), 200);
        String storedTitle = MailQueueTable.clip(Objects.requireNonNull(title, "title"), 1000);
        String storedBody = MailQueueTable.clip(Objects.requireNonNull(body, "body"), 20000);
        Instant now = now();
        long id = database.withConnection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO renkei_notification (created_at, severity, source, title, body) VALUES (?, ?, ?, ?, ?)",
                    new String[] { "id" })) {
                insert.setObject(1, MailQueueTable.utc(now));
                insert.setString(2, severity.name());
                insert.setString(3, storedSource);
                insert.setString(4, storedTitle);
                insert.setString(5, storedBody);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        Notification notification = new Notification(id, now, severity, storedSource, storedTitle, storedBody);
        try {
            feedListener.accept(notification);
        } catch (RuntimeException e) {
            // The item is stored and consoles will see it on their next refresh; a broken listener must not undo that.
            LOG.log(Level.WARNING, "Feed listener failed for notification " + id, e);
        }
        return notification;
    }

    @Override
    public List<Notification> feed(int limit) {
        return readFeed(Optional.empty(), limit);
    }

    @Override
    public List<Notification> feedSince(Instant since, int limit) {
        return readFeed(Optional.of(since), limit);
    }

    private List<Notification> readFeed(Optional<Instant> since, int limit) {
        String sql = "SELECT id, created_at, severity, source, title, body FROM renkei_notification"
                + (since.isPresent() ? " WHERE created_at > ?" : "") + " ORDER BY created_at DESC, id DESC";
        return database.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                if (since.isPresent()) {
                    select.setObject(1, MailQueueTable.utc(since.get()));
                }
                select.setMaxRows(Math.max(1, limit));
                List<Notification> items = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        items.add(new Notification(rows.getLong(1), rows.getObject(2, OffsetDateTime.class).toInstant(),
                                Severity.valueOf(rows.getString(3)), rows.getString(4), rows.getString(5), rows.getString(6)));
                    }
                }
                return items;
            }
        });
    }

    @Override
    public long queueMail(MailMessage message) {
        String address = validAddress(message.recipient());
        if (message.subject().length() > 1000) {
            throw new IllegalArgumentException("Mail subject longer than 1000 characters: " + message.subject().substring(0, 50) + "…");
        }
        if (message.body().length() > 100_000) {
            throw new IllegalArgumentException("Mail body longer than 100000 characters, to " + message.recipient());
        }
        String charset = settings.charsetFor(address);
        if (charset.equals(MailSettings.ISO_2022_JP)
                && !ISO_2022_JP.newEncoder().canEncode(message.subject() + message.body())) {
            // Java's ISO-2022-JP writes "?" for characters outside JIS X 0208 (①, emoji, U+FF5E "～").
            LOG.warning(() -> "Mail to " + message.recipient() + " contains characters ISO-2022-JP cannot express;"
                    + " they will arrive as '?'");
        }
        return queue.insert(message, charset, now());
    }

    private static String validAddress(String recipient) {
        try {
            InternetAddress address = new InternetAddress(recipient, true);
            address.validate();
            return address.getAddress();
        } catch (MessagingException e) {
            throw new IllegalArgumentException("Not a valid mail address: " + recipient + " (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public long queueTemplated(String recipient, Locale locale, String templateId, Map<String, String> values) {
        return queueMail(templates.mail(recipient, locale, templateId, values));
    }

    @Override
    public int deliverDue() {
        List<Long> due = queue.dueIds(now());
        if (due.isEmpty()) {
            return 0;
        }
        int sent = 0;
        try (SmtpMailer.Batch batch = mailer.openBatch()) {
            for (long id : due) {
                Instant now = now();
                Optional<QueuedMail> claimed = queue.claim(id, now, now.plus(CLAIM_DURATION));
                if (claimed.isEmpty()) {
                    continue; // another process is delivering it or already has
                }
                if (deliver(batch, claimed.get())) {
                    sent++;
                }
            }
        }
        return sent;
    }

    private boolean deliver(SmtpMailer.Batch batch, QueuedMail mail) {
        int attempts = mail.attempts() + 1;
        try {
            batch.send(mail);
        } catch (MessagingException | RuntimeException e) {
            recordFailure(mail, attempts, SmtpMailer.describe(e));
            return false;
        }
        queue.markSent(mail.id(), attempts, now());
        return true;
    }

    private void recordFailure(QueuedMail mail, int attempts, String error) {
        Instant now = now();
        if (attempts < settings.maxAttempts()) {
            Duration wait = DeliveryBackoff.after(attempts);
            LOG.info(() -> "Mail " + mail.id() + " to " + mail.recipient() + " not delivered (attempt " + attempts
                    + "), retrying in " + wait + ": " + error);
            queue.markRetry(mail.id(), attempts, error, now.plus(wait));
            return;
        }
        LOG.warning(() -> "Giving up mail " + mail.id() + " to " + mail.recipient() + " after " + attempts + " attempts: " + error);
        queue.markFailed(mail.id(), attempts, error, now);
        MailTemplates.Text notice = templates.render(settings.operatorLocale(), "mail.undeliverable",
                Map.of("recipient", mail.recipient(), "subject", mail.subject(), "attempts", Integer.toString(attempts),
                        "error", error));
        post(Severity.CRITICAL, FEED_SOURCE, notice.subject(), notice.body());
    }

    @Override
    public List<MailStatus> mailQueue(int limit) {
        return queue.list(limit);
    }

    /** Database timestamps keep microseconds; truncating here makes returned values equal stored ones. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
