// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import renkei.platform.AuditLog;
import renkei.platform.AuditVerification;
import renkei.spi.AbstractHealthCheck;
import renkei.spi.HealthCheck;
import renkei.spi.HealthResult;

/** Re-verifies every audit hash chain hourly so tampering is noticed without anyone asking. */
@Component(service = HealthCheck.class)
public final class AuditChainHealthCheck extends AbstractHealthCheck {

    private final AuditLog audit;

    @Activate
    public AuditChainHealthCheck(@Reference AuditLog audit) {
        super("platform.audit.chain", "Audit log integrity", Duration.ofHours(1));
        this.audit = audit;
    }

    @Override
    public Duration timeout() {
        return Duration.ofMinutes(10);
    }

    @Override
    public HealthResult check() {
        List<AuditVerification> results = audit.verifyAll();
        List<AuditVerification> broken = results.stream().filter(v -> !v.intact()).toList();
        if (!broken.isEmpty()) {
            return HealthResult.critical(broken.stream().map(AuditVerification::toString).collect(Collectors.joining("; ")));
        }
        long records = results.stream().mapToLong(AuditVerification::checked).sum();
        return HealthResult.ok(results.size() + " chain(s) intact, " + records + " records");
    }
}
