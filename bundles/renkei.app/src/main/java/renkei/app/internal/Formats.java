// SPDX-License-Identifier: EPL-2.0
package renkei.app.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;

import renkei.platform.Role;
import renkei.platform.Severity;
import renkei.spi.HealthStatus;

/**
 * Turns times, durations, statuses and exceptions into the localised text the parts show. Pure
 * functions of their arguments and the default locale and time zone; safe on any thread.
 */
public final class Formats {

    /** Shown where a value is absent. */
    public static final String NONE = "\u2014";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private Formats() {
    }

    /** Compact local time: the time of day for today, month and day this year, else the date. */
    public static String when(Instant instant, Instant now) {
        ZoneId zone = ZoneId.systemDefault();
        ZonedDateTime at = instant.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        if (at.toLocalDate().equals(today)) {
            return TIME.format(at);
        }
        if (at.getYear() == today.getYear()) {
            return DAY_TIME.format(at);
        }
        return DATE.format(at);
    }

    public static String when(Optional<Instant> instant, Instant now) {
        return instant.map(at -> when(at, now)).orElse(NONE);
    }

    /** Full local date, time and zone, for tooltips and details. */
    public static String full(Instant instant) {
        return FULL.format(instant.atZone(ZoneId.systemDefault()));
    }

    public static String full(Optional<Instant> instant) {
        return instant.map(Formats::full).orElse(NONE);
    }

    /** A duration in its two largest units, e.g. "3 d 4 h" or "2 min". */
    public static String duration(Duration duration) {
        Duration d = duration.abs();
        long days = d.toDays();
        if (days > 0) {
            return NLS.bind(Messages.Duration_days, days, d.toHoursPart());
        }
        long hours = d.toHours();
        if (hours > 0) {
            return NLS.bind(Messages.Duration_hours, hours, d.toMinutesPart());
        }
        long minutes = d.toMinutes();
        if (minutes > 0) {
            return NLS.bind(Messages.Duration_minutes, minutes);
        }
        return NLS.bind(Messages.Duration_seconds, d.toSecondsPart());
    }

    /** "in 3 min" for a future instant, "5 s ago" for a past one. */
    public static String relative(Instant instant, Instant now) {
        Duration delta = Duration.between(now, instant);
        return delta.isNegative() ? NLS.bind(Messages.Time_ago, duration(delta)) : NLS.bind(Messages.Time_in, duration(delta));
    }

    /** Countdown to an expiry, or how long ago it expired. */
    public static String expiry(Optional<Instant> expiresAt, Instant now) {
        if (expiresAt.isEmpty()) {
            return NONE;
        }
        Duration left = Duration.between(now, expiresAt.get());
        return left.isNegative() ? NLS.bind(Messages.Expiry_expired, duration(left)) : NLS.bind(Messages.Expiry_left, duration(left));
    }

    /**
     * An exception as an operator reads it: its message and every distinct cause. Localised
     * messages, so a CA refusal reads in the console's language; for exceptions that do not
     * translate theirs (the JDK's) it is the same as the message.
     */
    public static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        String previous = null;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String localized = t.getLocalizedMessage();
            String message = localized == null || localized.isBlank() ? t.getClass().getSimpleName() : localized;
            if (!message.equals(previous)) {
                if (text.length() > 0) {
                    text.append(" \u2190 ");
                }
                text.append(message);
                previous = message;
            }
        }
        return text.toString();
    }

    public static String status(HealthStatus status) {
        return switch (status) {
            case OK -> Messages.Status_ok;
            case UNKNOWN -> Messages.Status_unknown;
            case WARNING -> Messages.Status_warning;
            case CRITICAL -> Messages.Status_critical;
        };
    }

    public static String severity(Severity severity) {
        return switch (severity) {
            case INFO -> Messages.Severity_info;
            case WARNING -> Messages.Severity_warning;
            case CRITICAL -> Messages.Severity_critical;
        };
    }

    public static String role(Role role) {
        return switch (role) {
            case OPERATIONS_OFFICE -> Messages.Role_operationsOffice;
            case CA_OPERATOR -> Messages.Role_caOperator;
            case CA_OFFICER -> Messages.Role_caOfficer;
            case LOG_ADMINISTRATOR -> Messages.Role_logAdministrator;
            case HELP_DESK -> Messages.Role_helpDesk;
            case INCIDENT_RESPONDER -> Messages.Role_incidentResponder;
            case SITE_ADMINISTRATOR -> Messages.Role_siteAdministrator;
        };
    }
}
