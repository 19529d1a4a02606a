// SPDX-License-Identifier: EPL-2.0
package renkei.ca.ui.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.eclipse.osgi.util.NLS;

import renkei.app.internal.Formats;
import renkei.ca.core.IssuedCertificate;
import renkei.ca.ui.internal.CaTexts.CertificateState;

/**
 * Decodes an issued certificate into the rows of the detail view: the stored state (with the
 * revocation's reason and reference), the fields and every extension of the certificate itself,
 * and its fingerprints; and turns it into PEM. Decoding reads the DER, not the database columns, so
 * the view shows what relying parties see. Pure functions; safe on any thread.
 */
final class CertificateDetails {

    /** One line of the detail view. */
    record Row(String field, String value) {
    }

    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();

    private static final Map<KeyPurposeId, String> PURPOSES = Map.of(KeyPurposeId.id_kp_serverAuth, "serverAuth",
            KeyPurposeId.id_kp_clientAuth, "clientAuth", KeyPurposeId.id_kp_codeSigning, "codeSigning",
            KeyPurposeId.id_kp_emailProtection, "emailProtection", KeyPurposeId.id_kp_timeStamping, "timeStamping",
            KeyPurposeId.id_kp_OCSPSigning, "OCSPSigning");

    private static final int[] KEY_USAGE_BITS = { KeyUsage.digitalSignature, KeyUsage.nonRepudiation,
            KeyUsage.keyEncipherment, KeyUsage.dataEncipherment, KeyUsage.keyAgreement, KeyUsage.keyCertSign,
            KeyUsage.cRLSign, KeyUsage.encipherOnly, KeyUsage.decipherOnly };
    private static final String[] KEY_USAGE_NAMES = { "digitalSignature", "nonRepudiation", "keyEncipherment",
            "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly" };

    private CertificateDetails() {
    }

    static List<Row> rows(IssuedCertificate certificate, Instant now) {
        List<Row> rows = new ArrayList<>();
        CertificateState state = CertificateState.of(certificate, now);
        rows.add(new Row(Messages.Detail_state, CaTexts.state(state)));
        if (state == CertificateState.REVOKED) {
            rows.add(new Row(Messages.Detail_revokedAt, Formats.full(certificate.revokedAt())));
            rows.add(new Row(Messages.Detail_reason, certificate.revocationReason().map(CaTexts::reason).orElse(Formats.NONE)));
            rows.add(new Row(Messages.Detail_reference, certificate.revocationReference().filter(r -> !r.isBlank())
                    .orElse(Formats.NONE)));
        }
        rows.add(new Row(Messages.Detail_profile, CaTexts.profile(certificate.profile())));
        rows.add(new Row(Messages.Detail_hpciId, certificate.hpciId().orElse(Formats.NONE)));
        rows.add(new Row(Messages.Detail_eppn, certificate.eppn().orElse(Formats.NONE)));
        rows.add(new Row(Messages.Detail_issuedBy, certificate.issuedBy()));
        X509CertificateHolder holder;
        try {
            holder = new X509CertificateHolder(certificate.der());
        } catch (IOException | RuntimeException e) {
            rows.add(new Row(Messages.Detail_undecodable, Formats.describe(e)));
            return rows;
        }
        rows.add(new Row(Messages.Detail_subject, slashForm(holder.getSubject())));
        rows.add(new Row(Messages.Detail_issuer, slashForm(holder.getIssuer())));
        rows.add(new Row(Messages.Detail_serial, serial(holder.getSerialNumber())));
        rows.add(new Row(Messages.Detail_notBefore, Formats.full(holder.getNotBefore().toInstant())));
        rows.add(new Row(Messages.Detail_notAfter, Formats.full(holder.getNotAfter().toInstant()) + "  ("
                + Formats.expiry(java.util.Optional.of(holder.getNotAfter().toInstant()), now) + ")"));
        rows.add(new Row(Messages.Detail_publicKey, publicKey(holder.getSubjectPublicKeyInfo())));
        rows.add(new Row(Messages.Detail_signature, signatureAlgorithm(holder.getSignatureAlgorithm().getAlgorithm())));
        if (holder.hasExtensions()) {
            for (ASN1ObjectIdentifier oid : holder.getExtensions().getExtensionOIDs()) {
                Extension extension = holder.getExtension(oid);
                String name = extensionName(oid) + (extension.isCritical() ? " " + Messages.Detail_critical : "");
                rows.add(new Row(name, extensionValue(extension)));
            }
        }
        rows.add(new Row(Messages.Detail_sha256, fingerprint("SHA-256", certificate.der())));
        rows.add(new Row(Messages.Detail_sha1, fingerprint("SHA-1", certificate.der())));
        return rows;
    }

