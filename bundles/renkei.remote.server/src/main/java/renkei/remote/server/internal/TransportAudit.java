// SPDX-License-Identifier: EPL-2.0
package renkei.remote.server.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import renkei.platform.AuditCategory;
import renkei.platform.AuditEntry;
import renkei.platform.AuditLog;
import renkei.platform.AuditResult;

/**
 * Audits the endpoint's own refusals (no or untrusted certificate, a local-only method, a call
 * without a session, a malformed call) in the access log. The same refusal from the same party is
 * recorded once a minute at most, so a client retrying in a loop cannot flood the log.
 *
 * <p>Thread-safe.
 */
final class TransportAudit {

    private static final Logger LOG = Logger.getLogger(TransportAudit.class.getName());
    private static final Duration QUIET = Duration.ofMinutes(1);

    private final Supplier<AuditLog> audit;
    private final Map<String, Window> recent = new ConcurrentHashMap<>();

    TransportAudit(Supplier<AuditLog> audit) {
        this.audit = audit;
    }

    /** @param actor the certificate subject, or {@code anonymous} */
    void denied(String actor, String action, String target, String detail) {
        String key = actor + '\u0000' + action + '\u0000' + target;
        Instant now = Instant.now();
        Window window = recent.compute(key, (k, w) -> w == null || w.since.plus(QUIET).isBefore(now) ? new Window(now) : w.more());
        if (window.skipped > 0) {
            return;
        }
        if (recent.size() > 10_000) {
            recent.clear(); // bounded memory under a scan from many addresses
        }
        AuditLog log = audit.get();
        if (log == null) {
            LOG.warning(() -> "refused (no audit log yet): " + actor + " " + action + " " + target + ": " + detail);
            return;
        }
        try {
            log.append(new AuditEntry(AuditCategory.ACCESS.id(), actor, "", action, target, AuditResult.DENIED, detail));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot audit a refusal of " + actor + " (" + action + "): " + e.getMessage());
        }
    }

    private static final class Window {
        final Instant since;
        final int skipped;

        Window(Instant since) {
            this(since, 0);
        }

        private Window(Instant since, int skipped) {
            this.since = since;
            this.skipped = skipped;
        }

        Window more() {
            return new Window(since, skipped + 1);
        }
    }
}
