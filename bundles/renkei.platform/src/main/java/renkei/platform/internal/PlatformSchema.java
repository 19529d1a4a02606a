// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal;

import renkei.platform.SchemaMigrations;

/** The platform's own tables; scripts live next to this class. */
public final class PlatformSchema {

    private PlatformSchema() {
    }

    public static SchemaMigrations migrations() {
        return SchemaMigrations.fromResources("platform", PlatformSchema.class,
                "V1__audit.sql", "V2__identity.sql", "V3__notifications.sql", "V4__scheduler_and_health.sql", "V5__sessions.sql");
    }
}