    /** PEM as {@code openssl x509} writes it: 64 characters a line. */
    static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    /** Colon-separated upper-case hex, as {@code openssl x509 -fingerprint} prints it. */
    static String fingerprint(String algorithm, byte[] der) {
        try {
            return COLON_HEX.formatHex(MessageDigest.getInstance(algorithm).digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm, e);
        }
    }

    /** A certificate's subject as the detail view shows it, from its DER; the stored DN if that cannot be read. */
    static String subject(IssuedCertificate certificate) {
        try {
            return slashForm(new X509CertificateHolder(certificate.der()).getSubject());
        } catch (IOException | RuntimeException e) {
            return certificate.subjectDn();
        }
    }

    /** A DN in the comma form the key service reports ({@code C=JP,O=…}) in the slash form; unchanged if it does not parse. */
    static String slashForm(String dn) {
        try {
            return slashForm(new X500Name(BCStyle.INSTANCE, dn));
        } catch (IllegalArgumentException e) {
            return dn;
        }
    }

    /** The OpenSSL/Globus slash form the CA stores subjects in. */
    static String slashForm(X500Name name) {
        return Arrays.stream(name.getRDNs()).map(CertificateDetails::rdn).collect(Collectors.joining("/", "/", ""));
    }

    private static String rdn(RDN rdn) {
        return Arrays.stream(rdn.getTypesAndValues())
                .map(value -> BCStyle.INSTANCE.oidToDisplayName(value.getType()) + "=" + value.getValue())
                .collect(Collectors.joining("+"));
    }

    private static String serial(BigInteger serial) {
        return serial.toString(16).toUpperCase(java.util.Locale.ROOT) + "  (" + serial + ")";
    }

