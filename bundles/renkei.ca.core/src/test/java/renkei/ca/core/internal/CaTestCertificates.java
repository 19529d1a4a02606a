// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;

import org.bouncycastle.asn1.x500.X500Name;

import renkei.ca.core.CertificateProfile;
import renkei.ca.core.IssuedCertificate;
import renkei.ca.core.RevocationReason;
import renkei.platform.Database;
import renkei.platform.Operator;
import renkei.platform.Role;
import renkei.platform.Session;

/**
 * Stores certificates with arbitrary subjects straight into the CA tables, for tests of what is
 * built from them (grid-mapfiles, the repository) without going through the subject rules.
 */
final class CaTestCertificates {

    private static final CertificateIssuer ISSUER = new CertificateIssuer(TestKeys.CA, "https://ca.example.ac.jp/repository/ca.crl");
    private static final PublicKey KEY = CertificationRequests.checkedPublicKey(CertificationRequests.parse(TestKeys.CSR_A));

    private final Database database;
    private final CertificateStore store = new CertificateStore();

    CaTestCertificates(Database database) {
        this.database = database;
        database.migrate(CaSchema.migrations());
    }

    IssuedCertificate issue(X500Name subject, Instant notBefore) {
        X509Certificate certificate = ISSUER.issue(subject, KEY, notBefore);
        return database.inTransaction(c -> store.insert(c, CertificateProfile.CLIENT, subject.toString(), Optional.empty(),
                Optional.of("user@example.ac.jp"), certificate, "test"));
    }

    void revoke(IssuedCertificate certificate) {
        database.inTransaction(c -> {
            store.markRevoked(c, certificate.serialHex(), Instant.now(), RevocationReason.keyCompromise, "test");
            return null;
        });
    }

    static Path pem(Path directory, IssuedCertificate certificate) throws Exception {
        Path file = directory.resolve(certificate.serialHex() + ".pem");
        Files.writeString(file, Pem.encode("CERTIFICATE", certificate.der()));
        return file;
    }

    static Session session(String username, Role... roles) {
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        set.addAll(java.util.List.of(roles));
        return new Session(new Operator(username, username, Optional.empty(), Optional.empty(), set, true, true), Instant.now(), true);
    }
}
