// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

import renkei.ca.core.CaException;
import renkei.ca.core.CertificateProfile;
import renkei.ca.core.IssuedCertificate;
import renkei.ca.core.LicensePolicy;
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
                throw new CaException("hpciId and eduPersonPrincipalName are required for a license ID");
            }
            if (!policy.authorises(attributes)) {
                throw new CaException("Not authorised: no attribute rule grants " + hpciId + " a certificate (CA-06)");
            }
            rules.clientCommonName(attributes); // a user who could never redeem should not get a license
            return database.inTransaction(c -> {
                store.lock(c);
                return licenses.issue(c, policy, hpciId, eppn, attributes, actor, clock.instant());
            });
        });
    }

    /** Redeems a license ID with the user's CSR for their client certificate; single use. */
    public IssuedCertificate redeemLicense(String actor, String role, String licenseId, byte[] csr) {
        return audited(actor, role, "ca.license.redeem", "license " + licenseId, () -> {
            JcaPKCS10CertificationRequest request = CertificationRequests.parse(csr);
            PublicKey key = CertificationRequests.checkedPublicKey(request);
            Instant now = clock.instant();
            return database.inTransaction(c -> {
                store.lock(c);
                LicenseStore.License license = licenses.redeemable(c, licenseId, now);
                String commonName = rules.clientCommonName(license.attributes());
                store.checkUnique(c, CertificateProfile.CLIENT, commonName, Optional.of(license.hpciId()), now);
                X509Certificate certificate = issuers.activeIssuer(c, now).issue(rules.subject(commonName), key, now);
                IssuedCertificate issued = store.insert(c, CertificateProfile.CLIENT, commonName, Optional.of(license.hpciId()),
                        Optional.of(license.eppn()), certificate, actor);
                licenses.markRedeemed(c, license.licenseId(), issued.serialHex(), now);
                return issued;
            });
        });
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
        return audited(actor, role, "ca.revoke", "serial " + serialHex, () -> {
            database.inTransaction(c -> {
                store.lock(c);
                store.markRevoked(c, serialHex, clock.instant(), reason, reference == null ? "" : reference);
                return null;
            });
            return buildCrl();
        }, "reason=" + reason + (reference == null ? "" : " ref=" + reference));
    }

    public java.util.List<IssuedCertificate> search(renkei.ca.core.CertificateQuery query) {
        return database.withConnection(c -> store.search(c, query, clock.instant()));
    }

    public Optional<IssuedCertificate> find(String serialHex) {
        return database.withConnection(c -> store.find(c, serialHex));
    }

    /** Builds and signs a new CRL with the next number. */
    public SignedCrl crl(String actor, String role) {
        return audited(actor, role, "ca.crl.issue", "", this::buildCrl);
    }

    private SignedCrl buildCrl() {
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            store.lock(c);
            BigInteger number = store.nextCrlNumber(c, now, now.plus(CertificateIssuer.CRL_VALIDITY));
            return issuers.activeIssuer(c, now).crl(number, store.revokedUnexpired(c, now), now);
        });
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
            audit.append(new AuditEntry(AuditCategory.CA.id(), actor, role, action, target, AuditResult.FAILURE,
                    (detail + " " + e.getMessage()).strip()));
            throw e;
        }
    }

    private static String describe(Object result) {
        if (result instanceof IssuedCertificate issued) {
            return "serial=" + issued.serialHex() + " cn=" + issued.commonName();
        }
        if (result instanceof String licenseId) {
            return "license=" + licenseId;
        }
        if (result instanceof SignedCrl crl) {
            return "crl number=" + crl.number() + " revoked=" + crl.revokedCount();
        }
        return "";
    }
}
