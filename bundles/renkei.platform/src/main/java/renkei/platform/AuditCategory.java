// SPDX-License-Identifier: EPL-2.0
package renkei.platform;

import java.time.Period;
import java.util.Arrays;
import java.util.Optional;

/**
 * Retention categories of the audit log (CA-11): operations and portal access logs are kept three
 * years, CA and HSM logs ten. A site may lengthen a period with {@code audit.retention.<id>=P12Y}.
 */
public enum AuditCategory {
    GENERAL("general", Period.ofYears(3)),
    ACCESS("access", Period.ofYears(3)),
    CA("ca", Period.ofYears(10)),
    HSM("hsm", Period.ofYears(10));

    private final String id;
    private final Period retention;

    AuditCategory(String id, Period retention) {
        this.id = id;
        this.retention = retention;
    }

    public String id() {
        return id;
    }

    public Period defaultRetention() {
        return retention;
    }

    public static Optional<AuditCategory> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
