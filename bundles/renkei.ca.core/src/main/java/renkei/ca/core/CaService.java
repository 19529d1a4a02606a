// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import renkei.platform.Session;
import renkei.platform.remote.RemoteService;

/**
 * Certificate issuance, license IDs, revocation and CRLs (CA-01 … CA-08, CA-14), the one entry point
 * the console, the CLI, the portal and the scheduler share. Every call checks the session's role,
 * refuses while the CA key is not activated (see {@link CaKeyService}) and audits its outcome,
 * refusals included, in the {@code ca} category.
 *
 * <p>Thread-safe; methods block on the database and on signing: never call them on the UI thread.
 * Posts EventAdmin topic {@link #TOPIC_CHANGED} after anything it stores changed, and a console
 * feed item (source {@code ca}) after each revocation committed.
 *
 * <p>Exported to connected consoles: methods with a {@code Session} check it themselves; the CA
 * certificate and the newest CRL are public documents any logged-in operator may fetch.
 *
 * @noimplement
 */
@RemoteService
public interface CaService {

    /** EventAdmin topic posted after an issuance, revocation, license change or new CRL. */
    String TOPIC_CHANGED = "renkei/ca/changed";

    /**
     * Direct operator issuance of a host or service certificate from a PKCS#10 request.
     *
     * @param commonName the FQDN (host) or {@code service/fqdn} (service); empty takes the CSR's CN
     */
    IssuedCertificate issue(Session by, CertificateProfile profile, byte[] csr, Optional<String> commonName);

    /**
     * The TLS certificate of a Renkei server's HTTPS endpoint ({@link CertificateProfile#SERVER}) for
     * the key of {@code csr}: CN the first host name, which must be a FQDN; a subjectAltName dNSName
     * for every host name; extendedKeyUsage serverAuth. A valid server certificate of the same CN is
     * revoked as superseded in the same transaction. Needs {@code CA_OPERATOR} and the activated key.
     */
    IssuedCertificate issueServer(Session by, byte[] csr, List<String> hostNames);

    /**
     * An operator's TLS client certificate ({@link CertificateProfile#OPERATOR}) for the key of
     * {@code csr}: CN the user name of an existing, enabled operator account; extendedKeyUsage
     * clientAuth. The operator's valid previous one is revoked as superseded in the same
     * transaction. Needs {@code CA_OPERATOR} and the activated key.
     */
    IssuedCertificate issueOperator(Session by, byte[] csr, String username);

    /**
     * CA-05/CA-06: gives a user a license ID when an attribute rule authorises them and they are
     * within the limits.
     *
     * @param attributes IdP attributes by LDAP name: givenName, sn, hpciId, eduPersonPrincipalName,
     *                   eduPersonEntitlement (multiple values separated by ';')
     */
    String issueLicense(Session by, Map<String, String> attributes);

    /** Redeems a license ID with the user's PKCS#10 request for their client certificate; single use. */
    IssuedCertificate redeemLicense(Session by, String licenseId, byte[] csr);

    /**
     * Redeems a license ID with server-side key generation: the key never leaves the returned
     * PKCS#12, which is protected by the user's passphrase (checked for strength and confirmation).
     */
    GeneratedCredential redeemLicenseWithKeyGeneration(Session by, String licenseId, char[] passphrase, char[] confirmation);

    /** License IDs, newest first; {@code hpciId} empty lists everyone's. */
    List<LicenseInfo> licenses(Session by, Optional<String> hpciId, int limit);

    /** Makes an unused license ID unusable, e.g. when it was sent to the wrong person. */
    void withdrawLicense(Session by, String licenseId, String reason);

    /** What a revocation of {@code serialHex} would touch, for the confirmation step. */
    RevocationPreview previewRevocation(Session by, String serialHex);

    /**
     * Revokes a certificate and re-issues the CRL at once (CA-08).
     *
     * @param reference free text such as the secretariat's request number
     */
    SignedCrl revoke(Session by, String serialHex, RevocationReason reason, String reference);

    /** Builds, signs and stores a new CRL with the next CRL number. */
    SignedCrl issueCrl(Session by);

    /** The newest CRL the CA signed, if any. */
    Optional<SignedCrl> latestCrl();

    List<IssuedCertificate> search(Session by, CertificateQuery query);

    Optional<IssuedCertificate> find(Session by, String serialHex);

    /** The CA's own certificate; throws {@link CaException} before the key ceremony. */
    X509Certificate caCertificate();
}
