// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;

import renkei.ca.core.AccountMapping;
import renkei.ca.core.CaException;
import renkei.ca.core.CaKeyService;
import renkei.ca.core.CaService;
import renkei.ca.core.CertificateProfile;
import renkei.ca.core.CertificateQuery;
import renkei.ca.core.GeneratedCredential;
import renkei.ca.core.GridMapService;
import renkei.ca.core.IssuedCertificate;
import renkei.ca.core.LicenseInfo;
import renkei.ca.core.RevocationPreview;
import renkei.ca.core.RevocationReason;
import renkei.ca.core.SignedCrl;
import renkei.platform.AuditLog;
import renkei.platform.Database;
import renkei.platform.IdentityService;
import renkei.platform.NotificationService;
import renkei.platform.Operator;
import renkei.platform.Role;
import renkei.platform.Session;
import renkei.platform.Severity;
import renkei.platform.SiteConfig;

/**
 * The {@link CaService}: role checks (refusals go to the CA audit category, CA-14), then
 * {@link CertificateAuthority} for the work, then listeners and EventAdmin for what follows an
 * issuance. Holds no state of its own besides its collaborators, so any number of consoles and
 * servers can run it on one database.
 *
 * <p>Thread-safe.
 */
@Component(service = CaService.class)
public final class CaServiceComponent implements CaService {

    private static final Logger LOG = Logger.getLogger(CaServiceComponent.class.getName());

    private static final Role[] ISSUERS = CaAccess.CHANGE;
    /** The help desk answers "is my certificate revoked?" questions, so it may look too. */
    private static final Role[] READERS = { Role.CA_OPERATOR, Role.CA_OFFICER, Role.OPERATIONS_OFFICE, Role.HELP_DESK };

    private final CertificateAuthority authority;
    private final CaSettings settings;
    private final CaAccess access;
    private final java.util.function.Supplier<X509Certificate> caCertificate;
    private final CaEvents events = new CaEvents();
    private final List<IssuanceListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<GridMapService> gridMap = new AtomicReference<>();
    private final AtomicReference<NotificationService> feed = new AtomicReference<>();
    private final Function<String, Optional<Operator>> operators;

    @Activate
    public CaServiceComponent(@Reference Database database, @Reference AuditLog audit, @Reference IssuerSource issuers,
            @Reference CaKeyService keys, @Reference SiteConfig config, @Reference IdentityService identity) {
        this(database, audit, issuers, keys::caCertificate, CaSettings.from(config), Clock.systemUTC(), identity::find);
    }

    /** For tests and the standalone tools: the same service without OSGi, knowing no operator accounts. */
    public CaServiceComponent(Database database, AuditLog audit, IssuerSource issuers,
            java.util.function.Supplier<X509Certificate> caCertificate, CaSettings settings, Clock clock) {
        this(database, audit, issuers, caCertificate, settings, clock, username -> Optional.empty());
    }

