// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

import renkei.ca.core.CaException;
import renkei.ca.core.CertificateProfile;
import renkei.ca.core.GeneratedCredential;
import renkei.ca.core.IssuedCertificate;
import renkei.ca.core.LicenseInfo;
import renkei.ca.core.LicensePolicy;
import renkei.ca.core.RevocationPreview;
import renkei.ca.core.RevocationReason;
import renkei.ca.core.SignedCrl;
import renkei.ca.core.SubjectRules;
import renkei.platform.AuditCategory;
import renkei.platform.AuditEntry;
import renkei.platform.AuditLog;
import renkei.platform.AuditResult;
import renkei.platform.Database;

/**
 * Issuance, revocation and CRLs on top of the database: every request is checked (CSR, subject
 * rules, CA-04 uniqueness) and signed inside one transaction holding the CA state lock, and every
 * outcome — refusals included — goes to the CA audit category (CA-11, CA-14).
 *
 * <p>Thread-safe. Role checks are the caller's job (the CA service component); {@code actor} and
 * {@code role} name who asked.
 */
public final class CertificateAuthority {

    private final Database database;
    private final AuditLog audit;
    private final IssuerSource issuers;
    private final SubjectRules rules;
    private final CertificateStore store = new CertificateStore();
    private final LicenseStore licenses = new LicenseStore();
    private final CrlStore crls = new CrlStore();
    private final Pkcs12Credentials credentials = new Pkcs12Credentials();
    private final Clock clock;

    public CertificateAuthority(Database database, AuditLog audit, IssuerSource issuers, SubjectRules rules, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.issuers = issuers;
        this.rules = rules;
        this.clock = clock;
        database.migrate(CaSchema.migrations());
    }

    public IssuedCertificate issueHost(String actor, String role, byte[] csr, String fqdn) {
        return audited(actor, role, "ca.issue.host", fqdn, () -> issue(actor, CertificateProfile.HOST,
                SubjectRules.hostCommonName(fqdn), Optional.empty(), Optional.empty(), csr));
    }

    public IssuedCertificate issueService(String actor, String role, byte[] csr, String service, String fqdn) {
        return audited(actor, role, "ca.issue.service", service + "/" + fqdn, () -> issue(actor, CertificateProfile.SERVICE,
                SubjectRules.serviceCommonName(service, fqdn), Optional.empty(), Optional.empty(), csr));
    }

    /**
     * A certificate of a profile that {@linkplain CertificateProfile#supersedesPrevious() supersedes}
     * and the previous ones of its CN it revoked (reason superseded) in the same transaction, with
     * the CRL re-issued then when there were any.
     */
    public record Reissue(IssuedCertificate issued, List<IssuedCertificate> superseded, Optional<SignedCrl> crl) {
    }

    /**
     * The TLS certificate of a server's HTTPS endpoint: CN the first host name (an FQDN), a dNSName
     * for each (further names may be single labels such as {@code localhost}), serverAuth.
     */
    public Reissue issueServer(String actor, String role, byte[] csr, List<String> hostNames) {
        String target = String.join(",", hostNames);
        return reissued(actor, role, "ca.issue.server", target, () -> {
            if (hostNames.isEmpty()) {
                throw CaException.of("issue.serverNeedsHost");
            }
            List<String> names = new java.util.ArrayList<>();
            names.add(SubjectRules.hostCommonName(hostNames.get(0)));
            hostNames.subList(1, hostNames.size()).stream().map(SubjectRules::dnsName).filter(n -> !names.contains(n))
                    .forEach(names::add);
            return reissue(actor, CertificateProfile.SERVER, names.get(0), CertificateIssuer.serverExtensions(names), csr);
        });
    }

    /** An operator's TLS client certificate: CN the user name (the caller checked the account), clientAuth. */
    public Reissue issueOperator(String actor, String role, byte[] csr, String username) {
        return reissued(actor, role, "ca.issue.operator", username,
                () -> reissue(actor, CertificateProfile.OPERATOR, username, CertificateIssuer.operatorExtensions(), csr));
    }

