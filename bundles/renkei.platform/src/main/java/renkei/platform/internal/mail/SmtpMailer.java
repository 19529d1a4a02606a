// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.mail;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.Collections;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.Properties;
import java.util.Set;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * Sends queued mails to the configured SMTP server with Angus Mail. Every Jakarta Mail call runs
 * under {@link MailProviderClassLoader} so the providers are found inside OSGi.
 *
 * <p>Thread-safe; each {@link Batch} belongs to the one thread of a delivery run.
 */
final class SmtpMailer {

    private final MailSettings settings;
    private final Clock clock;

    SmtpMailer(MailSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** A delivery run's connection, opened on the first mail and reused for the rest. */
    Batch openBatch() {
        return new Batch();
    }

    final class Batch implements AutoCloseable {

        private Session session;
        private Transport transport;
        private MessagingException connectFailure;

        private Batch() {
        }

        void send(QueuedMail mail) throws MessagingException {
            MailProviderClassLoader.withProviders(() -> {
                MimeMessage message = compose(mail);
                Transport connected = connected();
                try {
                    connected.sendMessage(message, message.getAllRecipients());
                } catch (MessagingException | RuntimeException e) {
                    // The connection's state after a failed transaction is unknown; start the next mail afresh.
                    closeTransport();
                    throw e;
                }
                return null;
            });
        }

        private Transport connected() throws MessagingException {
            if (connectFailure != null) {
                // The server refused us moments ago; waiting out another timeout per mail would only
                // delay the run. Every remaining mail gets the same failure and its own back-off.
                throw connectFailure;
            }
            if (transport != null && transport.isConnected()) {
                return transport;
            }
            closeTransport();
            Transport fresh = session().getTransport("smtp");
            try {
                fresh.connect(settings.host(), settings.port(), settings.user().orElse(null),
                        settings.password().orElse(null));
            } catch (MessagingException e) {
                connectFailure = e;
                throw e;
            }
            transport = fresh;
            return fresh;
        }

        private Session session() {
            if (session == null) {
                session = Session.getInstance(sessionProperties());
            }
            return session;
        }

        private MimeMessage compose(QueuedMail mail) throws MessagingException {
            MimeMessage message = new MimeMessage(session());
            message.setFrom(new InternetAddress(settings.from(), true));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
            try {
                message.setHeader("Subject", MimeUtility.fold(9, MimeUtility.encodeText(mail.subject(), mail.charset(), "B")));
            } catch (UnsupportedEncodingException e) {
                throw new MessagingException("Charset " + mail.charset() + " is not supported by this Java runtime", e);
            }
            message.setText(mail.body(), mail.charset());
            if (MailSettings.ISO_2022_JP.equals(mail.charset())) {
                // ISO-2022-JP is 7-bit by design; Japanese mail software expects it unencoded.
                message.setHeader("Content-Transfer-Encoding", "7bit");
            }
            message.setSentDate(Date.from(clock.instant()));
            // RFC 3834: tells vacation responders not to answer a machine.
            message.setHeader("Auto-Submitted", "auto-generated");
            message.saveChanges();
            return message;
        }

        private void closeTransport() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException ignored) {
                    // Closing a broken connection may fail too; there is nothing left to release.
                }
                transport = null;
            }
        }

        @Override
        public void close() {
            try {
                MailProviderClassLoader.withProviders(() -> {
                    closeTransport();
                    return null;
                });
            } catch (MessagingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    private Properties sessionProperties() {
        Properties properties = new Properties();
        String timeout = Long.toString(settings.timeout().toMillis());
        properties.setProperty("mail.transport.protocol", "smtp");
        properties.setProperty("mail.smtp.host", settings.host());
        properties.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        properties.setProperty("mail.smtp.connectiontimeout", timeout);
        properties.setProperty("mail.smtp.timeout", timeout);
        properties.setProperty("mail.smtp.writetimeout", timeout);
        properties.setProperty("mail.smtp.from", envelopeSender());
        if (settings.startTls()) {
            // Required, not just enabled: a server that stops offering STARTTLS must not get the password in clear.
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.starttls.required", "true");
        }
        properties.setProperty("mail.smtp.auth", Boolean.toString(settings.user().isPresent()));
        return properties;
    }

    private String envelopeSender() {
        try {
            return new InternetAddress(settings.from(), true).getAddress();
        } catch (MessagingException e) {
            throw new IllegalArgumentException("mail.from is not a valid address: " + settings.from(), e);
        }
    }

    /**
     * The failure with its causes, e.g. {@code Couldn't connect to host … (ConnectException: Connection refused)}:
     * the top message alone rarely tells an operator what to fix.
     */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(messageOf(failure));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(failure);
        for (Throwable cause = failure.getCause(); cause != null && seen.add(cause); cause = cause.getCause()) {
            text.append(" (").append(cause.getClass().getSimpleName()).append(": ").append(messageOf(cause)).append(')');
        }
        return text.toString();
    }

    private static String messageOf(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getName() : message;
    }
}