    private static String publicKey(SubjectPublicKeyInfo info) {
        ASN1ObjectIdentifier algorithm = info.getAlgorithm().getAlgorithm();
        if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
            try {
                RSAPublicKey key = RSAPublicKey.getInstance(info.parsePublicKey());
                return NLS.bind(Messages.Detail_rsaKey, key.getModulus().bitLength(), key.getPublicExponent());
            } catch (IOException | RuntimeException e) {
                return "RSA (" + Formats.describe(e) + ")";
            }
        }
        return algorithm.getId();
    }

    private static String signatureAlgorithm(ASN1ObjectIdentifier oid) {
        if (PKCSObjectIdentifiers.sha256WithRSAEncryption.equals(oid)) {
            return "sha256WithRSAEncryption";
        }
        if (PKCSObjectIdentifiers.sha384WithRSAEncryption.equals(oid)) {
            return "sha384WithRSAEncryption";
        }
        if (PKCSObjectIdentifiers.sha512WithRSAEncryption.equals(oid)) {
            return "sha512WithRSAEncryption";
        }
        return oid.getId();
    }

    private static String extensionName(ASN1ObjectIdentifier oid) {
        if (Extension.keyUsage.equals(oid)) {
            return "keyUsage";
        } else if (Extension.extendedKeyUsage.equals(oid)) {
            return "extendedKeyUsage";
        } else if (Extension.basicConstraints.equals(oid)) {
            return "basicConstraints";
        } else if (Extension.subjectKeyIdentifier.equals(oid)) {
            return "subjectKeyIdentifier";
        } else if (Extension.authorityKeyIdentifier.equals(oid)) {
            return "authorityKeyIdentifier";
        } else if (Extension.cRLDistributionPoints.equals(oid)) {
            return "cRLDistributionPoints";
        } else if (Extension.subjectAlternativeName.equals(oid)) {
            return "subjectAltName";
        } else if (Extension.certificatePolicies.equals(oid)) {
            return "certificatePolicies";
        } else if (Extension.authorityInfoAccess.equals(oid)) {
            return "authorityInfoAccess";
        }
        return oid.getId();
    }

    private static String extensionValue(Extension extension) {
        ASN1ObjectIdentifier oid = extension.getExtnId();
        try {
            if (Extension.keyUsage.equals(oid)) {
                KeyUsage usage = KeyUsage.getInstance(extension.getParsedValue());
                List<String> names = new ArrayList<>();
                for (int i = 0; i < KEY_USAGE_BITS.length; i++) {
                    if (usage.hasUsages(KEY_USAGE_BITS[i])) {
                        names.add(KEY_USAGE_NAMES[i]);
                    }
                }
                return String.join(", ", names);
            } else if (Extension.extendedKeyUsage.equals(oid)) {
                return Arrays.stream(ExtendedKeyUsage.getInstance(extension.getParsedValue()).getUsages())
                        .map(purpose -> PURPOSES.getOrDefault(KeyPurposeId.getInstance(purpose), purpose.getId()))
                        .collect(Collectors.joining(", "));
            } else if (Extension.basicConstraints.equals(oid)) {
                BasicConstraints constraints = BasicConstraints.getInstance(extension.getParsedValue());
                return constraints.isCA() ? "CA:TRUE" + (constraints.getPathLenConstraint() == null ? ""
                        : ", pathlen:" + constraints.getPathLenConstraint()) : "CA:FALSE";
            } else if (Extension.subjectKeyIdentifier.equals(oid)) {
                return COLON_HEX.formatHex(SubjectKeyIdentifier.getInstance(extension.getParsedValue()).getKeyIdentifier());
            } else if (Extension.authorityKeyIdentifier.equals(oid)) {
                byte[] id = AuthorityKeyIdentifier.getInstance(extension.getParsedValue()).getKeyIdentifier();
                return id == null ? Formats.NONE : COLON_HEX.formatHex(id);
            } else if (Extension.cRLDistributionPoints.equals(oid)) {
                List<String> names = new ArrayList<>();
                for (DistributionPoint point : CRLDistPoint.getInstance(extension.getParsedValue()).getDistributionPoints()) {
                    DistributionPointName name = point.getDistributionPoint();
                    if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                        Arrays.stream(GeneralNames.getInstance(name.getName()).getNames()).map(CertificateDetails::generalName)
                                .forEach(names::add);
                    }
                }
                return String.join(", ", names);
            } else if (Extension.subjectAlternativeName.equals(oid)) {
                return Arrays.stream(GeneralNames.getInstance(extension.getParsedValue()).getNames())
                        .map(CertificateDetails::generalName).collect(Collectors.joining(", "));
            } else if (Extension.certificatePolicies.equals(oid)) {
                return Arrays.stream(CertificatePolicies.getInstance(extension.getParsedValue()).getPolicyInformation())
                        .map(PolicyInformation::getPolicyIdentifier).map(ASN1ObjectIdentifier::getId)
                        .collect(Collectors.joining(", "));
            } else if (Extension.authorityInfoAccess.equals(oid)) {
                return Arrays.stream(AuthorityInformationAccess.getInstance(extension.getParsedValue()).getAccessDescriptions())
                        .map(CertificateDetails::accessDescription).collect(Collectors.joining(", "));
            }
            return COLON_HEX.formatHex(extension.getExtnValue().getOctets());
        } catch (RuntimeException e) {
            return NLS.bind(Messages.Detail_extensionUndecodable, Formats.describe(e));
        }
    }

    private static String accessDescription(AccessDescription description) {
        String method = AccessDescription.id_ad_caIssuers.equals(description.getAccessMethod()) ? "caIssuers"
                : AccessDescription.id_ad_ocsp.equals(description.getAccessMethod()) ? "OCSP"
                        : description.getAccessMethod().getId();
        return method + " - " + generalName(description.getAccessLocation());
    }

    private static String generalName(GeneralName name) {
        return switch (name.getTagNo()) {
            case GeneralName.dNSName -> "DNS:" + name.getName();
            case GeneralName.uniformResourceIdentifier -> "URI:" + name.getName();
            case GeneralName.rfc822Name -> "email:" + name.getName();
            case GeneralName.iPAddress -> "IP:" + name.getName();
            case GeneralName.directoryName -> "DirName:" + slashForm(X500Name.getInstance(name.getName()));
            default -> name.toString();
        };
    }
}
