// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

import renkei.ca.core.SubjectRules;
import renkei.platform.AuditLog;
import renkei.platform.Database;

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

    /** The CA service over the test CA; {@code issuers} decides whether the key counts as activated. */
    public static CaServiceComponent service(Database database, AuditLog audit, IssuerSource issuers,
            Supplier<java.security.cert.X509Certificate> caCertificate, Clock clock) {
        return new CaServiceComponent(database, audit, issuers, caCertificate,
                TestSessions.settings(Path.of(System.getProperty("java.io.tmpdir")), "ca.crl.url", CRL_URL), clock);
    }

    public static CertificateIssuer issuer() {
        return new CertificateIssuer(TestKeys.CA, CRL_URL);
    }

    public static CertificateAuthority authority(Database database, AuditLog audit, IssuerSource issuers, Clock clock) {
        return new CertificateAuthority(database, audit, issuers,
                new SubjectRules("/C=JP/O=HPCI/OU=Renkei", SubjectRules.DEFAULT_CLIENT_FORMAT), clock);
    }
}
