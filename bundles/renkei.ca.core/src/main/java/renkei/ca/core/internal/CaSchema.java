// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import renkei.platform.SchemaMigrations;

/** The CA module's tables; scripts live next to this class. */
public final class CaSchema {

    private CaSchema() {
    }

    public static SchemaMigrations migrations() {
        return SchemaMigrations.fromResources("ca", CaSchema.class, "V1__certificates.sql", "V2__licenses.sql",
                "V3__crls_withdrawn_licenses.sql", "V4__ca_key.sql", "V5__mapping_repository.sql",
                "V6__ca_reminders.sql", "V7__crl_covering_index.sql");
    }
}