    private Reissue reissued(String actor, String role, String action, String target, java.util.function.Supplier<Reissue> work) {
        Reissue reissue = audited(actor, role, action, target, work);
        for (IssuedCertificate previous : reissue.superseded()) {
            // Each superseded certificate is a revocation, found where every other revocation is found.
            audit.append(new AuditEntry(AuditCategory.CA.id(), actor, role, "ca.revoke", "serial " + previous.serialHex(),
                    AuditResult.SUCCESS, "reason=" + RevocationReason.superseded + " ref=superseded by "
                            + reissue.issued().serialHex() + reissue.crl().map(crl -> " crl number=" + crl.number()).orElse("")));
        }
        return reissue;
    }

    private Reissue reissue(String actor, CertificateProfile profile, String commonName, List<org.bouncycastle.asn1.x509.Extension> extensions,
            byte[] csr) {
        PublicKey key = CertificationRequests.checkedPublicKey(CertificationRequests.parse(csr));
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            store.lock(c);
            store.checkUnique(c, profile, commonName, Optional.empty(), now);
            List<String> previous = store.current(c, profile, commonName, now);
            X509Certificate certificate = issuers.activeIssuer(c, now).issue(rules.subject(commonName), key, now, extensions);
            IssuedCertificate issued = store.insert(c, profile, commonName, Optional.empty(), Optional.empty(), certificate, actor);
            List<IssuedCertificate> superseded = new java.util.ArrayList<>();
            for (String serial : previous) {
                store.markRevoked(c, serial, now, RevocationReason.superseded, "superseded by " + issued.serialHex());
                store.find(c, serial).ifPresent(superseded::add);
            }
            Optional<SignedCrl> crl = superseded.isEmpty() ? Optional.empty() : Optional.of(buildCrl(c, actor, now));
            return new Reissue(issued, List.copyOf(superseded), crl);
        });
    }

    /** @param attributes IdP attributes by LDAP name (givenName, sn, hpciId, eduPersonPrincipalName, …) */
    public IssuedCertificate issueClient(String actor, String role, byte[] csr, Map<String, String> attributes) {
        String hpciId = attributes.getOrDefault("hpciId", "");
        return audited(actor, role, "ca.issue.client", "hpciId=" + hpciId + " eppn=" + attributes.getOrDefault("eduPersonPrincipalName", ""),
                () -> issue(actor, CertificateProfile.CLIENT, rules.clientCommonName(attributes), Optional.of(hpciId),
                        Optional.ofNullable(attributes.get("eduPersonPrincipalName")), csr));
    }

    /**
     * CA-05/CA-06: gives a user a license ID if their attributes authorise them and they are within
     * the limits. The user redeems it with {@link #redeemLicense}.
     */
    public String issueLicense(String actor, String role, LicensePolicy policy, Map<String, String> attributes) {
        String hpciId = attributes.getOrDefault("hpciId", "");
        String eppn = attributes.getOrDefault("eduPersonPrincipalName", "");
        return audited(actor, role, "ca.license.issue", "hpciId=" + hpciId + " eppn=" + eppn, () -> {
            if (hpciId.isBlank() || eppn.isBlank()) {
                throw CaException.of("license.attributesRequired");
            }
            if (!policy.authorises(attributes)) {
                throw renkei.ca.core.NotAuthorisedException.of("license.notAuthorised", hpciId);
            }
            // A user who could never redeem (bad name, or CA-04: a valid certificate already) gets no license.
            String commonName = rules.clientCommonName(attributes);
            return database.inTransaction(c -> {
                store.lock(c);
                store.checkUnique(c, CertificateProfile.CLIENT, commonName, Optional.of(hpciId), clock.instant());
                return licenses.issue(c, policy, hpciId, eppn, attributes, actor, clock.instant());
            });
        });
    }

    /** Redeems a license ID with the user's CSR for their client certificate; single use. */
    public IssuedCertificate redeemLicense(String actor, String role, String licenseId, byte[] csr) {
        return audited(actor, role, "ca.license.redeem", "license " + licenseId, () -> {
            PublicKey key = CertificationRequests.checkedPublicKey(CertificationRequests.parse(csr));
            return database.inTransaction(c -> redeem(c, actor, licenseId, key, clock.instant()));
        });
    }

    /**
     * Redeems a license ID with a key pair generated here. The PKCS#12 is built inside the issuing
     * transaction, so a failure there leaves neither a certificate without its key nor a used license.
     */
    public GeneratedCredential redeemLicenseWithKeyGeneration(String actor, String role, String licenseId, char[] passphrase,
            char[] confirmation, int minPassphraseLength) {
        return audited(actor, role, "ca.license.redeem.keygen", "license " + licenseId, () -> {
            LicenseStore.License license = database.withConnection(c -> licenses.redeemable(c, licenseId, clock.instant()));
            new PassphrasePolicy(minPassphraseLength).check(passphrase, confirmation, license.hpciId(), license.eppn(),
                    license.attributes().get("sn"), license.attributes().get("givenName"));
            KeyPair pair = credentials.generateKeyPair();
            return database.inTransaction(c -> {
                IssuedCertificate issued = redeem(c, actor, licenseId, pair.getPublic(), clock.instant());
                X509Certificate caCertificate = issuers.activeIssuer(c, clock.instant()).caCertificate();
                X509Certificate certificate = Pem.certificate(issued.der());
                byte[] pkcs12 = credentials.pkcs12(pair.getPrivate(), certificate, caCertificate,
                        issued.commonName(), passphrase);
                return new GeneratedCredential(issued, pkcs12);
            });
        });
    }

    private IssuedCertificate redeem(Connection c, String actor, String licenseId, PublicKey key, Instant now) throws SQLException {
        store.lock(c);
        LicenseStore.License license = licenses.redeemable(c, licenseId, now);
        String commonName = rules.clientCommonName(license.attributes());
        store.checkUnique(c, CertificateProfile.CLIENT, commonName, Optional.of(license.hpciId()), now);
        X509Certificate certificate = issuers.activeIssuer(c, now).issue(rules.subject(commonName), key, now);
        IssuedCertificate issued = store.insert(c, CertificateProfile.CLIENT, commonName, Optional.of(license.hpciId()),
                Optional.of(license.eppn()), certificate, actor);
        licenses.markRedeemed(c, license.licenseId(), issued.serialHex(), now);
        return issued;
    }

    /** License IDs, newest first; {@code hpciId} null lists everyone's. */
    public List<LicenseInfo> licenses(String hpciId, int limit) {
        return database.withConnection(c -> licenses.list(c, hpciId, limit, clock.instant()));
    }

    public void withdrawLicense(String actor, String role, String licenseId, String reason) {
        audited(actor, role, "ca.license.withdraw", "license " + licenseId, () -> database.inTransaction(c -> {
            store.lock(c);
            licenses.withdraw(c, licenseId, reason == null ? "" : reason, clock.instant());
            return null;
        }), "reason=" + reason);
    }

    /** The certificate a revocation would touch and the CRL it would produce; refuses what cannot be revoked. */
    public RevocationPreview previewRevocation(String serialHex,
            java.util.function.Function<IssuedCertificate, List<String>> gridMapEntries) {
        Instant now = clock.instant();
        IssuedCertificate certificate = database.withConnection(c -> store.find(c, serialHex))
                .orElseThrow(() -> CaException.of("revoke.noSuchSerial", serialHex));
        if (certificate.status() != IssuedCertificate.Status.VALID) {
            throw CaException.of("revoke.alreadyRevoked", certificate.serialHex());
        }
        // Asked between the two reads so no connection is held while the mapping store uses its own.
        List<String> lines = gridMapEntries.apply(certificate);
        return database.withConnection(c -> new RevocationPreview(certificate, lines, crls.nextNumber(c),
                store.revokedUnexpired(c, now).size() + (certificate.notAfter().isAfter(now) ? 1 : 0)));
    }

    public Optional<SignedCrl> latestCrl() {
        return database.withConnection(crls::latest);
    }

    private IssuedCertificate issue(String actor, CertificateProfile profile, String commonName, Optional<String> hpciId,
            Optional<String> eppn, byte[] csr) {
        JcaPKCS10CertificationRequest request = CertificationRequests.parse(csr);
        PublicKey key = CertificationRequests.checkedPublicKey(request);
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            store.lock(c);
            store.checkUnique(c, profile, commonName, hpciId, now);
            X509Certificate certificate = issuers.activeIssuer(c, now).issue(rules.subject(commonName), key, now);
            return store.insert(c, profile, commonName, hpciId, eppn, certificate, actor);
        });
    }

    /** Revokes and returns the CRL re-issued at once (CA-08). */
    public SignedCrl revoke(String actor, String role, String serialHex, RevocationReason reason, String reference) {
        // One transaction: a revocation the CA cannot publish in a signed CRL at once does not happen.
        return audited(actor, role, "ca.revoke", "serial " + serialHex, () -> database.inTransaction(c -> {
            Instant now = clock.instant();
            store.lock(c);
            store.markRevoked(c, serialHex, now, reason, reference == null ? "" : reference);
            return buildCrl(c, actor, now);
        }), "reason=" + reason + (reference == null ? "" : " ref=" + reference));
    }

    public java.util.List<IssuedCertificate> search(renkei.ca.core.CertificateQuery query) {
        return database.withConnection(c -> store.search(c, query, clock.instant()));
    }

    public Optional<IssuedCertificate> find(String serialHex) {
        return database.withConnection(c -> store.find(c, serialHex));
    }

    /** Builds and signs a new CRL with the next number. */
    public SignedCrl crl(String actor, String role) {
        return audited(actor, role, "ca.crl.issue", "", () -> buildCrl(actor));
    }

    private SignedCrl buildCrl(String actor) {
        return database.inTransaction(c -> {
            Instant now = clock.instant();
            store.lock(c);
            return buildCrl(c, actor, now);
        });
    }

    /** Caller holds the CA state lock. */
    private SignedCrl buildCrl(Connection c, String actor, Instant now) throws SQLException {
        CertificateIssuer issuer = issuers.activeIssuer(c, now);
        BigInteger number = store.nextCrlNumber(c, now, now.plus(CertificateIssuer.CRL_VALIDITY));
        SignedCrl crl = issuer.crl(number, store.revokedUnexpired(c, now), now);
        crls.insert(c, crl, actor);
        return crl;
    }

    private <T> T audited(String actor, String role, String action, String target, java.util.function.Supplier<T> work) {
        return audited(actor, role, action, target, work, "");
    }

    private <T> T audited(String actor, String role, String action, String target, java.util.function.Supplier<T> work,
            String detail) {
        try {
            T result = work.get();
            audit.append(new AuditEntry(AuditCategory.CA.id(), actor, role, action, target, AuditResult.SUCCESS,
                    (detail + " " + describe(result)).strip()));
            return result;
        } catch (CaException e) {
            AuditResult result = e instanceof renkei.ca.core.NotAuthorisedException ? AuditResult.DENIED : AuditResult.FAILURE;
            audit.append(new AuditEntry(AuditCategory.CA.id(), actor, role, action, target, result,
                    (detail + " " + e.getMessage()).strip()));
            throw e;
        }
    }

    private static String describe(Object result) {
        if (result instanceof IssuedCertificate issued) {
            // CA-14: the portal's access log names the user's HPCI-ID and ePPN with every certificate.
            return "serial=" + issued.serialHex() + " cn=" + issued.commonName() + issued.hpciId().map(id -> " hpciId=" + id).orElse("")
                    + issued.eppn().map(eppn -> " eppn=" + eppn).orElse("");
        }
        if (result instanceof String licenseId) {
            return "license=" + licenseId;
        }
        if (result instanceof GeneratedCredential generated) {
            return describe(generated.certificate()) + " keygen";
        }
        if (result instanceof Reissue reissue) {
            return describe(reissue.issued()) + (reissue.superseded().isEmpty() ? ""
                    : " superseded=" + String.join(",", reissue.superseded().stream().map(IssuedCertificate::serialHex).toList()));
        }
        if (result instanceof SignedCrl crl) {
            return "crl number=" + crl.number() + " revoked=" + crl.revokedCount();
        }
        return "";
    }
}
