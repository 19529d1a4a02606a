// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;

import renkei.ca.core.CaException;
import renkei.ca.core.CertificateProfile;
import renkei.ca.core.SignedCrl;

/**
 * Signs end-entity certificates (CA-02 profile) and CRLs (CA-08) with an activated CA key.
 *
 * <p>Thread-safe. What depends only on the CA certificate (issuer name, AKI, the fixed extensions)
 * is encoded once here; signing objects are created per call.
 */
public final class CertificateIssuer {

    /** CA-08: a CRL is valid for 30 days. */
    public static final Duration CRL_VALIDITY = Duration.ofDays(30);

    private static final Extension BASIC_CONSTRAINTS = extension(Extension.basicConstraints, true, new BasicConstraints(false));
    private static final Extension KEY_USAGE = extension(Extension.keyUsage, true,
            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
    /** Non-critical reasonCode entry extensions by RFC 5280 code; 0 (unspecified) is left out, as RFC 5280 asks. */
    private static final byte[][] REASON_EXTENSIONS = new byte[11][];

    static {
        for (int code = 1; code < REASON_EXTENSIONS.length; code++) {
            REASON_EXTENSIONS[code] = reasonExtensions(code);
        }
    }

    private final CaKeyMaterial ca;
    private final SecureRandom random = new SecureRandom();
    private final X500Name issuerName;
    private final byte[] issuerNameDer;
    private final Extension authorityKeyIdentifier;
    private final Extension crlDistributionPoints;

    public CertificateIssuer(CaKeyMaterial ca, String crlDistributionPoint) {
        this.ca = ca;
        try {
            this.issuerNameDer = ca.certificate().getSubjectX500Principal().getEncoded();
            this.issuerName = X500Name.getInstance(issuerNameDer);
            this.authorityKeyIdentifier = extension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
        } catch (GeneralSecurityException e) {
            throw new CaException("The CA certificate cannot be used: " + e.getMessage(), e);
        }
        this.crlDistributionPoints = extension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
            new DistributionPoint(new DistributionPointName(new GeneralNames(
                    new GeneralName(GeneralName.uniformResourceIdentifier, crlDistributionPoint))), null, null) }));
    }

    /**
     * Issues a certificate for {@code subject} and {@code publicKey}, valid from {@code now} for
     * {@link CertificateProfile#VALIDITY}: basicConstraints CA:false, keyUsage digitalSignature +
     * keyEncipherment (both critical), SKI, AKI and the CRL distribution point.
     */
    public X509Certificate issue(X500Name subject, PublicKey publicKey, Instant now) {
        return issue(subject, publicKey, now, List.of());
    }

    /** As {@link #issue(X500Name, PublicKey, Instant)} plus profile extensions (extendedKeyUsage, subjectAltName). */
    public X509Certificate issue(X500Name subject, PublicKey publicKey, Instant now, List<Extension> additions) {
        try {
            Instant notAfter = now.atOffset(ZoneOffset.UTC).plus(CertificateProfile.VALIDITY).toInstant();
            if (notAfter.isAfter(ca.certificate().getNotAfter().toInstant())) {
                throw CaException.of("issue.caExpiresFirst", notAfter);
            }
            SubjectPublicKeyInfo keyInfo = SubjectPublicKeyInfo.getInstance(publicKey.getEncoded());
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuerName, newSerial(), time(now), time(notAfter),
                    subject, keyInfo)
                    .addExtension(BASIC_CONSTRAINTS)
                    .addExtension(KEY_USAGE)
                    .addExtension(Extension.subjectKeyIdentifier, false, new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keyInfo))
                    .addExtension(authorityKeyIdentifier)
                    .addExtension(crlDistributionPoints);
            for (Extension addition : additions) {
                builder.addExtension(addition);
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer()));
        } catch (GeneralSecurityException | IOException e) {
            throw new CaException("Signing the certificate failed: " + e.getMessage(), e);
        }
    }

    /** The certificate of the key this issuer signs with. */
    public X509Certificate caCertificate() {
        return ca.certificate();
    }

    /** A revoked certificate for the CRL: serial, time and RFC 5280 reason code. */
    public record Revocation(BigInteger serial, Instant revokedAt, int reasonCode) {
    }

    /**
     * Builds and signs a CRL valid from {@code now} for {@link #CRL_VALIDITY}: an RFC 5280 v2 CRL
     * with CRL number and AKI, entries in the given order, each with a reasonCode unless it is
     * unspecified. The entries are written as DER directly; the result is what BouncyCastle's
     * {@code X509v2CRLBuilder} makes from the same input, byte for byte, in a fraction of the time.
     */
    public SignedCrl crl(BigInteger crlNumber, List<Revocation> revoked, Instant now) {
        try {
            Instant nextUpdate = now.plus(CRL_VALIDITY);
            ContentSigner signer = signer();
            byte[] signatureAlgorithm = signer.getAlgorithmIdentifier().getEncoded(ASN1Encoding.DER);

            DerBuffer entries = new DerBuffer(revoked.size() * 52);
            DerBuffer entry = new DerBuffer(64);
            for (Revocation revocation : revoked) {
                entry.reset();
                entry.integer(revocation.serial()).time(revocation.revokedAt());
                int code = revocation.reasonCode();
                if (code != 0) {
                    entry.write(code > 0 && code < REASON_EXTENSIONS.length ? REASON_EXTENSIONS[code] : reasonExtensions(code));
                }
                entries.element(DerBuffer.SEQUENCE, entry);
            }
            byte[] extensions = new DERTaggedObject(true, 0, new Extensions(new Extension[] {
                extension(Extension.cRLNumber, false, new CRLNumber(crlNumber)), authorityKeyIdentifier }))
                    .getEncoded(ASN1Encoding.DER);

            DerBuffer tbsContent = new DerBuffer(entries.size() + 512);
            tbsContent.integer(BigInteger.ONE) // v2
                    .write(signatureAlgorithm)
                    .write(issuerNameDer)
                    .time(now)
                    .time(nextUpdate);
            if (entries.size() > 0) { // RFC 5280 5.1.2.6: absent, not empty, when nothing is revoked
                tbsContent.element(DerBuffer.SEQUENCE, entries);
            }
            tbsContent.write(extensions);
            DerBuffer tbs = new DerBuffer(tbsContent.size() + 8).element(DerBuffer.SEQUENCE, tbsContent);

            try (OutputStream out = signer.getOutputStream()) {
                tbs.writeTo(out);
            }
            byte[] signature = signer.getSignature();
            DerBuffer content = new DerBuffer(tbs.size() + signatureAlgorithm.length + signature.length + 16)
                    .write(tbs)
                    .write(signatureAlgorithm)
                    .header(DerBuffer.BIT_STRING, signature.length + 1).write(0).write(signature);
            byte[] der = new DerBuffer(content.size() + 8).element(DerBuffer.SEQUENCE, content).toByteArray();
            // X.509 times have second precision; report what the CRL really says.
            return new SignedCrl(crlNumber, now.truncatedTo(ChronoUnit.SECONDS), nextUpdate.truncatedTo(ChronoUnit.SECONDS),
                    revoked.size(), der);
        } catch (IOException e) {
            throw new CaException("Signing the CRL failed: " + e.getMessage(), e);
        }
    }

    /** BouncyCastle's {@code Time(Date)} formats through a new {@code SimpleDateFormat} each time. */
    private static Time time(Instant instant) throws IOException {
        return Time.getInstance(ASN1Primitive.fromByteArray(new DerBuffer(17).time(instant).toByteArray()));
    }

    private static byte[] reasonExtensions(int code) {
        try {
            return new Extensions(extension(Extension.reasonCode, false, CRLReason.lookup(code))).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** extendedKeyUsage serverAuth and a dNSName per host, for {@link CertificateProfile#SERVER}. */
    public static List<Extension> serverExtensions(List<String> hostNames) {
        GeneralName[] names = hostNames.stream().map(h -> new GeneralName(GeneralName.dNSName, h)).toArray(GeneralName[]::new);
        return List.of(extension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth)),
                extension(Extension.subjectAlternativeName, false, new GeneralNames(names)));
    }

    /** extendedKeyUsage clientAuth, for {@link CertificateProfile#OPERATOR}. */
    public static List<Extension> operatorExtensions() {
        return List.of(extension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth)));
    }

    private static Extension extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        try {
            return new Extension(oid, critical, new DEROctetString(value));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ContentSigner signer() {
        try {
            return CaKeyMaterial.signerBuilder(ca.signingProvider()).build(ca.signingKey());
        } catch (OperatorCreationException e) {
            throw new CaException("The CA key cannot sign: " + e.getMessage(), e);
        }
    }

    /** 127 random bits: positive, unpredictable (RFC 5280 allows 20 octets) and practically unique. */
    private BigInteger newSerial() {
        return new BigInteger(127, random).setBit(126);
    }
}