    /** @param operators looks an operator account up by user name, for operator certificates */
    public CaServiceComponent(Database database, AuditLog audit, IssuerSource issuers,
            java.util.function.Supplier<X509Certificate> caCertificate, CaSettings settings, Clock clock,
            Function<String, Optional<Operator>> operators) {
        this.operators = operators;
        this.settings = settings;
        this.access = new CaAccess(audit);
        this.caCertificate = caCertificate;
        this.authority = new CertificateAuthority(database, audit, issuers, settings.subjectRules(), clock);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addIssuanceListener(IssuanceListener listener) {
        listeners.add(listener);
    }

    public void removeIssuanceListener(IssuanceListener listener) {
        listeners.remove(listener);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindGridMap(GridMapService service) {
        gridMap.set(service);
    }

    void unbindGridMap(GridMapService service) {
        gridMap.compareAndSet(service, null);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    public void bindNotifications(NotificationService service) {
        feed.set(service);
    }

    public void unbindNotifications(NotificationService service) {
        feed.compareAndSet(service, null);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindEventAdmin(EventAdmin admin) {
        events.bind(admin);
    }

    void unbindEventAdmin(EventAdmin admin) {
        events.unbind(admin);
    }

    @Override
    public IssuedCertificate issue(Session by, CertificateProfile profile, byte[] csr, Optional<String> commonName) {
        String action = "ca.issue." + profile.name().toLowerCase(java.util.Locale.ROOT);
        require(by, action, ISSUERS);
        IssuedCertificate issued = switch (profile) {
            case HOST -> authority.issueHost(by.username(), by.rolesText(), csr,
                    commonName.orElseGet(() -> CertificationRequests.commonName(csr)));
            case SERVICE -> {
                String name = commonName.orElseGet(() -> CertificationRequests.commonName(csr));
                int slash = name.indexOf('/');
                if (slash <= 0) {
                    throw CaException.of("subject.badServiceCn", name);
                }
                yield authority.issueService(by.username(), by.rolesText(), csr, name.substring(0, slash), name.substring(slash + 1));
            }
            case CLIENT -> throw CaException.of("issue.clientNeedsLicense");
            // Their own methods take what the profile needs: host names, an operator account.
            case SERVER, OPERATOR -> null;
        };
        if (issued == null) {
            String name = commonName.orElseGet(() -> CertificationRequests.commonName(csr));
            return profile == CertificateProfile.SERVER ? issueServer(by, csr, List.of(name)) : issueOperator(by, csr, name);
        }
        return issued(issued);
    }

    @Override
    public IssuedCertificate issueServer(Session by, byte[] csr, List<String> hostNames) {
        require(by, "ca.issue.server", ISSUERS);
        return reissued(by, authority.issueServer(by.username(), by.rolesText(), csr, hostNames));
    }

    @Override
    public IssuedCertificate issueOperator(Session by, byte[] csr, String username) {
        require(by, "ca.issue.operator", ISSUERS);
        String name = username == null ? "" : username.strip();
        if (operators.apply(name).filter(Operator::enabled).isEmpty()) {
            CaException refusal = CaException.of("issue.unknownOperator", name);
            access.failure(by, "ca.issue.operator", name, refusal.getMessage());
            throw refusal;
        }
        return reissued(by, authority.issueOperator(by.username(), by.rolesText(), csr, name));
    }

    private IssuedCertificate reissued(Session by, CertificateAuthority.Reissue reissue) {
        for (IssuedCertificate previous : reissue.superseded()) {
            posted(previous, RevocationReason.superseded, by);
        }
        return issued(reissue.issued());
    }

    @Override
    public String issueLicense(Session by, Map<String, String> attributes) {
        require(by, "ca.license.issue", ISSUERS);
        String licenseId = authority.issueLicense(by.username(), by.rolesText(), settings.licensePolicy(), attributes);
        events.post(TOPIC_CHANGED, "license " + licenseId);
        return licenseId;
    }

    @Override
    public IssuedCertificate redeemLicense(Session by, String licenseId, byte[] csr) {
        require(by, "ca.license.redeem", ISSUERS);
        return issued(authority.redeemLicense(by.username(), by.rolesText(), licenseId, csr));
    }

    @Override
    public GeneratedCredential redeemLicenseWithKeyGeneration(Session by, String licenseId, char[] passphrase, char[] confirmation) {
        require(by, "ca.license.redeem.keygen", ISSUERS);
        GeneratedCredential generated = authority.redeemLicenseWithKeyGeneration(by.username(), by.rolesText(), licenseId,
                passphrase, confirmation, settings.minPassphraseLength());
        issued(generated.certificate());
        return generated;
    }

    @Override
    public List<LicenseInfo> licenses(Session by, Optional<String> hpciId, int limit) {
        require(by, "ca.license.list", READERS);
        return authority.licenses(hpciId.orElse(null), limit);
    }

    @Override
    public void withdrawLicense(Session by, String licenseId, String reason) {
        require(by, "ca.license.withdraw", ISSUERS);
        authority.withdrawLicense(by.username(), by.rolesText(), licenseId, reason);
        events.post(TOPIC_CHANGED, "license withdrawn " + licenseId);
    }

    @Override
    public RevocationPreview previewRevocation(Session by, String serialHex) {
        require(by, "ca.revoke.preview", ISSUERS);
        return authority.previewRevocation(serialHex, this::gridMapLines);
    }

    /** The grid-mapfile lines naming the certificate's subject; none while no mapping store runs. */
    private List<String> gridMapLines(IssuedCertificate certificate) {
        GridMapService mappings = gridMap.get();
        if (mappings == null) {
            return List.of();
        }
        String subject = renkei.ca.core.internal.repository.GlobusNames.slashForm(org.bouncycastle.asn1.x500.X500Name.getInstance(
                Pem.certificate(certificate.der()).getSubjectX500Principal().getEncoded()));
        return mappings.mappings(Optional.of(subject)).stream().filter(m -> m.subjectDn().equals(subject))
                .map(CaServiceComponent::describe).toList();
    }

    @Override
    public SignedCrl revoke(Session by, String serialHex, RevocationReason reason, String reference) {
        require(by, "ca.revoke", ISSUERS);
        SignedCrl crl = authority.revoke(by.username(), by.rolesText(), serialHex, reason, reference);
        events.post(TOPIC_CHANGED, "revoked " + serialHex);
        authority.find(serialHex).ifPresent(revoked -> posted(revoked, reason, by));
        return crl;
    }

    @Override
    public SignedCrl issueCrl(Session by) {
        require(by, "ca.crl.issue", ISSUERS);
        SignedCrl crl = authority.crl(by.username(), by.rolesText());
        events.post(TOPIC_CHANGED, "crl " + crl.number());
        return crl;
    }

    @Override
    public Optional<SignedCrl> latestCrl() {
        return authority.latestCrl();
    }

    @Override
    public List<IssuedCertificate> search(Session by, CertificateQuery query) {
        require(by, "ca.search", READERS);
        return authority.search(query);
    }

    @Override
    public Optional<IssuedCertificate> find(Session by, String serialHex) {
        require(by, "ca.search", READERS);
        return authority.find(serialHex);
    }

    @Override
    public X509Certificate caCertificate() {
        return caCertificate.get();
    }

    private IssuedCertificate issued(IssuedCertificate certificate) {
        for (IssuanceListener listener : listeners) {
            try {
                listener.issued(certificate);
            } catch (RuntimeException e) {
                // The certificate is committed; a listener's trouble (mail queue, say) must not look like a failed issuance.
                LOG.log(Level.WARNING, "Issuance listener " + listener.getClass().getName() + " failed for "
                        + certificate.serialHex() + ": " + e.getMessage(), e);
            }
        }
        events.post(TOPIC_CHANGED, "issued " + certificate.serialHex());
        return certificate;
    }

    /**
     * Tells every console's feed about a committed revocation; other processes sharing the database
     * see it there, since EventAdmin does not cross processes. A feed failure never undoes it.
     */
    private void posted(IssuedCertificate revoked, RevocationReason reason, Session by) {
        NotificationService notifications = feed.get();
        if (notifications == null) {
            return;
        }
        try {
            notifications.post(reason == RevocationReason.superseded ? Severity.INFO : Severity.WARNING, "ca",
                    "Certificate revoked: " + revoked.subjectDn() + " (serial " + revoked.serialHex() + ", reason " + reason
                            + ") by " + by.username(),
                    revoked.revocationReference().orElse(""));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Feed item for the revocation of " + revoked.serialHex() + " not posted: " + e.getMessage(), e);
        }
    }

    private void require(Session by, String action, Role... anyOf) {
        access.require(by, action, "", anyOf);
    }

    private static String describe(AccountMapping mapping) {
        return "\"" + mapping.subjectDn() + "\" " + String.join(",", mapping.accounts());
    }
}
