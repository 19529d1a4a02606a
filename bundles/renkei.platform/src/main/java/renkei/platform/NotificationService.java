// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import renkei.platform.remote.LocalOnly;
import renkei.platform.remote.RemoteService;
import renkei.platform.remote.RequiresRole;

/**
 * Notifications to people: the console feed and outgoing mail (X-02, CA-07). Mail is queued in the
 * database and delivered by a scheduled job that retries with exponential back-off, so nothing is
 * lost while the mail server is down. Japanese text is encoded as UTF-8 or ISO-2022-JP, chosen per
 * recipient mail domain ({@code mail.iso2022jp.domains}).
 *
 * <p>Thread-safe; methods block on the database. Core services post EventAdmin topic
 * {@link #TOPIC_FEED} when the feed changes.
 *
 * @noimplement
 */
@RemoteService
public interface NotificationService {

    /** EventAdmin topic posted after a feed item was added. */
    String TOPIC_FEED = "renkei/notification/feed";

    /** Adds an item to the console feed of every console sharing the database. */
    @RequiresRole(value = {Role.OPERATIONS_OFFICE, Role.INCIDENT_RESPONDER}, action = "notify.post")
    Notification post(Severity severity, String source, String title, String body);

    /** Newest first. */
    List<Notification> feed(int limit);

    /** Newest first, only items after {@code since}. */
    List<Notification> feedSince(Instant since, int limit);

    /** Queues a mail; returns its queue id. */
    @RequiresRole(value = Role.OPERATIONS_OFFICE, action = "mail.queue")
    long queueMail(MailMessage message);

    /**
     * Renders template {@code templateId} in the recipient's language and queues it.
     *
     * @param values placeholder values, referenced in templates as {@code {name}}
     */
    @LocalOnly("templated mail is sent by the services that own the template")
    long queueTemplated(String recipient, Locale locale, String templateId, Map<String, String> values);

    /**
     * Tries to send every due mail now (normally done by the scheduler).
     *
     * @return number of mails sent
     */
    @RequiresRole(value = Role.OPERATIONS_OFFICE, action = "mail.deliver")
    int deliverDue();

    @RequiresRole(value = Role.OPERATIONS_OFFICE, action = "mail.queue.list")
    List<MailStatus> mailQueue(int limit);
}
