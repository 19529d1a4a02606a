// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;

import renkei.ca.core.CaException;
import renkei.ca.core.CertificateProfile;
import renkei.ca.core.SignedCrl;

/**
 * Signs end-entity certificates (CA-02 profile) and CRLs (CA-08) with an activated CA key.
 * Thread-safe: signing objects are created per call.
 */
public final class CertificateIssuer {

    /** CA-08: a CRL is valid for 30 days. */
    public static final Duration CRL_VALIDITY = Duration.ofDays(30);

    private final CaKeyMaterial ca;
    private final String crlDistributionPoint;
    private final SecureRandom random = new SecureRandom();

    public CertificateIssuer(CaKeyMaterial ca, String crlDistributionPoint) {
        this.ca = ca;
        this.crlDistributionPoint = crlDistributionPoint;
    }

    /**
     * Issues a certificate for {@code subject} and {@code publicKey}, valid from {@code now} for
     * {@link CertificateProfile#VALIDITY}: basicConstraints CA:false, keyUsage digitalSignature +
     * keyEncipherment (both critical), SKI, AKI and the CRL distribution point.
     */
    public X509Certificate issue(X500Name subject, PublicKey publicKey, Instant now) {
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            Instant notAfter = now.atOffset(ZoneOffset.UTC).plus(CertificateProfile.VALIDITY).toInstant();
            if (notAfter.isAfter(ca.certificate().getNotAfter().toInstant())) {
                throw new CaException("The CA certificate expires before " + notAfter + "; renew the CA first");
            }
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(), newSerial(), Date.from(now),
                    Date.from(notAfter), subject, publicKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(publicKey))
                    .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(ca.certificate()))
                    .addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                        new DistributionPoint(new DistributionPointName(new GeneralNames(
                                new GeneralName(GeneralName.uniformResourceIdentifier, crlDistributionPoint))), null, null) }));
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

    /** Builds and signs a CRL valid from {@code now} for {@link #CRL_VALIDITY}. */
    public SignedCrl crl(BigInteger crlNumber, List<Revocation> revoked, Instant now) {
        try {
            Instant nextUpdate = now.plus(CRL_VALIDITY);
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(ca.certificate(), Date.from(now));
            builder.setNextUpdate(Date.from(nextUpdate));
            for (Revocation revocation : revoked) {
                builder.addCRLEntry(revocation.serial(), Date.from(revocation.revokedAt()), revocation.reasonCode());
            }
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(crlNumber));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
            byte[] der = builder.build(signer()).getEncoded();
            // X.509 times have second precision; report what the CRL really says.
            return new SignedCrl(crlNumber, now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                    nextUpdate.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), revoked.size(), der);
        } catch (GeneralSecurityException | IOException e) {
            throw new CaException("Signing the CRL failed: " + e.getMessage(), e);
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
