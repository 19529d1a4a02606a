// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import java.time.Clock;

import renkei.ca.core.SubjectRules;
import renkei.platform.Database;
import renkei.platform.AuditLog;

/** The shared test CA for tests outside this package (the ops tests), which cannot see {@link TestKeys}. */
public final class OpsFixtures {

    public static final String CRL_URL = "https://ca.example.ac.jp/repository/ca.crl";

    private OpsFixtures() {
    }

    public static CaKeyMaterial ca() {
        return TestKeys.CA;
    }

    public static byte[] csrA() {
        return TestKeys.CSR_A.clone();
    }

    /** An authority over the test CA whose key is always active, on {@code clock}. */
    public static CertificateAuthority authority(Database database, AuditLog audit, Clock clock) {
        return authority(database, audit, IssuerSource.fixed(new CertificateIssuer(TestKeys.CA, CRL_URL)), clock);
    }

    public static CertificateAuthority authority(Database database, AuditLog audit, IssuerSource issuers, Clock clock) {
        return new CertificateAuthority(database, audit, issuers,
                new SubjectRules("/C=JP/O=HPCI/OU=Renkei", SubjectRules.DEFAULT_CLIENT_FORMAT), clock);
    }
}
