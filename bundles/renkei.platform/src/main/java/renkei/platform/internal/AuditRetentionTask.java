// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal;

import java.time.Duration;
import java.time.Instant;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import renkei.platform.AuditEntry;
import renkei.platform.AuditLog;
import renkei.platform.AuditResult;
import renkei.spi.PeriodicTask;

/** Daily purge of audit records past their category's retention period (CA-11); the purge itself is audited. */
@Component(service = PeriodicTask.class)
public final class AuditRetentionTask implements PeriodicTask {

    private final AuditLog audit;

    @Activate
    public AuditRetentionTask(@Reference AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public String id() {
        return "platform.audit.retention";
    }

    @Override
    public String displayName() {
        return "Audit log retention";
    }

    @Override
    public Duration interval() {
        return Duration.ofDays(1);
    }

    @Override
    public void run() {
        int removed = audit.purgeExpired(Instant.now());
        if (removed > 0) {
            audit.append(AuditEntry.of("system", "", "audit.purge", "", AuditResult.SUCCESS, removed + " expired records removed"));
        }
    }
}
